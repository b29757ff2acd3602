import { getBytes, hexlify } from "ethers";
import { CID } from "multiformats/cid";
import { ValidationError } from "./errors.js";

/** A CID's binary form as 0x-hex, as the registry's `cid` arguments carry it (shorter than its text). */
export function cidToBytes(cid: string): string {
  try {
    return hexlify(CID.parse(cid).bytes);
  } catch (error) {
    throw new ValidationError(
      `"${cid}" is not a CID; give a base32 CIDv1 such as "bafkrei…".`,
      { cid },
      { cause: error },
    );
  }
}

/** The text form of a CID read from an event; "" for empty bytes. */
export function cidFromBytes(hex: string): string {
  if (hex === "0x" || hex === "") return "";
  return CID.decode(getBytes(hex)).toString();
}
