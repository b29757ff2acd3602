import { createHmac } from "node:crypto";

/** The `Tradeseal-Signature` header value of a body: see application/ports/webhook-transport.ts. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}
