import { readFile } from "node:fs/promises";
import { decryptKeystoreJson, isError, isKeystoreJson, Wallet, type KeystoreAccount } from "ethers";
import { ForbiddenError, ValidationError } from "../../domain/errors.js";
import { hasErrorCode } from "./has-error-code.js";

/**
 * Decrypts the keystore file of `address`; `undefined` when there is no such file. The file must
 * hold the key its name says, so a copied or renamed file cannot stand in for another key.
 */
export async function readKeystoreFile(path: string, password: string, address: string): Promise<Wallet | undefined> {
  let json: string;
  try {
    json = await readFile(path, "utf8");
  } catch (error) {
    if (hasErrorCode(error, "ENOENT")) return undefined;
    throw error;
  }
  if (!isKeystoreJson(json)) {
    throw new ValidationError(`${path} is not an encrypted JSON keystore: restore it or remove it.`, { address });
  }
  let account: KeystoreAccount;
  try {
    account = await decryptKeystoreJson(json, password);
  } catch (error) {
    if (isError(error, "INVALID_ARGUMENT") && error.argument === "password") {
      throw new ForbiddenError(
        `The dev keystore password is wrong: ${path} does not open with it. ` +
          "Set TRADESEAL_DEV_KEYSTORE_PASSWORD to the password its keys were created with.",
        { address },
      );
    }
    if (isError(error, "INVALID_ARGUMENT")) {
      throw new ValidationError(`${path} is a damaged keystore (${error.shortMessage}): restore it or remove it.`, {
        address,
      });
    }
    throw error;
  }
  if (account.address !== address) {
    throw new ValidationError(`${path} holds the key of ${account.address}, not ${address}: rename or remove it.`, {
      address,
    });
  }
  return new Wallet(account.privateKey);
}
