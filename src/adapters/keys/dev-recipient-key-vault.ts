/**
 * DEV-ONLY vault of document-decryption keys: one file per key id under `directory`, each the
 * private JWK encrypted as a JWE with the keystore password (PBES2). For demos and tests; a
 * production gateway keeps these keys in its HSM/KMS, or leaves them with the authorities.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { compactDecrypt, CompactEncrypt } from "jose";
import type { RecipientPrivateKey } from "../../application/ports/document-cipher.js";
import type { RecipientKeyVault } from "../../application/ports/recipient-key-vault.js";
import { ValidationError } from "../../domain/errors.js";
import { hasErrorCode } from "./has-error-code.js";

export function createDevRecipientKeyVault(options: { directory: string; password: string }): RecipientKeyVault {
  if (options.password === "") {
    throw new ValidationError("The dev key vault needs a password: set TRADESEAL_DEV_KEYSTORE_PASSWORD.");
  }
  const secret = new TextEncoder().encode(options.password);
  const fileOf = (kid: string) => path.join(options.directory, `${Buffer.from(kid).toString("base64url")}.jwe`);
  const opened = new Map<string, RecipientPrivateKey>();
  return {
    async get(kid) {
      const known = opened.get(kid);
      if (known) return known;
      let jwe: string;
      try {
        jwe = await readFile(fileOf(kid), "utf8");
      } catch (error) {
        if (hasErrorCode(error, "ENOENT")) return undefined;
        throw error;
      }
      const { plaintext } = await compactDecrypt(jwe.trim(), secret);
      const key = { kid, privateJwk: JSON.parse(new TextDecoder().decode(plaintext)) as JsonWebKey };
      opened.set(kid, key);
      return key;
    },
    async add(key) {
      const jwe = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(key.privateJwk)))
        .setProtectedHeader({ alg: "PBES2-HS256+A128KW", enc: "A256GCM", cty: "jwk+json", "x-tradeseal": "DEV-ONLY" })
        .encrypt(secret);
      await mkdir(options.directory, { recursive: true, mode: 0o700 });
      await writeFile(fileOf(key.kid), `${jwe}\n`, { mode: 0o600 });
      opened.set(key.kid, key);
    },
  };
}
