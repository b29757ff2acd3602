import { z } from "zod";
import { exportCredential } from "../../application/export-credential.js";
import { readCertificateDocument } from "../../application/read-certificate-document.js";
import { statusListCredential } from "../../application/status-list-credential.js";
import { VC_JWT_MEDIA_TYPE } from "../../domain/credentials/vc-jwt.js";
import { ForbiddenError } from "../../domain/errors.js";
import type { HttpDeps } from "../http-deps.js";
import { callerOf, defineRoute, type RouteSpec } from "../route.js";
import { idParams, problems } from "../schemas.js";

const vcJwt = (description: string) => ({
  description,
  content: { [VC_JWT_MEDIA_TYPE]: { schema: z.string().meta({ description: "Compact JWS (VC-JOSE-COSE)." }) } },
});

/** Verifiable Credentials: export a certificate as VC-JWT, and the status lists its credentialStatus points to. */
export function credentialRoutes({ ctx, config }: HttpDeps): RouteSpec[] {
  return [
    defineRoute({
      method: "get",
      path: "/v1/certificates/{id}/credential",
      operationId: "exportCredential",
      summary: "The certificate as a W3C Verifiable Credential 2.0 (VC-JWT, ES256K under the issuing authority's key)",
      description:
        "For parties the document is encrypted for. The credential carries the document and its salt, so its holder can " +
        "prove it against the anchored digest anywhere (POST /v1/verify with Content-Type application/vc+jwt); its " +
        "credentialStatus points to this gateway's Bitstring Status Lists, which follow the chain.",
      tag: "Credentials",
      access: "token",
      params: idParams,
      responses: { "200": vcJwt("The credential."), ...problems },
      async handle({ params, caller, res }) {
        const read = await readCertificateDocument(ctx, { caller: callerOf({ caller }), id: params.id });
        if (read.kind !== "opened") {
          throw new ForbiddenError(
            "This gateway does not hold your decryption key: open the document yourself and ask the issuer's gateway.",
          );
        }
        const exported = await exportCredential(ctx, {
          certificateId: params.id.toLowerCase(),
          document: read.document,
          salt: read.salt,
          baseUrl: config.publicUrl,
        });
        res.type(VC_JWT_MEDIA_TYPE).send(exported.jwt);
      },
    }),
    defineRoute({
      method: "get",
      path: "/v1/status-lists/{listId}/{purpose}",
      operationId: "statusList",
      summary: "A Bitstring Status List credential (revocation or suspension), signed by the gateway",
      tag: "Credentials",
      access: "public",
      params: z.strictObject({
        listId: z.string().regex(/^\d{1,9}$/, "a list number such as 1"),
        purpose: z.enum(["revocation", "suspension"]),
      }),
      responses: { "200": vcJwt("The status list credential; bits follow the indexed chain."), ...problems },
      async handle({ params, res }) {
        const { listId, purpose } = params as { listId: string; purpose: string };
        const list = await statusListCredential(ctx, { listId, purpose, baseUrl: config.publicUrl });
        res.set("Cache-Control", "public, max-age=30").type(VC_JWT_MEDIA_TYPE).send(list.jwt);
      },
    }),
  ];
}
