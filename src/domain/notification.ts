import { CertificateType, type CertificateStatus } from "./registry-types.js";

/** One event of the registries as the index records it, in chain order by (blockNumber, logIndex). */
export interface RecordedEvent {
  blockNumber: number;
  logIndex: number;
  /** The block's Unix time, in seconds. */
  blockTime: number;
  transactionHash: string;
  name: string;
  certificateId?: string;
  batchRoot?: string;
  /** The acting authority (the issuer for issuances). */
  authorityId?: number;
  args: Readonly<Record<string, string | number | boolean>>;
}

export type StatusName = Exclude<keyof typeof CertificateStatus, "NONE">;

export type NotificationType =
  | "certificate.issued"
  | "certificate.suspended"
  | "certificate.reinstated"
  | "certificate.revoked"
  | "certificate.superseded"
  | "certificate.accepted"
  | "certificate.rejected"
  | "certificate.drawn_down"
  | "certificate.exhausted"
  | "batch.anchored"
  | "batch.revoked"
  | "batch.leaf_promoted";

/**
 * A status change, as pushed to live listeners and webhooks. A batch member's revocation is a
 * `certificate.revoked` whose data names the batch.
 */
export interface Notification {
  /** `<block>-<logIndex>` of the event: unique, and ordered as the chain is. */
  id: string;
  type: NotificationType;
  /** Absent for the events of a whole batch. */
  certificateId?: string;
  /** The batch the certificate (or the event) belongs to. */
  batchRoot?: string;
  /** The certificate's (or batch's) status once the event is applied. */
  status: StatusName;
  block: number;
  /** The block's time, ISO 8601. */
  time: string;
  transaction: string;
  /** The authority that acted; absent when nobody did (exhaustion) or the accreditor did (authority 0). */
  authorityId?: number;
  /** What the event says beyond the status: reason codes, the replacement, quantities. */
  data: Record<string, string | number | boolean>;
}

/** Who a certificate or batch concerns, as the index holds it: what addressing a notification needs. */
export interface NotificationScope {
  /** The issuing authority and its country. */
  issuer: number;
  issuerCountry?: string;
  /** Certificates only: the type and the countries it names ("" when no importing country is named). */
  certificateType?: CertificateType;
  exportCountry?: string;
  importCountry?: string;
  /** The batch a certificate was anchored in. */
  batchRoot?: string;
  /** Token subjects that verified the certificate and asked to be told of its withdrawal. */
  watchers: readonly string[];
}

interface Change {
  type: NotificationType;
  /** The status the event leaves; absent when it keeps the one before (a drawdown). */
  status?: StatusName;
  /** Event arguments copied into the notification's data. */
  data: readonly string[];
}

const CHANGES: Readonly<Record<string, Change>> = {
  CertificateIssued: { type: "certificate.issued", status: "ISSUED", data: [] },
  BatchLeafRecorded: { type: "batch.leaf_promoted", status: "ISSUED", data: [] },
  CertificateSuspended: { type: "certificate.suspended", status: "SUSPENDED", data: ["reasonCode"] },
  CertificateReinstated: { type: "certificate.reinstated", status: "ISSUED", data: [] },
  CertificateRevoked: { type: "certificate.revoked", status: "REVOKED", data: ["reasonCode", "reasonHash"] },
  CertificateSuperseded: { type: "certificate.superseded", status: "SUPERSEDED", data: ["replacement", "reasonCode"] },
  CertificateAccepted: { type: "certificate.accepted", status: "ACCEPTED", data: [] },
  CertificateRejected: { type: "certificate.rejected", status: "REJECTED", data: ["reasonCode", "reasonHash"] },
  CertificateDrawnDown: {
    type: "certificate.drawn_down",
    data: ["declarationHash", "amount", "remaining", "importCountryUnnamed"],
  },
  CertificateExhausted: { type: "certificate.exhausted", status: "EXHAUSTED", data: [] },
  BatchAnchored: { type: "batch.anchored", status: "ISSUED", data: ["certificateTypes", "count"] },
  BatchRevoked: { type: "batch.revoked", status: "REVOKED", data: ["reasonCode", "reasonHash"] },
};

const TYPE_NAMES = Object.fromEntries(Object.entries(CertificateType).map(([name, value]) => [value, name]));

/** The status a certificate or batch is in after the event, when the event sets one. */
export function statusAfterEvent(name: string): StatusName | undefined {
  return CHANGES[name]?.status;
}

/**
 * The notification an indexed event makes, or undefined for events that change no certificate or
 * batch (authorities, keys, accreditors). `next` is the event after it: a batch member recorded
 * only to be revoked in the same transaction is told as its revocation alone. `statusBefore` is
 * the certificate's status before the event, for events that keep it (drawdowns).
 */
export function notificationOf(
  event: RecordedEvent,
  context: { scope: NotificationScope; next?: RecordedEvent; statusBefore?: StatusName },
): Notification | undefined {
  const change = CHANGES[event.name];
  if (!change) return undefined;
  const { scope, next } = context;
  if (
    event.name === "BatchLeafRecorded" &&
    next?.name === "CertificateRevoked" &&
    next.transactionHash === event.transactionHash &&
    next.certificateId === event.certificateId
  ) {
    return undefined;
  }
  const status = change.status ?? context.statusBefore;
  if (!status) return undefined;
  const data: Notification["data"] = {};
  for (const name of change.data) if (event.args[name] !== undefined) data[name] = event.args[name];
  if (event.name === "CertificateIssued" || event.name === "BatchLeafRecorded") {
    if (scope.certificateType !== undefined) data.certificateType = TYPE_NAMES[scope.certificateType];
    if (scope.exportCountry) data.exportCountry = scope.exportCountry;
    if (scope.importCountry) data.importCountry = scope.importCountry;
  }
  const batchRoot = event.batchRoot ?? scope.batchRoot;
  return {
    id: `${event.blockNumber}-${event.logIndex}`,
    type: change.type,
    ...(event.certificateId !== undefined && { certificateId: event.certificateId }),
    ...(batchRoot !== undefined && { batchRoot }),
    status,
    block: event.blockNumber,
    time: new Date(event.blockTime * 1000).toISOString(),
    transaction: event.transactionHash,
    ...(event.authorityId !== undefined && event.authorityId !== 0 && { authorityId: event.authorityId }),
    data,
  };
}
