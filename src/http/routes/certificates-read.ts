import { z } from "zod";
import { readCertificateDocument } from "../../application/read-certificate-document.js";
import { searchCertificates } from "../../application/search-certificates.js";
import {
  indexedAuthority,
  indexedCertificate as indexedCertificateOrNone,
  indexedCertificateOrMember,
} from "../../application/indexed-reads.js";
import { traceCertificate } from "../../application/trace-certificate.js";
import type { GatewayContext } from "../../application/gateway-context.js";
import type { IndexedCertificate } from "../../application/ports/registry-index.js";
import { maySee } from "../../domain/access-rules.js";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import { CertificateStatus, CertificateType, COO_TYPES, PHYTO_TYPES } from "../../domain/registry-types.js";
import type { HttpDeps } from "../http-deps.js";
import { jsonPage, sendJsonPage } from "../json-page.js";
import { callerOf, defineRoute, type RouteSpec } from "../route.js";
import {
  certificateView as certificateSchema,
  historyEntry,
  idParams,
  json,
  problems,
  statusName,
} from "../schemas.js";
import { certificateView, historyView } from "../views.js";

const country = z
  .string()
  .regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code in capitals, e.g. DE")
  .optional();
const time = z
  .string()
  .optional()
  .meta({ description: "ISO 8601 date or date-time (issuing block's time)." })
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: "custom", message: 'a date such as "2026-11-23" or "2026-11-23T10:00:00Z"' });
      return z.NEVER;
    }
    return Math.floor(ms / 1000);
  });

export const searchQuery = z.strictObject({
  status: statusName.optional(),
  type: z
    .enum(["COO", "PHYTO", ...Object.keys(CertificateType)] as [string, ...string[]])
    .optional()
    .meta({ description: "COO, PHYTO or one exact type." }),
  issuer: z.coerce.number().int().positive().optional(),
  exportCountry: country,
  importCountry: country,
  ucr: z.string().min(1).max(128).optional().meta({ description: "WCO Unique Consignment Reference." }),
  from: time,
  to: time,
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional().meta({ description: "nextCursor of the previous page." }),
});

const typesOfQuery = (type: string | undefined): number[] | undefined => {
  if (type === undefined) return undefined;
  if (type === "COO" || type === "PHYTO") {
    const mask = type === "COO" ? COO_TYPES : PHYTO_TYPES;
    return [0, 1, 2, 3].filter((t) => (mask & (1 << t)) !== 0);
  }
  return [CertificateType[type as keyof typeof CertificateType]];
};

/** The indexed certificate, or 404 saying what to check. */
export async function indexedCertificate(
  ctx: Pick<GatewayContext, "index" | "indexer" | "memo">,
  id: string,
): Promise<IndexedCertificate> {
  const certificate = await indexedCertificateOrNone(ctx, id.toLowerCase());
  if (!certificate) throw notInIndex(id);
  return certificate;
}

/** 404 for an id the index does not hold, saying what to check. */
export function notInIndex(id: string): NotFoundError {
  return new NotFoundError(
    `No certificate ${id} is in the registry index. Check the id; one issued moments ago appears once its block is indexed, ` +
      "and a batch member issued at another gateway is verified with its document and proof (POST /v1/verify).",
  );
}

