import { z } from "zod";
import { addSigningKey } from "../../application/add-signing-key.js";
import type { GatewayContext } from "../../application/gateway-context.js";
import type { IndexedAuthority } from "../../application/ports/registry-queries.js";
import {
  registerAuthority,
  type AuthorityKindName,
  type CertificateTypeName,
} from "../../application/register-authority.js";
import { reinstateAuthority } from "../../application/reinstate-authority.js";
import { revokeSigningKey } from "../../application/revoke-signing-key.js";
import { rotateSigningKey } from "../../application/rotate-signing-key.js";
import { suspendAuthority } from "../../application/suspend-authority.js";
import { traceAuthority } from "../../application/trace-authority.js";
import { requireRole } from "../../domain/access-rules.js";
import type { Caller } from "../../domain/caller.js";
import { ForbiddenError, NotFoundError } from "../../domain/errors.js";
import { CertificateType } from "../../domain/registry-types.js";
import type { HttpDeps } from "../http-deps.js";
import { answerOnce } from "../idempotency.js";
import { callerOf, defineRoute, type RouteSpec } from "../route.js";
import { actionOutcome, authorityParams, historyEntry, json, problems } from "../schemas.js";
import { authorityView, historyView } from "../views.js";

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, "an address: 0x followed by 40 hex digits");
const futureDate = z
  .string()
  .meta({ description: "ISO 8601 date-time the key stops being valid.", example: "2030-12-31T23:59:59Z" })
  .transform((value, ctx) => {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: "custom", message: "a date-time such as 2030-12-31T23:59:59Z" });
      return z.NEVER;
    }
    return Math.floor(ms / 1000);
  });

const authoritySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    country: z.string(),
    kind: z.string(),
    status: z.string(),
    certificateTypes: z.array(z.string()),
    registeredBlock: z.number().int(),
    updatedBlock: z.number().int(),
    links: z.record(z.string(), z.string()),
  })
  .meta({ id: "Authority" });

const authorityWithKeysSchema = authoritySchema
  .extend({
    signingKeys: z.array(
      z.object({
        address: z.string(),
        validFrom: z.string().meta({ description: "ISO 8601: from when the key may sign." }),
        validUntil: z
          .string()
          .meta({ description: "ISO 8601: until when (exclusive); shortened by rotation or revocation." }),
        addedBlock: z.number().int(),
        endedBlock: z
          .number()
          .int()
          .optional()
          .meta({ description: "The block a rotation or revocation ended it at." }),
      }),
    ),
  })
  .meta({ id: "AuthorityWithKeys" });

async function authorityOr404(ctx: Pick<GatewayContext, "queries">, id: number): Promise<IndexedAuthority> {
  const authority = await ctx.queries.authority(id);
  if (!authority) throw new NotFoundError(`No authority ${id} is registered (or indexed yet); check the id.`);
  return authority;
}

/** The accreditor's key for the caller's country, which must be the authority's country and held here. */
async function accreditorKey(ctx: GatewayContext, caller: Caller, country: string): Promise<string> {
  requireRole(caller, ["accreditor"], "Managing authorities");
  if (caller.country !== country) {
    throw new ForbiddenError(
      `Authorities of ${country} are managed by ${country}'s accreditor; your token is for ${caller.country}.`,
    );
  }
  const key = await ctx.queries.accreditor(country);
  const held = (await ctx.keys.addresses()).map((a) => a.toLowerCase());
  if (!key || !held.includes(key.toLowerCase())) {
    throw new ForbiddenError(
      `This gateway holds no accreditor key of ${country}; act from the accreditor's own gateway.`,
    );
  }
  return key;
}

