import type { Request, Response } from "express";
import { z } from "zod";
import { indexedCertificate } from "../../application/indexed-reads.js";
import { readCertificateDocument } from "../../application/read-certificate-document.js";
import { verifyBatchLeaf } from "../../application/verify-batch-leaf.js";
import { verifyCertificate } from "../../application/verify-certificate.js";
import { verifyDocument, verifyParsedDocument, verifyPreparedDocument } from "../../application/verify-document.js";
import { verifyCredential } from "../../application/import-credential.js";
import { watchCertificate } from "../../application/watch-certificate.js";
import { VC_JWT_MEDIA_TYPE } from "../../domain/credentials/vc-jwt.js";
import { mayReadDocument } from "../../domain/access-rules.js";
import type { Caller } from "../../domain/caller.js";
import { preparedTerms, type PreparedDocument } from "../../domain/documents/prepared-document.js";
import { ValidationError } from "../../domain/errors.js";
import type { VerificationResult } from "../../domain/verification.js";
import type { HttpDeps } from "../http-deps.js";
import { UnparsedJson } from "../large-json.js";
import { documentOf, JSON_TYPES, objectBody, onlyMembers } from "../request-document.js";
import { defineRoute, type RouteSpec } from "../route.js";
import { certificateId, problems, verificationView } from "../schemas.js";

const verifyBody = z
  .union([
    z.strictObject({ id: certificateId }).meta({ title: "By registry id" }),
    z
      .strictObject({ document: z.unknown(), salt: z.string().optional() })
      .meta({ title: "A document, with its salt (from its credential) when this gateway did not issue it" }),
    z
      .strictObject({ root: z.string(), proof: z.array(z.string()), document: z.unknown(), salt: z.string() })
      .meta({ title: "A batch member with its Merkle proof" }),
  ])
  .meta({ id: "VerifyRequest" });

const RECEIPT_TYPE = "tradeseal-receipt+jwt";