export function certificateReadRoutes({ ctx, config }: HttpDeps): RouteSpec[] {
  const issuerOf = (id: number) => indexedAuthority(ctx, id);
  return [
    defineRoute({
      method: "get",
      path: "/v1/certificates",
      operationId: "searchCertificates",
      summary: "Search certificates in the caller's scope",
      description:
        "Issuers see their own certificates, customs their country's incoming CoOs, NPPOs their country's incoming ePhytos, " +
        "accreditors their country's, auditors all. Newest first; follow nextCursor for the next page.",
      tag: "Certificates",
      access: "token",
      query: searchQuery,
      responses: {
        "200": json(z.object({ items: z.array(certificateSchema), nextCursor: z.string().optional() }), "One page."),
        ...problems,
      },
      async handle({ query, caller, res }) {
        const q = query;
        if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
          throw new ValidationError("`from` is after `to`: swap them.");
        }
        const page = await searchCertificates(ctx, {
          caller: callerOf({ caller }),
          search: {
            ...(q.status && { status: CertificateStatus[q.status as keyof typeof CertificateStatus] }),
            certificateTypes: typesOfQuery(q.type),
            issuer: q.issuer,
            exportCountry: q.exportCountry,
            importCountry: q.importCountry,
            ucr: q.ucr,
            from: q.from,
            to: q.to,
            limit: q.limit,
            cursor: q.cursor,
          },
        });
        const names = new Map<number, Awaited<ReturnType<typeof issuerOf>>>();
        for (const item of page.items) if (!names.has(item.issuer)) names.set(item.issuer, await issuerOf(item.issuer));
        res.json({
          items: page.items.map((item) => certificateView(item, config.publicUrl, names.get(item.issuer))),
          ...(page.nextCursor && { nextCursor: page.nextCursor }),
        });
      },
    }),
    defineRoute({
      method: "get",
      path: "/v1/certificates/{id}",
      operationId: "getCertificate",
      summary: "A certificate's status, type, issuer, countries, links and quantity left (public)",
      tag: "Certificates",
      access: "public",
      params: idParams,
      responses: { "200": json(certificateSchema, "The certificate as the registry holds it."), ...problems },
      async handle({ params, req, res }) {
        const id = params.id.toLowerCase();
        // Written once per index version and shared: the page customs and traders open most.
        const page = await ctx.memo.atIndex.get(ctx.indexer.version(), `certificate-page:${id}`, async () => {
          // A batch member this gateway issued is shown from its batch until it has a record of its own.
          const certificate = await indexedCertificateOrMember(ctx, id);
          if (!certificate) throw notInIndex(id);
          return jsonPage(certificateView(certificate, config.publicUrl, await issuerOf(certificate.issuer)));
        });
        sendJsonPage(req, res, page);
      },
    }),
    defineRoute({
      method: "get",
      path: "/v1/certificates/{id}/history",
      operationId: "getCertificateHistory",
      summary: "Every event of a certificate in chain order",
      description:
        "Public callers get the status timeline (event, block, time, transaction, acting authority); parties who may see the " +
        "certificate (issuer, importing side, auditors, accreditor of the exporting country) also get each event's arguments.",
      tag: "Certificates",
      access: "public",
      params: idParams,
      responses: {
        "200": json(
          z.object({
            certificate: certificateSchema,
            lineage: z.array(z.string()).meta({ description: "Replaced and replacing certificates, oldest first." }),
            indexedToBlock: z.number().int().optional(),
            history: z.array(historyEntry),
          }),
          "The history.",
        ),
        ...problems,
      },
      async handle({ params, caller, res }) {
        const trace = await traceCertificate(ctx, { id: params.id });
        const full = caller !== undefined && maySee(caller, trace.certificate);
        res.json({
          certificate: certificateView(trace.certificate, config.publicUrl, await issuerOf(trace.certificate.issuer)),
          lineage: trace.lineage,
          ...(trace.indexedToBlock !== undefined && { indexedToBlock: trace.indexedToBlock }),
          history: trace.history.map((entry) => historyView(entry, full)),
        });
      },
    }),
    defineRoute({
      method: "get",
      path: "/v1/certificates/{id}/document",
      operationId: "getCertificateDocument",
      summary: "The decrypted document, for a party it was encrypted for",
      description:
        "For the issuer, the importing customs (CoO) or NPPO (ePhyto) and auditors. `Accept: application/xml` gives the XML " +
        "form. When this gateway does not hold the caller's decryption key, the answer is the encrypted JWE envelope " +
        "(application/jose+json) that the caller's own key opens.",
      tag: "Certificates",
      access: "token",
      params: idParams,
      responses: {
        "200": {
          description: "The document with its salt (its digest is SHA-256 of the JCS form of {salt, document}).",
          content: {
            "application/json": {
              schema: z.object({ certificateId: z.string(), salt: z.string(), cid: z.string(), document: z.unknown() }),
            },
            "application/xml": { schema: z.string() },
            "application/jose+json": { schema: z.unknown() },
          },
        },
        ...problems,
      },
      async handle({ params, caller, req, res }) {
        const read = await readCertificateDocument(ctx, { caller: callerOf({ caller }), id: params.id });
        if (read.kind === "envelope") {
          res.set("X-Tradeseal-Recipients", read.kids.join(","));
          res.type("application/jose+json").send(Buffer.from(read.envelope));
          return;
        }
        if (req.accepts(["application/json", "application/xml"]) === "application/xml" && ctx.formats) {
          res.type("application/xml").send(ctx.formats.writeXml(read.document));
          return;
        }
        res.json({ certificateId: params.id.toLowerCase(), salt: read.salt, cid: read.cid, document: read.document });
      },
    }),
  ];
}
