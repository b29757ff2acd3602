import { z } from "zod";
import { STATUS_LIST_LENGTH } from "./bitstring-status-list.js";
import { gatewayUrl } from "./gateway-url.js";

/** What a set bit means: revocation is final, suspension can be lifted (the certificate reinstated). */
export const STATUS_PURPOSES = ["revocation", "suspension"] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];

/**
 * How many certificates one list takes per purpose before a new list is opened: a quarter of its
 * bits, so a random position is free at the first draw three times in four.
 */
export const STATUS_LIST_CAPACITY = STATUS_LIST_LENGTH / 4;

/** A certificate's place in one status list. */
export interface StatusListPosition {
  listId: string;
  purpose: StatusPurpose;
  position: number;
}

/** A `credentialStatus` entry of a credential (Bitstring Status List v1.0). */
export const bitstringStatusListEntrySchema = z.strictObject({
  id: z.string().optional(),
  type: z.literal("BitstringStatusListEntry"),
  statusPurpose: z.enum(STATUS_PURPOSES),
  statusListIndex: z.string().regex(/^(0|[1-9]\d{0,9})$/, "must be a decimal string"),
  statusListCredential: z.url(),
});
export type BitstringStatusListEntry = z.infer<typeof bitstringStatusListEntrySchema>;

/** Where the gateway serves the status list credential of (listId, purpose). */
export function statusListUrl(baseUrl: string, listId: string, purpose: StatusPurpose): string {
  return gatewayUrl(baseUrl, `/v1/status-lists/${encodeURIComponent(listId)}/${purpose}`);
}

/** The `credentialStatus` entry pointing at a certificate's bit. */
export function statusListEntry(baseUrl: string, at: StatusListPosition): BitstringStatusListEntry {
  const list = statusListUrl(baseUrl, at.listId, at.purpose);
  return {
    id: `${list}#${at.position}`,
    type: "BitstringStatusListEntry",
    statusPurpose: at.purpose,
    statusListIndex: String(at.position),
    statusListCredential: list,
  };
}
