import { must } from "../api/api-error";
import type { Api } from "../api/client";
import { saveFile } from "../api/download";

/** Downloads the gateway's CSV export of a certificate's or an authority's full history. */
export async function exportHistoryCsv(
  api: Api,
  subject: { certificateId: string } | { authorityId: number },
): Promise<void> {
  const query = { format: "csv" as const };
  if ("certificateId" in subject) {
    const csv = await must(
      api.GET("/v1/audit/certificates/{id}/history", {
        params: { path: { id: subject.certificateId }, query },
        parseAs: "text",
      }),
    );
    saveFile(`certificate-${subject.certificateId.slice(0, 10)}-history.csv`, csv, "text/csv");
  } else {
    const csv = await must(
      api.GET("/v1/audit/authorities/{id}/history", {
        params: { path: { id: subject.authorityId }, query },
        parseAs: "text",
      }),
    );
    saveFile(`authority-${subject.authorityId}-history.csv`, csv, "text/csv");
  }
}
