import { must } from "../api/api-error";
import type { Api } from "../api/client";
import type { VerificationResult } from "../api/types";
import type { VerifyRequest } from "./verify-request";

type Receipt = { receipt?: "jws" };

/** POST /v1/verify, JSON bodies as JSON and XML or credentials as they are; `parseAs` text for a receipt. */
function post<P extends "json" | "text">(api: Api, request: VerifyRequest, query: Receipt, parseAs: P) {
  const params = { query };
  switch (request.kind) {
    case "id":
      return api.POST("/v1/verify", { params, body: { id: request.id }, parseAs });
    case "json":
      return api.POST("/v1/verify", { params, body: request.body as { document: unknown }, parseAs });
    case "text":
      return api.POST("/v1/verify", {
        params,
        body: request.text,
        headers: { "content-type": request.contentType },
        bodySerializer: (body) => body,
        parseAs,
      });
  }
}

/** The verdict with its fragments. */
export function runVerification(api: Api, request: VerifyRequest): Promise<VerificationResult> {
  return must(post(api, request, {}, "json"));
}

/** The same verification as a receipt signed by the gateway (a compact JWS), to keep or show later. */
export function fetchReceipt(api: Api, request: VerifyRequest): Promise<string> {
  return must(post(api, request, { receipt: "jws" }, "text"));
}
