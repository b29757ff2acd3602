import type { Caller } from "./caller.js";
import type { Notification, NotificationScope, NotificationType } from "./notification.js";
import { isCoo } from "./registry-types.js";

/** The changes a party that only verified a certificate is told of: those that withdraw trust in it. */
const WITHDRAWALS: ReadonlySet<NotificationType> = new Set([
  "certificate.revoked",
  "certificate.suspended",
  "certificate.superseded",
  "batch.revoked",
]);

/**
 * What of a notification the caller may receive: all of it, its status only, or nothing.
 *
 * In full: the issuing authority; the importing country's customs (certificates of origin) or
 * NPPO (phytosanitary certificates); the accreditor of the issuer's country; auditors and admins.
 * Status only: anyone who verified the certificate (a watcher), and only when it is revoked,
 * suspended or superseded — a verification entitles to no more than the public status.
 */
export function notificationFor(
  caller: Caller,
  notification: Notification,
  scope: NotificationScope,
): Notification | undefined {
  if (entitled(caller, scope)) return notification;
  if (WITHDRAWALS.has(notification.type) && scope.watchers.includes(caller.subject)) return statusOnly(notification);
  return undefined;
}

function entitled(caller: Caller, scope: NotificationScope): boolean {
  switch (caller.role) {
    case "auditor":
    case "admin":
      return true;
    case "issuer":
      return caller.authorityId !== undefined && caller.authorityId === scope.issuer;
    case "accreditor":
      return sameCountry(caller.country, scope.issuerCountry);
    case "customs":
    case "nppo": {
      if (scope.certificateType === undefined || !sameCountry(caller.country, scope.importCountry)) return false;
      return isCoo(scope.certificateType) === (caller.role === "customs");
    }
  }
}

/** "" (no importing country named) matches nobody. */
function sameCountry(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a !== "" && a.toUpperCase() === b.toUpperCase();
}

function statusOnly(notification: Notification): Notification {
  const { id, type, certificateId, batchRoot, status, block, time, transaction } = notification;
  return {
    id,
    type,
    ...(certificateId !== undefined && { certificateId }),
    ...(batchRoot !== undefined && { batchRoot }),
    status,
    block,
    time,
    transaction,
    data: {},
  };
}
