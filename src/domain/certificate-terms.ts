import { getBytes, hexlify, keccak256, toUtf8Bytes } from "ethers";
import type { CertificateTerms } from "./registry-types.js";

/** ISO 3166-1 alpha-2 code as the registry's bytes2; "" (no country named) is 0x0000. */
export function countryCode(iso2: string): string {
  if (iso2 === "") return "0x0000";
  if (!/^[A-Z]{2}$/.test(iso2)) {
    throw new RangeError(`"${iso2}" is not an ISO 3166-1 alpha-2 country code; use two capital letters, e.g. "PK"`);
  }
  return hexlify(toUtf8Bytes(iso2));
}

/** UN/ECE Recommendation 20 unit code as bytes3, e.g. "KGM"; "" is 0x000000. */
export function unitCode(code: string): string {
  if (code === "") return "0x000000";
  if (!/^[A-Z0-9]{2,3}$/.test(code)) {
    throw new RangeError(`"${code}" is not a UN/ECE Rec 20 unit code; use its 2–3 character code, e.g. "KGM"`);
  }
  return hexlify(toUtf8Bytes(code.padEnd(3, "\0")));
}

/** keccak256 of the certificate number as the issuer wrote it. */
export function certificateNumberHash(certificateNumber: string): string {
  return keccak256(toUtf8Bytes(certificateNumber));
}

/**
 * The registry id of an issuer's certificate number: keccak256(abi.encode(uint32, bytes32)).
 * Both are static types, so the encoding is two words written directly (a batch computes
 * thousands: the general ABI coder was most of the cost).
 */
export function certificateId(issuerAuthorityId: number | bigint, numberHash: string): string {
  const issuer = BigInt(issuerAuthorityId);
  if (issuer < 0n || issuer > 0xffffffffn) throw new RangeError(`Authority id ${issuer} is not a uint32.`);
  const words = new Uint8Array(64);
  for (let i = 31, rest = issuer; rest > 0n; i--, rest >>= 8n) words[i] = Number(rest & 0xffn);
  const hash = getBytes(numberHash);
  if (hash.length !== 32) throw new RangeError(`"${numberHash}" is not a bytes32 number hash.`);
  words.set(hash, 32);
  return keccak256(words);
}

/** The terms as an ordered tuple, for a batch's StandardMerkleTree leaf. */
export function termsLeafValues(terms: CertificateTerms): unknown[] {
  return [
    terms.numberHash,
    terms.digest,
    terms.certificateType,
    terms.exportCountry,
    terms.importCountry,
    terms.validUntil,
    terms.quantity,
    terms.unit,
  ];
}

/**
 * The terms of a `CertificateIssued` or `BatchLeafRecorded` event: the two hashes and the
 * word the registry packs the rest into (type 8 | export 16 | import 16 | validUntil 40 |
 * quantity 96 | unit 24 bits, lowest first).
 */
export function unpackTerms(numberHash: string, digest: string, packed: bigint): CertificateTerms {
  const bits = (shift: number, width: number): bigint => (packed >> BigInt(shift)) & ((1n << BigInt(width)) - 1n);
  const hex = (value: bigint, bytes: number): string => "0x" + value.toString(16).padStart(bytes * 2, "0");
  return {
    numberHash,
    digest,
    certificateType: Number(bits(0, 8)) as CertificateTerms["certificateType"],
    exportCountry: hex(bits(8, 16), 2),
    importCountry: hex(bits(24, 16), 2),
    validUntil: bits(40, 40),
    quantity: bits(80, 96),
    unit: hex(bits(176, 24), 3),
  };
}

/** The registry's bytes2 country as ISO 3166-1 alpha-2; 0x0000 (no country named) is "". */
export function countryFromCode(code: string): string {
  if (/^0x0{4}$/.test(code)) return "";
  return String.fromCharCode(parseInt(code.slice(2, 4), 16), parseInt(code.slice(4, 6), 16));
}

/** The registry's bytes3 unit as its UN/ECE Rec 20 code, e.g. "KGM"; 0x000000 is "". */
export function unitFromCode(code: string): string {
  let unit = "";
  for (let i = 2; i < code.length; i += 2) {
    const byte = parseInt(code.slice(i, i + 2), 16);
    if (byte !== 0) unit += String.fromCharCode(byte);
  }
  return unit;
}

/**
 * Whether two sets of terms are the same commitment: what the registry's `matchesTerms` answers
 * for a record issued with `anchored` (hex compared without regard to case).
 */
export function sameTerms(presented: CertificateTerms, anchored: CertificateTerms): boolean {
  const a = termsLeafValues(presented);
  const b = termsLeafValues(anchored);
  return a.every((value, i) => String(value).toLowerCase() === String(b[i]).toLowerCase());
}
