/**
 * What POST /v1/verify is sent for what the user gave: an id or a verify link, a credential
 * (VC-JWT), XML (SPS ePhyto, hub envelope, e-CoO XML) or JSON (a document, { document, salt },
 * a batch member with its proof).
 */
export type VerifyRequest =
  | { kind: "id"; id: string }
  | { kind: "text"; contentType: "application/xml" | "application/vc+jwt"; text: string; source: string }
  | { kind: "json"; body: Record<string, unknown>; source: string };

const ID = /0x[0-9a-fA-F]{64}/;
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** The request for pasted or dropped text, or a sentence saying why it cannot be verified. */
export function verifyRequestOf(text: string, source: string): VerifyRequest | string {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  if (trimmed === "") return "Nothing to verify: paste a certificate id or choose a file.";
  if (trimmed.startsWith("<")) return { kind: "text", contentType: "application/xml", text: trimmed, source };
  if (trimmed.startsWith("{")) {
    try {
      const body = JSON.parse(trimmed) as unknown;
      if (typeof body === "object" && body !== null && !Array.isArray(body)) {
        return { kind: "json", body: body as Record<string, unknown>, source };
      }
    } catch {
      return `${source} looks like JSON but cannot be read (${source === "The text" ? "check it" : "is the file complete?"}).`;
    }
  }
  if (JWT.test(trimmed)) return { kind: "text", contentType: "application/vc+jwt", text: trimmed, source };
  const id = ID.exec(trimmed);
  if (id && trimmed.length <= 2048) return { kind: "id", id: id[0].toLowerCase() };
  return (
    `${source} is not something the registry can check: give a certificate id (0x and 64 hex digits), ` +
    "a verify link, or a certificate file (SPS XML, e-CoO JSON or XML, or a credential)."
  );
}
