import type { GatewayContext } from "./gateway-context.js";
import { checkCertificateId } from "./reason.js";

/**
 * Records that `owner` (a token subject) verified the certificate: it is then told, status only,
 * when the certificate is revoked, suspended or superseded. Watching twice is watching once.
 */
export async function watchCertificate(
  ctx: Pick<GatewayContext, "notifications">,
  input: { owner: string; certificateId: string },
): Promise<void> {
  await ctx.notifications.watch(checkCertificateId(input.certificateId), input.owner);
}
