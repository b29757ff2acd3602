/**
 * What became of a drawdown request: RECORDED on chain, REFUSED (by the registry or the gateway),
 * or PENDING while the chain has not confirmed it yet.
 */
export type DeclarationOutcome = "RECORDED" | "REFUSED" | "PENDING";

/** An import declaration that importing customs drew a certificate down against, as they declared it. */
export interface NewDeclaration {
  certificateId: string;
  authorityId: number;
  /** The declaring authority's country. */
  country: string;
  /** The import declaration's reference; its keccak256 is the hash the chain keeps. */
  reference: string;
  declarationHash: string;
  /** The amount asked for, as a decimal in the certificate's unit. */
  amount: string;
  /** The invoice value declared at import, a canonical decimal, with its ISO 4217 currency. */
  invoiceValue?: string;
  invoiceCurrency?: string;
  /** The idempotency key of the drawdown's chain action, by which a PENDING one is settled later. */
  outboxKey?: string;
}

export interface DeclarationRecord extends NewDeclaration {
  id: number;
  outcome: DeclarationOutcome;
  /** Why it was refused: the registry's error with its arguments, or the gateway's message. */
  reason?: string;
  createdAt: Date;
}

/**
 * Every drawdown importing customs asked for, with what they declared (the chain keeps only the
 * declaration's hash): refused attempts too, so auditors see over-draws and invoice values.
 */
export interface DeclarationLog {
  /**
   * Records a drawdown request as PENDING. The same declaration and amount asked again by the
   * same authority while its drawdown is PENDING or RECORDED is the same drawdown: its record is
   * returned as it is. After a refusal, asking again is a new attempt with a record of its own.
   */
  open(declaration: NewDeclaration): Promise<DeclarationRecord>;
  /** Sets what became of the request. */
  settle(id: number, outcome: DeclarationOutcome, reason?: string): Promise<void>;
  /** A certificate's declarations, oldest first. */
  forCertificate(certificateId: string): Promise<DeclarationRecord[]>;
  /** The PENDING declarations whose chain action is known (they have an `outboxKey`), oldest first. */
  pending(limit: number): Promise<DeclarationRecord[]>;
}
