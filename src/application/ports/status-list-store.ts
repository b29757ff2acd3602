import type { StatusListPosition, StatusPurpose } from "../../domain/credentials/status-list-entry.js";

/** A certificate's place in the status list of one purpose. */
export interface StatusListEntry extends StatusListPosition {
  certificateId: string;
}

/**
 * Where each certificate's bits sit in the gateway's Bitstring Status Lists: one position per
 * certificate and purpose, drawn at random so a list's order tells nothing about its certificates.
 */
export interface StatusListStore {
  /**
   * The certificate's entry for the purpose; when it has none, one is made in the newest list that
   * holds fewer than `capacity` entries (or a new list), at a position from `drawPosition`, drawn
   * again while the position is taken. Concurrent calls for one certificate agree on one entry.
   */
  assign(request: {
    certificateId: string;
    purpose: StatusPurpose;
    capacity: number;
    drawPosition: () => number;
  }): Promise<StatusListEntry>;
  /** Every entry of one list (any order); empty when the list does not exist. */
  entries(listId: string, purpose: StatusPurpose): Promise<StatusListEntry[]>;
}
