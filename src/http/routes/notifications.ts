import { z } from "zod";
import { listWebhooks } from "../../application/list-webhooks.js";
import { registerWebhook } from "../../application/register-webhook.js";
import { removeWebhook } from "../../application/remove-webhook.js";
import { webhookDeliveries } from "../../application/webhook-deliveries.js";
import type { Caller } from "../../domain/caller.js";
import { UnauthenticatedError, UnavailableError, ValidationError } from "../../domain/errors.js";
import { isBefore, positionOf } from "../../application/notifier.js";
import type { EventPosition } from "../../application/ports/notification-store.js";
import type { HttpDeps, LiveNotification } from "../http-deps.js";
import { answerOnce } from "../idempotency.js";
import { callerOf, defineRoute, type RouteSpec } from "../route.js";
import { certificateId, json, problems } from "../schemas.js";

const HEARTBEAT_MS = 15_000;
/** Events a returning client is sent at most before being told to read the rest from the histories. */
const REPLAY_LIMIT = 1_000;
/** Sees every event; the public stream then keeps one certificate's status changes only. */
const PUBLIC_STREAM: Caller = { subject: "public-status-stream", role: "admin" };

const webhook = z.object({ id: z.string(), url: z.string(), createdAt: z.string() }).meta({ id: "Webhook" });

