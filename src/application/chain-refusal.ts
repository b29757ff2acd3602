import {
  ConflictError,
  ForbiddenError,
  LifecycleError,
  NotFoundError,
  TradesealError,
  ValidationError,
} from "../domain/errors.js";
import { CertificateAction, CertificateStatus } from "../domain/registry-types.js";
import type { OutboxEntry } from "./ports/outbox-store.js";

const nameOf = (table: Record<string, number>, value: unknown): string =>
  Object.keys(table).find((k) => table[k] === Number(value)) ?? String(value);

/** What a user can do about a certificate in each status, when the action they tried is not allowed. */
const NEXT_STEP: Record<string, string> = {
  REVOKED: "A revoked certificate is final; issue a new certificate if the goods still need one.",
  SUPERSEDED: "It was replaced: act on its replacement instead (see the certificate's supersededBy).",
  EXHAUSTED: "Its certified quantity is used up; the importer needs another certificate.",
  SUSPENDED: "The issuer must reinstate it first (or replace or revoke it).",
  ACCEPTED: "The importing country has already accepted it.",
  REJECTED: "The importing country rejected it; the issuer may replace or revoke it.",
  ISSUED: "Check the lifecycle table in the README for what is allowed.",
};

/** The error a user sees for a chain write the registry refused: what went wrong and what to do. */
export function refusalError(entry: OutboxEntry): TradesealError {
  const error = typeof entry.result?.error === "string" ? entry.result.error : "Unknown";
  const args = (entry.result?.args as string[] | undefined) ?? [];
  const details = { idempotencyKey: entry.idempotencyKey, error, args };
  switch (error) {
    case "CertificateRegistryInvalidTransition": {
      const current = nameOf(CertificateStatus, args[1]);
      const action = nameOf(CertificateAction, args[2]);
      return new LifecycleError(
        `The certificate is ${current}: ${action} is not allowed from that status. ${NEXT_STEP[current] ?? ""}`.trim(),
        { ...details, currentStatus: current },
      );
    }
    case "CertificateRegistryUnknownCertificate":
      return new LifecycleError("The registry has no such certificate; check its id.", details);
    case "CertificateRegistryAlreadyExists":
      return new ConflictError(
        "This certificate number is already anchored by the issuer with other content; use a new number or issue a replacement.",
        details,
      );
    case "CertificateRegistryQuantityExceeded":
      return new ValidationError(
        `The drawdown exceeds what is left of the certified quantity (remaining ${args[1]}, requested ${args[2]}, in thousandths of the unit).`,
        details,
      );
    case "CertificateRegistryReplacementBelowConsumed":
      return new ValidationError(
        `The replacement must certify more than was already drawn down (${args[1]} thousandths of the unit).`,
        details,
      );
    case "CertificateRegistryAlreadyExpired":
      return new ValidationError("The certificate's validity has already ended; correct its validUntil date.", details);
    case "AuthorityRegistryUnauthorizedKey":
    case "AuthorityRegistryAuthorityNotActive":
    case "AuthorityRegistryNotAccredited":
    case "CertificateRegistryUnauthorizedActor":
    case "CertificateRegistryWrongAuthorityKind":
    case "CertificateRegistryWrongImportCountry":
    case "AuthorityRegistryUnauthorizedAccreditor":
    case "AuthorityRegistryAccreditorOfOtherCountry":
    case "AccessControlUnauthorizedAccount":
      return new ForbiddenError(
        `The registry refused the acting key: ${error}(${args.join(", ")}). Check the authority's accreditation, key and country.`,
        details,
      );
    case "NOT_FOUND":
      return new NotFoundError(entry.lastError ?? "A key or record the action needs was not found.", details);
    case "FORBIDDEN":
      return new ForbiddenError(entry.lastError ?? "The acting key may not do this.", details);
    case "VALIDATION_FAILED":
      return new ValidationError(entry.lastError ?? "The action is not valid.", details);
    default:
      return new TradesealError(
        "CHAIN_REFUSED",
        `The registry refused the action: ${entry.lastError ?? error}.`,
        details,
      );
  }
}
