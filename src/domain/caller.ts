/**
 * Who is calling, as the identity provider's token says: the gateway decides what each may see
 * and do from these claims alone.
 */
export const CallerRole = ["issuer", "customs", "nppo", "accreditor", "auditor", "admin"] as const;
export type CallerRole = (typeof CallerRole)[number];

export interface Caller {
  /** The token's subject: a person or system at the authority. */
  subject: string;
  role: CallerRole;
  /** The registry id of the caller's authority (issuers, customs, NPPOs, auditors). */
  authorityId?: number;
  /** ISO 3166-1 alpha-2 country of the caller's authority or accreditor. */
  country?: string;
}