/** POST /v1/verify: what customs call at clearance. */
export function verifyRoutes({ ctx, config }: HttpDeps): RouteSpec[] {
  // A verdict shared between callers (same block, no key) is serialized once.
  const texts = new WeakMap<VerificationResult, string>();
  const serialized = (result: VerificationResult): string => {
    let text = texts.get(result);
    if (text === undefined) {
      text = JSON.stringify(result);
      texts.set(result, text);
    }
    return text;
  };

  /** By id; a party the document is encrypted for also gets its contents checked, with the key this gateway holds. */
  async function byId(id: string, caller: Caller | undefined): Promise<VerificationResult> {
    const indexed = caller && (await indexedCertificate(ctx, id.toLowerCase()));
    if (caller && indexed && mayReadDocument(caller, indexed)) {
      try {
        const read = await readCertificateDocument(ctx, { caller, id });
        if (read.kind === "opened")
          return await verifyParsedDocument(ctx, { document: read.document, salt: read.salt });
      } catch {
        // Storage or key trouble: the plain check below says UNAVAILABLE where it applies.
      }
    }
    return verifyCertificate(ctx, { id });
  }

  /**
   * A JSON body. `prepared` is its document already prepared (from a large body read as text and
   * parsed off the event loop), which `body` then holds as `document: undefined`.
   */
  async function verifyJson(
    body: Record<string, unknown>,
    caller: Caller | undefined,
    prepared?: PreparedDocument,
  ): Promise<VerificationResult> {
    const preparedDocument = (document: unknown) => (prepared ? prepared : ctx.preparer.prepare(document));
    if ("kind" in body) return verifyDocument(ctx, { document: body });
    if ("id" in body) {
      onlyMembers(body, ["id"]);
      return byId(String(body.id), caller);
    }
    if ("proof" in body || "root" in body) {
      const { root, proof, document, salt } = onlyMembers(body, ["root", "proof", "document", "salt"]);
      if (typeof root !== "string" || !Array.isArray(proof) || typeof salt !== "string") {
        throw new ValidationError(
          "A batch member is verified with root (0x…), proof (list of 0x…), document and salt.",
        );
      }
      const member = await preparedDocument(document);
      const terms = preparedTerms(member, salt);
      const result = await verifyBatchLeaf(ctx, { root, terms, proof: proof.map(String) });
      return { ...result, certificateId: member.certificateId };
    }
    if ("document" in body) {
      const { document, salt } = onlyMembers(body, ["document", "salt"]);
      if (salt !== undefined && typeof salt !== "string") throw new ValidationError("salt is 32 hex characters.");
      return verifyPreparedDocument(ctx, await preparedDocument(document), salt);
    }
    throw new ValidationError(
      'Send { "id": "0x…" }, a certificate document (JSON with "kind"), { "document", "salt" }, or a batch member { "root", "proof", "document", "salt" }.',
    );
  }

  /** A large JSON body kept as text: parsed, and its document prepared, by the preparer's threads. */
  async function verifyJsonText(text: string, caller: Caller | undefined): Promise<VerificationResult> {
    const body = await ctx.preparer.prepareJsonBody(text);
    switch (body.documentAt) {
      case "body":
        return verifyPreparedDocument(ctx, body.prepared);
      case "document":
        return verifyJson({ ...body.members, document: undefined }, caller, body.prepared);
      case "none":
        return verifyJson(body.members, caller);
    }
  }

  async function respond(req: Request, res: Response, result: VerificationResult): Promise<void> {
    // Negotiated only when the Accept header names JWS at all: most callers send none or */*.
    const wantsReceipt =
      req.query.receipt === "jws" ||
      (req.get("accept")?.includes("application/jose") === true &&
        req.accepts(["application/json", "application/jose"]) === "application/jose");
    // A verdict holds at the block it names: never to be served again from a cache (so no ETag either).
    res.setHeader("Cache-Control", "no-store");
    if (!wantsReceipt) {
      res.setHeader("Content-Type", "application/json; charset=utf-8");
      res.end(serialized(result));
      return;
    }
    const receipt = await ctx.gatewayKey.sign(
      {
        iss: config.publicUrl,
        sub: result.certificateId,
        iat: Math.floor(ctx.clock.now().getTime() / 1000),
        verification: result,
      },
      { typ: RECEIPT_TYPE },
    );
    res.type("application/jose").send(receipt);
  }

  return [
    defineRoute({
      method: "post",
      path: "/v1/verify",
      operationId: "verify",
      summary: "Verify a certificate: by id, by document (JSON or XML), or a batch member with its proof",
      description:
        "Answers with the fragments DOCUMENT_INTEGRITY, DOCUMENT_STATUS, ISSUER_IDENTITY and USAGE, each VALID / INVALID / SKIPPED / " +
        "UNAVAILABLE with a reason, and the overall verdict. UNAVAILABLE means it cannot be checked now (chain or storage " +
        "unreachable) — never that the certificate is invalid. With `Accept: application/jose` or `?receipt=jws` the answer is a " +
        `JWS (typ ${RECEIPT_TYPE}) signed by the gateway, checkable offline against /.well-known/jwks.json. No token needed; ` +
        "public callers learn status and integrity only.",
      tag: "Verification",
      access: "public",
      query: z.strictObject({ receipt: z.enum(["jws"]).optional() }),
      body: {
        schema: verifyBody,
        types: {
          "application/xml": z.string().meta({ description: "SPS ePhyto, hub envelope or e-CoO XML." }),
          [VC_JWT_MEDIA_TYPE]: z
            .string()
            .meta({ description: "A certificate credential (VC-JWT) exported by a tradeseal gateway." }),
        },
        validatedBy: "handler",
      },
      responses: {
        "200": {
          description: "The verification result (or its signed receipt).",
          content: {
            "application/json": { schema: verificationView },
            "application/jose": {
              schema: z.string().meta({ description: "Compact JWS over { iss, sub, iat, verification }." }),
            },
          },
        },
        ...problems,
      },
      async handle({ caller, req, res }) {
        let result: VerificationResult;
        // JSON first: by far the most asked (one media type check).
        if (req.body instanceof UnparsedJson) {
          result = await verifyJsonText(req.body.text, caller);
        } else if (req.is(JSON_TYPES)) {
          result = await verifyJson(objectBody(req.body), caller);
        } else if (req.is([VC_JWT_MEDIA_TYPE, "application/jwt"])) {
          result = (await verifyCredential(ctx, { jwt: String(req.body).trim() })).result;
        } else {
          // XML, or a problem naming the media types taken.
          result = await verifyDocument(ctx, { document: documentOf(ctx, req, undefined) });
        }
        // A signed-in caller is told later if what it verified is revoked or superseded.
        if (caller && /^0x[0-9a-f]{64}$/.test(result.certificateId)) {
          await watchCertificate(ctx, { owner: caller.subject, certificateId: result.certificateId });
        }
        await respond(req, res, result);
      },
    }),
  ];
}