export function authorityRoutes({ ctx, config }: HttpDeps): RouteSpec[] {
  const outcome = {
    "200": json(actionOutcome, "Recorded on chain."),
    "202": json(actionOutcome, "Under way."),
    ...problems,
  };
  const accreditorAction = (spec: {
    path: string;
    operationId: string;
    summary: string;
    body: z.ZodType;
    run: (
      accreditor: string,
      authority: IndexedAuthority,
      body: Record<string, unknown>,
    ) => Promise<{ status: string }>;
  }): RouteSpec =>
    defineRoute({
      method: "post",
      path: `/v1/authorities/{id}/${spec.path}`,
      operationId: spec.operationId,
      summary: spec.summary,
      tag: "Authorities",
      access: "token",
      params: authorityParams,
      body: { schema: spec.body },
      responses: outcome,
      async handle({ params, body, caller, req, res }) {
        const who = callerOf({ caller });
        await answerOnce(ctx.idempotency, req, res, who, async () => {
          const authority = await authorityOr404(ctx, params.id);
          const accreditor = await accreditorKey(ctx, who, authority.country);
          const result = await spec.run(accreditor, authority, (body ?? {}) as Record<string, unknown>);
          return { status: result.status === "CONFIRMED" ? 200 : 202, body: { authorityId: authority.id, ...result } };
        });
      },
    });

  return [
    defineRoute({
      method: "get",
      path: "/v1/authorities",
      operationId: "listAuthorities",
      summary: "Accredited authorities (public trust list)",
      tag: "Authorities",
      access: "public",
      query: z.strictObject({
        country: z
          .string()
          .regex(/^[A-Z]{2}$/)
          .optional(),
      }),
      responses: { "200": json(z.object({ items: z.array(authoritySchema) }), "Authorities by id."), ...problems },
      async handle({ query, res }) {
        const items = await ctx.queries.authorities(query);
        res.json({ items: items.map((a) => authorityView(a, config.publicUrl)) });
      },
    }),
    defineRoute({
      method: "get",
      path: "/v1/authorities/{id}",
      operationId: "getAuthority",
      summary: "An authority, its accreditation and signing keys (public)",
      tag: "Authorities",
      access: "public",
      params: authorityParams,
      responses: { "200": json(authorityWithKeysSchema, "The authority and its signing keys."), ...problems },
      async handle({ params, res }) {
        const authority = await authorityOr404(ctx, params.id);
        const keys = await ctx.queries.signingKeys(authority.id);
        res.json({
          ...authorityView(authority, config.publicUrl),
          signingKeys: keys.map((k) => ({
            address: k.address,
            validFrom: new Date(k.validFrom * 1000).toISOString(),
            validUntil: new Date(k.validUntil * 1000).toISOString(),
            addedBlock: k.addedBlock,
            ...(k.endedBlock !== undefined && { endedBlock: k.endedBlock }),
          })),
        });
      },
    }),
    defineRoute({
      method: "get",
      path: "/v1/authorities/{id}/history",
      operationId: "getAuthorityHistory",
      summary: "What an authority did and every event of its certificates, in chain order",
      description: "For auditors, admins, the accreditor of the authority's country and the authority itself.",
      tag: "Authorities",
      access: "token",
      params: authorityParams,
      responses: {
        "200": json(z.object({ authorityId: z.number(), history: z.array(historyEntry) }), "The history."),
        ...problems,
      },
      async handle({ params, caller, res }) {
        const who = callerOf({ caller });
        const authority = await authorityOr404(ctx, params.id);
        const allowed =
          who.role === "auditor" ||
          who.role === "admin" ||
          (who.role === "accreditor" && who.country === authority.country) ||
          who.authorityId === authority.id;
        if (!allowed) {
          throw new ForbiddenError("An authority's history is for auditors, its accreditor and the authority itself.");
        }
        const trace = await traceAuthority(ctx, { authorityId: authority.id });
        res.json({
          authorityId: authority.id,
          ...(trace.indexedToBlock !== undefined && { indexedToBlock: trace.indexedToBlock }),
          history: trace.history.map((entry) => historyView(entry, true)),
        });
      },
    }),
    defineRoute({
      method: "post",
      path: "/v1/authorities",
      operationId: "registerAuthority",
      summary: "Register an authority of the accreditor's country",
      tag: "Authorities",
      access: "token",
      body: {
        schema: z.strictObject({
          name: z.string().min(1).max(200),
          kind: z.enum(["CHAMBER", "NPPO", "CUSTOMS", "AUDITOR"]),
          certificateTypes: z.array(z.enum(Object.keys(CertificateType) as [string, ...string[]])).default([]),
        }),
      },
      responses: outcome,
      async handle({ body, caller, req, res }) {
        const who = callerOf({ caller });
        await answerOnce(ctx.idempotency, req, res, who, async () => {
          const accreditor = await accreditorKey(ctx, who, who.country ?? "");
          const input = body as { name: string; kind: string; certificateTypes: string[] };
          const result = await registerAuthority(ctx, {
            accreditor,
            country: who.country ?? "",
            kind: input.kind as AuthorityKindName,
            certificateTypes: input.certificateTypes as CertificateTypeName[],
            name: input.name,
          });
          return { status: result.status === "CONFIRMED" ? 201 : 202, body: result };
        });
      },
    }),
    accreditorAction({
      path: "suspend",
      operationId: "suspendAuthority",
      summary: "Suspend an authority (its certificates stay as they are; it cannot issue)",
      body: z.strictObject({ reasonCode: z.number().int().min(0).max(255) }),
      run: (accreditor, authority, body) =>
        suspendAuthority(ctx, { accreditor, authorityId: authority.id, reasonCode: Number(body.reasonCode) }),
    }),
    accreditorAction({
      path: "reinstate",
      operationId: "reinstateAuthority",
      summary: "Reinstate a suspended authority",
      body: z.strictObject({}),
      run: (accreditor, authority) => reinstateAuthority(ctx, { accreditor, authorityId: authority.id }),
    }),
    accreditorAction({
      path: "keys",
      operationId: "addSigningKey",
      summary: "Add a signing key (a new one made in this gateway's key ring when `key` is left out)",
      body: z.strictObject({ key: address.optional(), validUntil: futureDate }),
      async run(accreditor, authority, body) {
        const key =
          (body.key as string | undefined) ?? (await ctx.keys.create(`${authority.name} signing key`)).address;
        return {
          key,
          ...(await addSigningKey(ctx, {
            accreditor,
            authorityId: authority.id,
            key,
            validUntil: Number(body.validUntil),
          })),
        };
      },
    }),
    accreditorAction({
      path: "keys/rotate",
      operationId: "rotateSigningKey",
      summary: "Rotate a signing key: the old one ends, the new one starts (made here when `newKey` is left out)",
      body: z.strictObject({ oldKey: address, newKey: address.optional(), validUntil: futureDate }),
      async run(accreditor, authority, body) {
        const newKey =
          (body.newKey as string | undefined) ?? (await ctx.keys.create(`${authority.name} signing key`)).address;
        const result = await rotateSigningKey(ctx, {
          accreditor,
          authorityId: authority.id,
          oldKey: String(body.oldKey),
          newKey,
          newKeyValidUntil: Number(body.validUntil),
        });
        return { newKey, ...result };
      },
    }),
    accreditorAction({
      path: "keys/revoke",
      operationId: "revokeSigningKey",
      summary: "Revoke a signing key at once (e.g. compromised)",
      body: z.strictObject({ key: address }),
      run: (accreditor, authority, body) =>
        revokeSigningKey(ctx, { accreditor, authorityId: authority.id, key: String(body.key) }),
    }),
  ];
}