export function notificationRoutes(deps: HttpDeps): RouteSpec[] {
  const { ctx } = deps;
  return [
    defineRoute({
      method: "get",
      path: "/v1/events",
      operationId: "events",
      summary: "Status changes as server-sent events",
      description:
        "With a token (Authorization header, or `access_token` for browsers' EventSource): every status change the caller may " +
        "know of — its own certificates, its country's incoming, all for auditors — plus revocations and supersessions of " +
        "certificates it verified. Without a token, `certificate` is required and the stream carries that certificate's " +
        "status changes only. Each event's `id` is `<block>-<logIndex>`; its `event` is the notification type. A client that " +
        `reconnects with \`Last-Event-ID\` is first sent the events it missed (up to ${REPLAY_LIMIT}; past that, an ` +
        "`replay-truncated` event says to read the histories).",
      tag: "Notifications",
      access: "public",
      query: z.strictObject({
        certificate: certificateId.optional(),
        access_token: z.string().max(4096).optional(),
      }),
      responses: {
        "200": { description: "text/event-stream", content: { "text/event-stream": { schema: z.string() } } },
        ...problems,
      },
      async handle({ query, caller, req, res }) {
        const { certificate, access_token: token } = query;
        const who = caller ?? (token ? await deps.tokens.verify(token) : undefined);
        if (!deps.events) throw new UnavailableError("This gateway instance does not stream events; use webhooks.");
        if (!who && !certificate) {
          throw new UnauthenticatedError("Sign in for your events, or name a certificate: /v1/events?certificate=0x….");
        }
        const only = certificate?.toLowerCase();
        const resumeAfter = lastEventIdOf(req.get("last-event-id"));
        res.writeHead(200, {
          "Content-Type": "text/event-stream; charset=utf-8",
          "Cache-Control": "no-cache, no-transform",
          Connection: "keep-alive",
          "X-Accel-Buffering": "no",
        });
        res.write(": connected\n\n");
        const send = (notification: LiveNotification) => {
          if (only && notification.certificateId !== only) return;
          const shown = who
            ? notification
            : {
                id: notification.id,
                type: notification.type,
                certificateId: notification.certificateId,
                status: notification.status,
              };
          res.write(`id: ${notification.id}\nevent: ${notification.type}\ndata: ${JSON.stringify(shown)}\n\n`);
        };
        // A client coming back with Last-Event-ID first gets what it missed; live events arriving
        // meanwhile wait, and are sent after unless the replay already held them.
        let waiting: LiveNotification[] | undefined = resumeAfter ? [] : undefined;
        const unsubscribe = deps.events.subscribe(who ?? PUBLIC_STREAM, (notification) => {
          if (waiting) waiting.push(notification);
          else send(notification);
        });
        if (resumeAfter) {
          let last = resumeAfter;
          try {
            const missed = await deps.events.missedSince(who ?? PUBLIC_STREAM, resumeAfter, REPLAY_LIMIT);
            for (const notification of missed.notifications) send(notification);
            if (missed.notifications.length > 0)
              last = positionOf(missed.notifications[missed.notifications.length - 1].id);
            if (!missed.complete) {
              const detail = `More than ${REPLAY_LIMIT} events were missed: read the rest from the histories (GET /v1/certificates/{id}/history).`;
              res.write(`event: replay-truncated\ndata: ${JSON.stringify({ detail })}\n\n`);
            }
          } catch {
            res.write(
              `event: replay-unavailable\ndata: ${JSON.stringify({ detail: "The missed events cannot be read now: read the histories for them." })}\n\n`,
            );
          }
          const held = waiting ?? [];
          waiting = undefined;
          for (const notification of held) if (isBefore(last, positionOf(notification.id))) send(notification);
        }
        const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
        await new Promise<void>((resolve) => req.once("close", resolve));
        clearInterval(heartbeat);
        unsubscribe();
      },
    }),
    defineRoute({
      method: "post",
      path: "/v1/webhooks",
      operationId: "registerWebhook",
      summary: "Register a webhook for status changes (HMAC-signed deliveries)",
      description:
        "Each delivery is a POST of the notification JSON with `Tradeseal-Event-Id` and `Tradeseal-Signature: t=<unix s>,v1=<hex " +
        'HMAC-SHA256(secret, "<t>.<body>")>`. Any 2xx answer delivers it; otherwise it is retried with exponential backoff for ' +
        "about a day. The secret is shown once, here.",
      tag: "Notifications",
      access: "token",
      body: { schema: z.strictObject({ url: z.string().url().max(2000) }) },
      responses: {
        "201": json(webhook.extend({ secret: z.string() }), "Registered; keep the secret."),
        ...problems,
      },
      async handle({ body, caller, req, res }) {
        const who = callerOf({ caller });
        await answerOnce(ctx.idempotency, req, res, who, async () => ({
          status: 201,
          body: await registerWebhook(ctx, { caller: who, url: body.url }),
        }));
      },
    }),
    defineRoute({
      method: "get",
      path: "/v1/webhooks",
      operationId: "listWebhooks",
      summary: "The caller's webhooks",
      tag: "Notifications",
      access: "token",
      responses: { "200": json(z.object({ items: z.array(webhook) }), "Webhooks."), ...problems },
      async handle({ caller, res }) {
        res.json({ items: await listWebhooks(ctx, { caller: callerOf({ caller }) }) });
      },
    }),
    defineRoute({
      method: "delete",
      path: "/v1/webhooks/{webhookId}",
      operationId: "removeWebhook",
      summary: "Remove one of the caller's webhooks",
      tag: "Notifications",
      access: "token",
      params: z.strictObject({ webhookId: z.string().min(1).max(100) }),
      responses: { "204": { description: "Removed." }, ...problems },
      async handle({ params, caller, res }) {
        await removeWebhook(ctx, { caller: callerOf({ caller }), id: params.webhookId });
        res.status(204).end();
      },
    }),
    defineRoute({
      method: "get",
      path: "/v1/webhooks/{webhookId}/deliveries",
      operationId: "webhookDeliveries",
      summary: "Recent deliveries of one of the caller's webhooks: status, attempts, last error",
      tag: "Notifications",
      access: "token",
      params: z.strictObject({ webhookId: z.string().min(1).max(100) }),
      query: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
      responses: {
        "200": json(z.object({ items: z.array(z.record(z.string(), z.unknown())) }), "Deliveries, newest first."),
        ...problems,
      },
      async handle({ params, query, caller, res }) {
        const items = await webhookDeliveries(ctx, {
          caller: callerOf({ caller }),
          webhookId: params.webhookId,
          limit: query.limit,
        });
        res.json({ items });
      },
    }),
  ];
}

/** The position a Last-Event-ID names, or a problem: it must be an id this stream sent. */
function lastEventIdOf(header: string | undefined): EventPosition | undefined {
  if (header === undefined || header.trim() === "") return undefined;
  if (!/^\d{1,15}-\d{1,9}$/.test(header.trim())) {
    throw new ValidationError(
      `Last-Event-ID "${header.slice(0, 40)}" is not an event id of this stream (<block>-<logIndex>): send the id of the last event received, or none.`,
    );
  }
  return positionOf(header.trim());
}
