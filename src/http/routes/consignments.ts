import { consignmentCertificates } from "../../application/consignment-certificates.js";
import { declarationDraft } from "../../application/declaration-draft.js";
import {
  consignmentCertificates as consignmentSchema,
  declarationDraftView,
  ucrParams,
} from "../consignment-schemas.js";
import type { HttpDeps } from "../http-deps.js";
import { callerOf, defineRoute, type RouteSpec } from "../route.js";
import { json, problems } from "../schemas.js";
import { certificateView } from "../views.js";

const WHO =
  "For the certificates' issuers (their own), the customs and NPPO of the importing country (all of the consignment's) " +
  "and auditors; 403 when none of the consignment's certificates is the caller's to see, 404 when this gateway knows none.";

/** A consignment (WCO UCR): its certificates, and the import declaration draft customs start from. */
export function consignmentRoutes({ ctx, config }: HttpDeps): RouteSpec[] {
  return [
    defineRoute({
      method: "get",
      path: "/v1/consignments/{ucr}",
      operationId: "getConsignmentCertificates",
      summary: "Every certificate of a consignment (CoO, ePhyto…), each with its verification",
      description: `${WHO} Oldest first; each verified by id (status, issuer, usage).`,
      tag: "Consignments",
      access: "token",
      params: ucrParams,
      responses: { "200": json(consignmentSchema, "The consignment's certificates."), ...problems },
      async handle({ params, caller, res }) {
        const found = await consignmentCertificates(ctx, { caller: callerOf({ caller }), ucr: params.ucr });
        const issuers = new Map<number, Awaited<ReturnType<typeof ctx.queries.authority>>>();
        for (const { indexed } of found.certificates) {
          if (indexed && !issuers.has(indexed.issuer)) {
            issuers.set(indexed.issuer, await ctx.queries.authority(indexed.issuer));
          }
        }
        res.json({
          ucr: found.ucr,
          certificates: found.certificates.map(({ id, indexed, verification }) => ({
            id,
            ...(indexed && { certificate: certificateView(indexed, config.publicUrl, issuers.get(indexed.issuer)) }),
            verification,
          })),
        });
      },
    }),
    defineRoute({
      method: "get",
      path: "/v1/consignments/{ucr}/declaration-draft",
      operationId: "getDeclarationDraft",
      summary: "A pre-filled import declaration from the consignment's certificates that verify",
      description:
        `${WHO} Built only from certificates that verify VALID: consignor, consignee, countries, transport, invoices, ` +
        "goods lines (HS code, description, quantities, origin and criterion), the preference claim and the phyto status " +
        "(accepted, treatments, additional declarations). A document is used where the caller may open it, otherwise only " +
        "its registry facts. `used` and `leftOut` say which certificates went in and why others did not; `disagreements` " +
        "lists every field the CoO and the ePhyto state differently, with each value and its certificate.",
      tag: "Consignments",
      access: "token",
      params: ucrParams,
      responses: { "200": json(declarationDraftView, "The draft."), ...problems },
      async handle({ params, caller, res }) {
        res.json(await declarationDraft(ctx, { caller: callerOf({ caller }), ucr: params.ucr }));
      },
    }),
  ];
}
