/** Names for the API's answer types used across pages. */
import type { components, operations } from "./schema";

type Schemas = components["schemas"];
type Json<
  O extends keyof operations,
  S extends keyof operations[O]["responses"],
> = operations[O]["responses"][S] extends {
  content: { "application/json": infer J };
}
  ? J
  : never;

export type Certificate = Schemas["Certificate"];
export type VerificationResult = Schemas["VerificationResult"];
export type Fragment = VerificationResult["fragments"][number];
export type HistoryEntry = Schemas["HistoryEntry"];
export type CertificateHistory = Json<"getCertificateHistory", 200>;
export type Authority = Schemas["Authority"];
export type AuthorityDetail = Json<"getAuthority", 200>;
export type Anomaly = Schemas["Anomaly"];
export type ActionOutcome = Schemas["ActionOutcome"];
export type CertificateSearch = NonNullable<operations["searchCertificates"]["parameters"]["query"]>;
export type IssuedCertificate = Schemas["IssuedCertificate"];
export type BatchIssued = Json<"issueBatch", 201>;
export type CertificateDocument = Schemas["CertificateDocument"];
export type ConsignmentCertificates = Schemas["ConsignmentCertificates"];
export type DeclarationDraft = Schemas["DeclarationDraft"];
