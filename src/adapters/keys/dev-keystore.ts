/**
 * DEV-ONLY key ring. Authority signing keys live as ethers encrypted JSON keystores, one file per
 * key (`<directory>/<address>.json`), all under one password. It exists for development, tests
 * and demos: production keys belong in an HSM or KMS adapter behind the same `KeyRing` port, where
 * the private key never leaves the device.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { concat, getAddress, isAddress, Wallet } from "ethers";
import type { ActionSigner, KeyRing } from "../../application/ports/key-ring.js";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import { hasErrorCode } from "./has-error-code.js";
import { readKeystoreFile } from "./read-keystore-file.js";
import { writeKeystoreFile } from "./write-keystore-file.js";

export interface DevKeystoreOptions {
  /** Where the key files are; created (mode 0700) on the first key. */
  directory: string;
  /** Encrypts every key file; the composition root reads it from TRADESEAL_DEV_KEYSTORE_PASSWORD. */
  password: string;
}

export interface DevKeystore extends KeyRing {
  /** Adds a known private key (0x-hex), e.g. a Hardhat dev account, for seeding demo authorities. */
  importKey(privateKeyHex: string, label: string): Promise<ActionSigner>;
}

/** Opens (or starts) a DEV-ONLY keystore directory. Never use it for production keys. */
export function createDevKeystore({ directory, password }: DevKeystoreOptions): DevKeystore {
  if (password === "") {
    throw new ValidationError("The dev keystore needs a password: set TRADESEAL_DEV_KEYSTORE_PASSWORD.");
  }
  // Keys this instance has unlocked: scrypt runs once per key, and nothing outlives the instance.
  const unlocked = new Map<string, Promise<ActionSigner>>();
  const pathOf = (address: string): string => join(directory, `${address}.json`);

  async function add(key: { address: string; privateKey: string }, label: string): Promise<ActionSigner> {
    await writeKeystoreFile(pathOf(key.address), key, label, password);
    const signer = actionSignerOf(new Wallet(key.privateKey));
    unlocked.set(signer.address, Promise.resolve(signer));
    return signer;
  }

  async function unlock(address: string): Promise<ActionSigner> {
    const wallet = await readKeystoreFile(pathOf(address), password, address);
    if (wallet === undefined) {
      throw new NotFoundError(
        `The dev keystore ${directory} holds no key ${address}. Create a key with create(label) or import ` +
          "a known dev key with importKey(privateKey, label), or check the address and the directory.",
        { address },
      );
    }
    return actionSignerOf(wallet);
  }

  return {
    async signer(address: string): Promise<ActionSigner> {
      const checksummed = checksumOf(address);
      let signer = unlocked.get(checksummed);
      if (signer === undefined) {
        signer = unlock(checksummed);
        unlocked.set(checksummed, signer);
        // A failed unlock is not remembered: the file may be added or the password fixed later.
        signer.catch(() => unlocked.delete(checksummed));
      }
      return signer;
    },

    create(label: string): Promise<ActionSigner> {
      return add(Wallet.createRandom(), label);
    },

    async importKey(privateKeyHex: string, label: string): Promise<ActionSigner> {
      let wallet: Wallet;
      try {
        wallet = new Wallet(privateKeyHex);
      } catch {
        throw new ValidationError("That is not a private key: give 32 bytes as 0x-prefixed hex.");
      }
      return add(wallet, label);
    },

    async addresses(): Promise<string[]> {
      let names: string[];
      try {
        names = await readdir(directory);
      } catch (error) {
        if (hasErrorCode(error, "ENOENT")) return [];
        throw error;
      }
      return names
        .filter((name) => name.endsWith(".json"))
        .map((name) => name.slice(0, -".json".length))
        .filter((name) => isAddress(name) && getAddress(name) === name)
        .sort();
    },
  };
}

function checksumOf(address: string): string {
  try {
    return getAddress(address);
  } catch {
    throw new ValidationError(`"${address}" is not an Ethereum address: give 20 bytes as 0x-prefixed hex.`, {
      address,
    });
  }
}

/** Only the address and signing leave the ring; the wallet and its private key stay inside. */
function actionSignerOf(wallet: Wallet): ActionSigner {
  return {
    address: wallet.address,
    signTypedData: (domain, types, value) => wallet.signTypedData(domain, types, value),
    signTransaction: (request) => wallet.signTransaction(request),
    signDigest: (digest) => {
      const signature = wallet.signingKey.sign(digest);
      return Promise.resolve(concat([signature.r, signature.s]));
    },
  };
}
