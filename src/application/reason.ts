import { ZeroHash, keccak256, toUtf8Bytes } from "ethers";
import { ValidationError } from "../domain/errors.js";

/** A reason as the registry records it: a code (0–255) and the hash of the free text ("" → zero hash). */
export function reasonOf(reasonCode: number, reasonText = ""): { reasonCode: number; reasonHash: string } {
  if (!Number.isInteger(reasonCode) || reasonCode < 0 || reasonCode > 255) {
    throw new ValidationError(`Reason code ${reasonCode} is out of range; use a whole number from 0 to 255.`);
  }
  return { reasonCode, reasonHash: reasonText === "" ? ZeroHash : keccak256(toUtf8Bytes(reasonText)) };
}

/** A certificate id as the registry knows it: 0x and 64 hex digits. */
export function checkCertificateId(id: string): string {
  if (!/^0x[0-9a-fA-F]{64}$/.test(id)) {
    throw new ValidationError(`"${id}" is not a certificate id; it is 0x followed by 64 hex digits.`);
  }
  return id.toLowerCase();
}
