import { z } from "zod";
import { acceptCertificate } from "../../application/accept-certificate.js";
import { authoritySigner } from "../../application/authority-signer.js";
import { drawDown } from "../../application/draw-down.js";
import { issueBatch, MAX_BATCH } from "../../application/issue-batch.js";
import { issueCertificate } from "../../application/issue-certificate.js";
import {
  indexedCertificate as indexedCertificateOrNone,
  indexedCertificateOrMember,
} from "../../application/indexed-reads.js";
import { promoteBatchLeaf } from "../../application/promote-batch-leaf.js";
import { reinstateCertificate } from "../../application/reinstate-certificate.js";
import { rejectCertificate } from "../../application/reject-certificate.js";
import { replaceCertificate } from "../../application/replace-certificate.js";
import { revokeBatchLeaf } from "../../application/revoke-batch-leaf.js";
import { revokeCertificate } from "../../application/revoke-certificate.js";
import { suspendCertificate } from "../../application/suspend-certificate.js";
import type { ActionOutcome } from "../../application/submit-chain-action.js";
import { requireAcknowledger, requireDrawer, requireIssuerOf, requireRole } from "../../domain/access-rules.js";
import type { Caller } from "../../domain/caller.js";
import { certificateDocumentSchema, parseCertificateDocument } from "../../domain/documents/certificate-document.js";
import { ConflictError, ForbiddenError, ValidationError } from "../../domain/errors.js";
import type { HttpDeps } from "../http-deps.js";
import { answerOnce, type Answer } from "../idempotency.js";
import { documentOf, objectBody, onlyMembers } from "../request-document.js";
import { callerOf, defineRoute, type RouteSpec } from "../route.js";
import { actionOutcome, idParams, json, problems, reasonBody } from "../schemas.js";
import { indexedCertificate, notInIndex } from "./certificates-read.js";

const documentSchema = certificateDocumentSchema.meta({
  id: "CertificateDocument",
  description: "An e-CoO (kind COO) or ePhyto (kind PHYTO) in the registry's data model.",
});
const waitQuery = z.strictObject({
  wait: z
    .enum(["true", "false"])
    .default("true")
    .meta({ description: "false: answer 202 as soon as the action is recorded, without waiting for the chain." }),
});
const issued = z
  .object({
    certificateId: z.string(),
    digest: z.string(),
    cid: z.string(),
    status: z.enum(["CONFIRMED", "PENDING", "SENT"]),
    transactionHash: z.string().optional(),
    blockNumber: z.number().int().optional(),
    lastError: z.string().optional(),
    links: z.record(z.string(), z.string()),
  })
  .meta({ id: "IssuedCertificate" });
const xmlBody = {
  "application/xml": z
    .string()
    .meta({ description: "UN/CEFACT SPS Certificate (ePhyto), IPPC hub envelope or e-CoO XML." }),
};

/** 200 once on chain, 202 while the gateway is still getting it there. */
function outcomeAnswer(outcome: ActionOutcome, extra: Record<string, unknown> = {}, location?: string): Answer {
  const confirmed = outcome.status === "CONFIRMED";
  return {
    status: confirmed ? 200 : 202,
    body: {
      status: outcome.status,
      idempotencyKey: outcome.idempotencyKey,
      ...(outcome.transactionHash && { transactionHash: outcome.transactionHash }),
      ...(outcome.blockNumber !== undefined && { blockNumber: outcome.blockNumber }),
      ...(outcome.lastError && { lastError: outcome.lastError }),
      ...extra,
    },
    ...(location && { headers: { Location: location } }),
  };
}

/** The input of an action taken with a reason (`reasonBody`). */
function withReason(id: string, signer: string, body: Record<string, unknown>, wait: boolean) {
  return { id, signer, reasonCode: Number(body.reasonCode), reasonText: body.reasonText as string | undefined, wait };
}

function requireOwnDocument(caller: Caller, document: { issuer: { authorityId: number } }): void {
  requireRole(caller, ["issuer"], "Issuing certificates");
  if (document.issuer.authorityId !== caller.authorityId) {
    throw new ForbiddenError(
      `The document names issuer ${document.issuer.authorityId}, but your token is for authority ${caller.authorityId}: ` +
        "issue only your own authority's certificates.",
    );
  }
}

