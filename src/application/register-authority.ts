import { ValidationError } from "../domain/errors.js";
import { countryCode } from "../domain/certificate-terms.js";
import { AuthorityKind, CertificateType, typesMask } from "../domain/registry-types.js";
import type { GatewayContext } from "./gateway-context.js";
import { submitChainAction, type ActionOutcome } from "./submit-chain-action.js";

export type AuthorityKindName = Exclude<keyof typeof AuthorityKind, "NONE">;
export type CertificateTypeName = keyof typeof CertificateType;

/**
 * The accreditor of `country` registers an authority of it: a chamber (CoO types), an NPPO
 * (phyto types), customs or an auditor (no types). Registering the same name twice in a country
 * is taken as a retry of the first request.
 */
export async function registerAuthority(
  ctx: GatewayContext,
  input: {
    accreditor: string;
    country: string;
    kind: AuthorityKindName;
    certificateTypes: CertificateTypeName[];
    name: string;
    wait?: boolean;
  },
): Promise<ActionOutcome & { authorityId?: number }> {
  const name = input.name.trim();
  if (name === "") throw new ValidationError("Give the authority's legal name.");
  if (!(input.kind in AuthorityKind) || input.kind === ("NONE" as string)) {
    throw new ValidationError(`"${input.kind}" is not an authority kind; use CHAMBER, NPPO, CUSTOMS or AUDITOR.`);
  }
  const unknown = input.certificateTypes.filter((t) => !(t in CertificateType));
  if (unknown.length > 0) {
    throw new ValidationError(
      `Unknown certificate type ${unknown.join(", ")}; use ${Object.keys(CertificateType).join(", ")}.`,
    );
  }
  const outcome = await submitChainAction(ctx, {
    idempotencyKey: `register-authority:${input.country}:${name}`,
    action: {
      action: "RegisterAuthority",
      country: countryCode(input.country),
      kind: AuthorityKind[input.kind],
      certificateTypes: typesMask(...input.certificateTypes.map((t) => CertificateType[t])),
      name,
    },
    signer: input.accreditor,
    wait: input.wait,
  });
  const authorityId = outcome.result?.authorityId;
  return { ...outcome, ...(typeof authorityId === "number" && { authorityId }) };
}
