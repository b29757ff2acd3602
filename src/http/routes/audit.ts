import type { Response } from "express";
import { z } from "zod";
import { exportHistory, type HistorySubject } from "../../application/export-history.js";
import { ANOMALY_KINDS, findAnomalies } from "../../application/find-anomalies.js";
import { requireRole } from "../../domain/access-rules.js";
import type { HttpDeps } from "../http-deps.js";
import { callerOf, defineRoute, type RouteSpec } from "../route.js";
import { authorityParams, idParams, json, problems } from "../schemas.js";

const AUDITORS = ["auditor", "admin"] as const;
const unixOf = (value: string | undefined) => (value === undefined ? undefined : Math.floor(Date.parse(value) / 1000));
const isoDate = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), "an ISO 8601 date or date-time")
  .optional();
const formatQuery = z.strictObject({ format: z.enum(["json", "csv"]).default("json") });

const anomaly = z
  .object({
    kind: z.enum(ANOMALY_KINDS),
    severity: z.enum(["LOW", "MEDIUM", "HIGH"]),
    certificateId: z.string().optional(),
    authorityId: z.number().int().optional(),
    detectedAt: z.string(),
    block: z.number().int().optional(),
    evidence: z.record(z.string(), z.unknown()),
    explanation: z.string(),
  })
  .meta({ id: "Anomaly" });

/** Anomaly reports and history exports, for auditors. */
export function auditRoutes({ ctx }: HttpDeps): RouteSpec[] {
  async function sendHistory(
    res: Response,
    subject: HistorySubject,
    format: "json" | "csv",
    name: string,
  ): Promise<void> {
    const exported = await exportHistory(ctx, { subject, format });
    if (exported.format === "csv") {
      res.type("text/csv").attachment(`${name}.csv`).send(exported.csv);
      return;
    }
    res.json({ rows: exported.rows });
  }

  const historyResponses = {
    "200": {
      description: "Every event in chain order: JSON rows, or CSV with a fixed column set.",
      content: {
        "application/json": { schema: z.object({ rows: z.array(z.record(z.string(), z.unknown())) }) },
        "text/csv": { schema: z.string() },
      },
    },
    ...problems,
  };

  return [
    defineRoute({
      method: "get",
      path: "/v1/audit/anomalies",
      operationId: "anomalies",
      summary: "Anomaly report",
      description:
        "Drawdown attempts beyond the quantity left, one certificate used in two countries, invoice value declared at import far " +
        "from the CoO's (default tolerance 20 %), issuance bursts (more than max(50, 5 × the issuer's median) in an hour), " +
        "certificates in force from suspended issuers. Each comes with its evidence and a sentence explaining it.",
      tag: "Audit",
      access: "token",
      query: z.strictObject({
        from: isoDate,
        to: isoDate,
        kind: z.enum(ANOMALY_KINDS).optional().meta({ description: "One kind only." }),
        invoiceTolerance: z.coerce.number().min(0).max(10).optional().meta({ description: "e.g. 0.2 for 20 %." }),
      }),
      responses: { "200": json(z.object({ items: z.array(anomaly) }), "Anomalies, oldest first."), ...problems },
      async handle({ query, caller, res }) {
        requireRole(callerOf({ caller }), AUDITORS, "The anomaly report");
        const q = query;
        const items = await findAnomalies(ctx, {
          from: unixOf(q.from),
          to: unixOf(q.to),
          ...(q.kind && { kinds: [q.kind] }),
          ...(q.invoiceTolerance !== undefined && { invoiceTolerance: q.invoiceTolerance }),
        });
        res.json({ items });
      },
    }),
    defineRoute({
      method: "get",
      path: "/v1/audit/certificates/{id}/history",
      operationId: "exportCertificateHistory",
      summary: "Export a certificate's history (JSON or CSV)",
      tag: "Audit",
      access: "token",
      params: idParams,
      query: formatQuery,
      responses: historyResponses,
      async handle({ params, query, caller, res }) {
        requireRole(callerOf({ caller }), AUDITORS, "History export");
        const { format } = query;
        await sendHistory(
          res,
          { certificateId: params.id.toLowerCase() },
          format,
          `certificate-${params.id.slice(0, 10)}`,
        );
      },
    }),
    defineRoute({
      method: "get",
      path: "/v1/audit/authorities/{id}/history",
      operationId: "exportAuthorityHistory",
      summary: "Export an authority's history (JSON or CSV)",
      tag: "Audit",
      access: "token",
      params: authorityParams,
      query: formatQuery,
      responses: historyResponses,
      async handle({ params, query, caller, res }) {
        requireRole(callerOf({ caller }), AUDITORS, "History export");
        const { format } = query;
        await sendHistory(res, { authorityId: params.id }, format, `authority-${params.id}`);
      },
    }),
  ];
}