export function certificateWriteRoutes({ ctx, config }: HttpDeps): RouteSpec[] {
  const link = (id: string) => `${config.publicUrl}/v1/certificates/${id}`;
  const wait = (query: unknown) => (query as z.infer<typeof waitQuery>).wait === "true";

  /** A lifecycle action on one certificate: load it, check the caller, sign with its authority's key. */
  const action = (spec: {
    path: string;
    operationId: string;
    summary: string;
    description?: string;
    body: z.ZodType;
    check: (caller: Caller, facts: Awaited<ReturnType<typeof indexedCertificate>>) => void;
    run: (id: string, signer: string, body: Record<string, unknown>, wait: boolean) => Promise<ActionOutcome>;
    /** The same action on a batch member this gateway issued that has no record of its own yet. */
    runOnMember?: (id: string, signer: string, body: Record<string, unknown>, wait: boolean) => Promise<ActionOutcome>;
  }): RouteSpec =>
    defineRoute({
      method: "post",
      path: `/v1/certificates/{id}/${spec.path}`,
      operationId: spec.operationId,
      summary: spec.summary,
      ...(spec.description && { description: spec.description }),
      tag: "Lifecycle",
      access: "token",
      params: idParams,
      query: waitQuery,
      body: { schema: spec.body },
      responses: {
        "200": json(actionOutcome, "Recorded on chain."),
        "202": json(actionOutcome, "Recorded; the gateway is still getting it on chain."),
        ...problems,
      },
      async handle({ params, query, body, caller, req, res }) {
        const who = callerOf({ caller });
        await answerOnce(ctx.idempotency, req, res, who, async () => {
          const id = params.id.toLowerCase();
          const recorded = await indexedCertificateOrNone(ctx, id);
          const member = recorded || !spec.runOnMember ? undefined : await indexedCertificateOrMember(ctx, id);
          const certificate = recorded ?? member;
          if (!certificate) throw notInIndex(params.id);
          spec.check(who, certificate);
          const signer = await authoritySigner(ctx, who.authorityId ?? 0);
          const run = member && spec.runOnMember ? spec.runOnMember : spec.run;
          const outcome = await run(certificate.id, signer, objectBody(body ?? {}), wait(query));
          return outcomeAnswer(outcome, { certificateId: certificate.id });
        });
      },
    });

  return [
    defineRoute({
      method: "post",
      path: "/v1/certificates",
      operationId: "issueCertificate",
      summary: "Issue a certificate",
      description:
        "Seals the document (canonical JSON + salt → SHA-256), encrypts it for the issuer, the importing side and auditors, " +
        "stores it on IPFS and anchors it on chain under the issuer's signing key. Send the same document again (or the same " +
        "Idempotency-Key) and you get the first answer; another document under a used number is refused (409).",
      tag: "Issuance",
      access: "token",
      query: waitQuery,
      body: { schema: documentSchema, types: xmlBody, validatedBy: "handler" },
      responses: {
        "201": json(issued, "Issued and anchored."),
        "202": json(issued, "Issued; anchoring is still under way (poll the Location)."),
        ...problems,
      },
      async handle({ query, caller, req, res }) {
        const who = callerOf({ caller });
        await answerOnce(ctx.idempotency, req, res, who, async () => {
          const document = parseCertificateDocument(documentOf(ctx, req, req.body));
          requireOwnDocument(who, document);
          const signer = await authoritySigner(ctx, document.issuer.authorityId);
          const result = await issueCertificate(ctx, { document, signer, wait: wait(query) });
          const answer = outcomeAnswer(
            result,
            {
              certificateId: result.certificateId,
              digest: result.digest,
              cid: result.cid,
              links: { self: link(result.certificateId) },
            },
            link(result.certificateId),
          );
          return { ...answer, status: answer.status === 200 ? 201 : 202 };
        });
      },
    }),
    defineRoute({
      method: "post",
      path: "/v1/certificates/batch",
      operationId: "issueBatch",
      summary: "Issue many certificates under one Merkle root",
      description: `Up to ${MAX_BATCH} documents of one issuer in one chain transaction; each member verifies with its proof.`,
      tag: "Issuance",
      access: "token",
      query: waitQuery,
      body: {
        schema: z.strictObject({ documents: z.array(documentSchema).min(1).max(MAX_BATCH) }),
        validatedBy: "handler",
      },
      responses: {
        "201": json(
          z.object({
            root: z.string(),
            status: z.string(),
            manifestCid: z.string(),
            certificates: z.array(
              z.object({
                certificateId: z.string(),
                certificateNumber: z.string(),
                digest: z.string(),
                cid: z.string(),
                proof: z.array(z.string()),
              }),
            ),
          }),
          "Anchored.",
        ),
        "202": json(z.object({ root: z.string(), status: z.string() }), "Anchoring under way."),
        ...problems,
      },
      async handle({ query, caller, req, res }) {
        const who = callerOf({ caller });
        await answerOnce(ctx.idempotency, req, res, who, async () => {
          const { documents } = onlyMembers(objectBody(req.body), ["documents"]);
          if (!Array.isArray(documents) || documents.length === 0 || documents.length > MAX_BATCH) {
            throw new ValidationError(`documents must be a list of 1 to ${MAX_BATCH} certificate documents.`);
          }
          const parsed = documents.map((document, index) => {
            try {
              return parseCertificateDocument(document);
            } catch (error) {
              if (error instanceof ValidationError)
                throw new ValidationError(`documents[${index}]: ${error.message}`, error.details);
              throw error;
            }
          });
          for (const document of parsed) requireOwnDocument(who, document);
          const signer = await authoritySigner(ctx, who.authorityId ?? 0);
          const batch = await issueBatch(ctx, { documents: parsed, signer, wait: wait(query) });
          const answer = outcomeAnswer(batch, {
            root: batch.root,
            manifestCid: batch.manifestCid,
            certificates: batch.certificates,
          });
          return { ...answer, status: answer.status === 200 ? 201 : 202 };
        });
      },
    }),
    action({
      path: "revoke",
      operationId: "revokeCertificate",
      summary: "Revoke (final), with a reason",
      body: reasonBody,
      check: requireIssuerOf,
      run: (...request) => revokeCertificate(ctx, withReason(...request)),
      runOnMember: (...request) => revokeBatchLeaf(ctx, withReason(...request)),
    }),
    action({
      path: "promote",
      operationId: "promoteBatchMember",
      summary: "Give a batch member a record of its own (before it is suspended, accepted or drawn down)",
      description:
        "For a member of a batch this gateway issued. A certificate that has a record already is refused with 409.",
      body: z.strictObject({}),
      check: requireIssuerOf,
      run: (id) => {
        throw new ConflictError(`Certificate ${id} has a record of its own already: act on it directly.`, {
          certificateId: id,
        });
      },
      runOnMember: (id, signer, _body, wait) => promoteBatchLeaf(ctx, { id, signer, wait }),
    }),
    action({
      path: "suspend",
      operationId: "suspendCertificate",
      summary: "Suspend until reinstated",
      body: reasonBody.pick({ reasonCode: true }),
      check: requireIssuerOf,
      run: (id, signer, body, wait) =>
        suspendCertificate(ctx, { id, signer, reasonCode: Number(body.reasonCode), wait }),
    }),
    action({
      path: "reinstate",
      operationId: "reinstateCertificate",
      summary: "Reinstate a suspended certificate",
      body: z.strictObject({}),
      check: requireIssuerOf,
      run: (id, signer, _body, wait) => reinstateCertificate(ctx, { id, signer, wait }),
    }),
    action({
      path: "accept",
      operationId: "acceptCertificate",
      summary: "Accept, as the importing customs (CoO) or NPPO (ePhyto)",
      body: z.strictObject({}),
      check: requireAcknowledger,
      run: (id, signer, _body, wait) => acceptCertificate(ctx, { id, signer, wait }),
    }),
    action({
      path: "reject",
      operationId: "rejectCertificate",
      summary: "Reject, as the importing customs (CoO) or NPPO (ePhyto), with a reason",
      body: reasonBody,
      check: requireAcknowledger,
      run: (...request) => rejectCertificate(ctx, withReason(...request)),
    }),
    action({
      path: "drawdowns",
      operationId: "drawDown",
      summary: "Draw down a CoO's quantity against an import declaration",
      description: "Importing customs only. Refused (and recorded for auditors) when more is asked than is left.",
      body: z.strictObject({
        declarationReference: z
          .string()
          .min(1)
          .max(128)
          .meta({ description: "The import declaration's reference (MRN)." }),
        amount: z
          .string()
          .meta({ description: "Decimal in the certificate's unit, at most 3 decimals.", example: "2500.5" }),
        invoiceValue: z
          .string()
          .regex(/^\d+(\.\d+)?$/)
          .optional()
          .meta({ description: "Invoice value declared at import." }),
        invoiceCurrency: z
          .string()
          .regex(/^[A-Z]{3}$/)
          .optional(),
      }),
      check: requireDrawer,
      run: (id, signer, body, wait) =>
        drawDown(ctx, {
          id,
          signer,
          amount: String(body.amount),
          declaration: {
            reference: String(body.declarationReference),
            ...(body.invoiceValue !== undefined && { invoiceValue: body.invoiceValue as string }),
            ...(body.invoiceCurrency !== undefined && { invoiceCurrency: body.invoiceCurrency as string }),
          },
          wait,
        }),
    }),
    defineRoute({
      method: "post",
      path: "/v1/certificates/{id}/replace",
      operationId: "replaceCertificate",
      summary: "Replace with a corrected certificate (both linked on chain)",
      tag: "Lifecycle",
      access: "token",
      params: idParams,
      query: waitQuery,
      body: {
        schema: z.strictObject({ reasonCode: reasonBody.shape.reasonCode, document: documentSchema }),
        validatedBy: "handler",
      },
      responses: { "200": json(issued, "Replaced."), "202": json(issued, "Replacement under way."), ...problems },
      async handle({ params, query, caller, req, res }) {
        const who = callerOf({ caller });
        await answerOnce(ctx.idempotency, req, res, who, async () => {
          const replaced = await indexedCertificate(ctx, params.id);
          requireIssuerOf(who, replaced);
          const body = onlyMembers(objectBody(req.body), ["reasonCode", "document"]);
          const document = parseCertificateDocument(body.document);
          requireOwnDocument(who, document);
          const signer = await authoritySigner(ctx, replaced.issuer);
          const result = await replaceCertificate(ctx, {
            replacedId: replaced.id,
            document,
            signer,
            reasonCode: Number(body.reasonCode),
            wait: wait(query),
          });
          return outcomeAnswer(
            result,
            {
              certificateId: result.certificateId,
              replacedId: replaced.id,
              digest: result.digest,
              cid: result.cid,
              links: { self: link(result.certificateId) },
            },
            link(result.certificateId),
          );
        });
      },
    }),
  ];
}
