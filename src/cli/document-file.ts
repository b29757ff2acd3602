import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { ValidationError } from "../domain/errors.js";

export type DocumentMediaType = "application/json" | "application/xml" | "application/vc+jwt";

/** A certificate file as the gateway is sent it: its bytes, what they are, and their SHA-256. */
export interface DocumentFile {
  path: string;
  bytes: Uint8Array;
  text: string;
  type: DocumentMediaType;
  /** Hex SHA-256 of the bytes: the same file always gives the same digest. */
  sha256: string;
}

const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Reads a certificate file: e-CoO or ePhyto JSON, XML (SPS ePhyto, IPPC hub envelope, e-CoO XML)
 * or a VC-JWT credential, told apart by their content rather than the file name.
 */
export async function readDocumentFile(path: string, name = path): Promise<DocumentFile> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new ValidationError(`There is no file ${name}; check the name.`);
    if (code === "EISDIR") throw new ValidationError(`${name} is a folder; give a file.`);
    throw new ValidationError(`${name} cannot be read (${code ?? String(error)}).`);
  }
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
  const start = text.trimStart();
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (start.startsWith("<")) return { path, bytes, text, type: "application/xml", sha256 };
  if (start.startsWith("{")) {
    try {
      JSON.parse(text);
    } catch (error) {
      throw new ValidationError(`${name} is not valid JSON (${(error as Error).message}); correct it and retry.`);
    }
    return { path, bytes, text, type: "application/json", sha256 };
  }
  if (COMPACT_JWT.test(text.trim())) return { path, bytes, text: text.trim(), type: "application/vc+jwt", sha256 };
  throw new ValidationError(
    `${name} is neither a JSON nor an XML certificate nor a VC-JWT credential; give an e-CoO or ePhyto file.`,
  );
}
