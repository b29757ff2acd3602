/**
 * Which actions the registry's lifecycle allows from each status (contracts/types/Lifecycle.sol),
 * so the consoles offer only buttons that can work. The gateway still decides, and says why not.
 */
export type CertificateAction = "suspend" | "reinstate" | "revoke" | "replace" | "accept" | "reject" | "drawDown";

const ALLOWED_FROM: Record<CertificateAction, readonly string[]> = {
  suspend: ["ISSUED"],
  reinstate: ["SUSPENDED"],
  revoke: ["ISSUED", "SUSPENDED", "ACCEPTED", "REJECTED"],
  replace: ["ISSUED", "SUSPENDED", "REJECTED"],
  accept: ["ISSUED"],
  reject: ["ISSUED"],
  drawDown: ["ISSUED", "ACCEPTED"],
};

export const allows = (status: string, action: CertificateAction): boolean => ALLOWED_FROM[action].includes(status);
