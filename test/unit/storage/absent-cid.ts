import { randomBytes } from "node:crypto";
import { CID } from "multiformats/cid";
import * as raw from "multiformats/codecs/raw";
import { sha256 } from "multiformats/hashes/sha2";

/** dag-cbor in the multicodec table: a codec that is not UnixFS. */
const DAG_CBOR = 0x71;

/** The CID of fresh random bytes: well formed, and held by no store. */
export async function absentCid(codec: "raw" | "dag-cbor" = "raw"): Promise<string> {
  return CID.create(1, codec === "raw" ? raw.code : DAG_CBOR, await sha256.digest(randomBytes(32))).toString();
}
