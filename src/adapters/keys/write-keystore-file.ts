import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { encryptKeystoreJson } from "ethers";
import { ConflictError } from "../../domain/errors.js";
import { hasErrorCode } from "./has-error-code.js";

/** Written into every file, so a key found lying around says what it is. ethers ignores extra members. */
const DEV_ONLY_NOTICE = "DEV-ONLY keystore: never use for production keys";

/**
 * scrypt cost 2^14 instead of ethers' default 2^17: unlocking takes ~60 ms instead of ~1 s on two
 * cores, which keeps tests and `npm start` quick. Acceptable only because these are dev keys; it
 * makes guessing the password 8 times cheaper.
 */
const SCRYPT_N = 2 ** 14;

/**
 * Writes one key as an encrypted JSON keystore (Web3 Secret Storage v3), readable by the owner only,
 * in a directory only the owner can enter. Never overwrites: a key file is the only copy of its key.
 */
export async function writeKeystoreFile(
  path: string,
  key: { address: string; privateKey: string },
  label: string,
  password: string,
): Promise<void> {
  const keystore = await encryptKeystoreJson({ address: key.address, privateKey: key.privateKey }, password, {
    scrypt: { N: SCRYPT_N },
  });
  const file = {
    "x-tradeseal": DEV_ONLY_NOTICE,
    "x-tradeseal-label": label,
    ...(JSON.parse(keystore) as Record<string, unknown>),
  };
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  try {
    await writeFile(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if (hasErrorCode(error, "EEXIST")) {
      throw new ConflictError(`The dev keystore already holds ${key.address} (${path}): use that key as it is.`, {
        address: key.address,
      });
    }
    throw error;
  }
}
