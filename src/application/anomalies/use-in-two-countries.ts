import { countryFromCode } from "../../domain/certificate-terms.js";
import type { AuditPeriod, AuditQueries, CertificateUse, RefusedDrawdown } from "../ports/audit-queries.js";
import { unitsOfThousandths } from "../quantity-text.js";
import { readRefusalReason } from "../refusal-reason.js";
import { authorityLabel, isoTime, type Anomaly } from "./anomaly.js";

/**
 * Certificates used (drawn down, accepted or rejected) by an authority of a country other than
 * the one they name, drawn down while naming no importing country (the registry flags those),
 * or used by authorities of two or more countries: one finding per certificate. And each
 * drawdown the registry refused because the customs asking were of another country than the
 * certificate names: the certificate was presented for an import there.
 */
export async function useInTwoCountries(audit: AuditQueries, period: AuditPeriod): Promise<Anomaly[]> {
  const [uses, refused] = await Promise.all([audit.usesAcrossCountries(period), audit.refusedDrawdowns(period)]);
  const byCertificate = new Map<string, CertificateUse[]>();
  for (const use of uses) byCertificate.set(use.certificateId, [...(byCertificate.get(use.certificateId) ?? []), use]);
  return [...[...byCertificate.values()].map(finding), ...refused.flatMap(refusedAbroad)];
}

/** A drawdown refused as CertificateRegistryWrongImportCountry(id, importCountry, actorCountry). */
function refusedAbroad(attempt: RefusedDrawdown): Anomaly[] {
  const refusal = attempt.reason === undefined ? undefined : readRefusalReason(attempt.reason);
  if (refusal?.error !== "CertificateRegistryWrongImportCountry") return [];
  const importCountry = countryFromCode(refusal.args[1]);
  const unit = attempt.certificate?.unit ?? "";
  const customs = authorityLabel("Customs authority", attempt.authorityId, attempt.authorityName, attempt.country);
  return [
    {
      kind: "USE_IN_TWO_COUNTRIES",
      severity: "MEDIUM",
      certificateId: attempt.certificateId,
      authorityId: attempt.authorityId,
      detectedAt: attempt.createdAt.toISOString(),
      evidence: {
        importCountry,
        country: attempt.country,
        declarationId: attempt.id,
        reference: attempt.reference,
        amount: attempt.amount,
        unit,
        reason: attempt.reason,
      },
      explanation:
        `${customs} asked to draw down ${attempt.amount} ${unit} of certificate ${attempt.certificateId}, which ` +
        `names ${importCountry} as its importing country, against import declaration "${attempt.reference}"; the ` +
        `registry refused it. The certificate was presented for an import into ${attempt.country} as well.`,
    },
  ];
}

function finding(uses: CertificateUse[]): Anomaly {
  const { certificateId, importCountry } = uses[0];
  const last = uses[uses.length - 1];
  const countries = [...new Set(uses.map((u) => u.country))];
  const foreign = uses.filter((u) => importCountry !== "" && u.country !== importCountry);
  const trigger = foreign[0] ?? uses.find((u) => u.country !== uses[0].country) ?? uses[0];
  const told = uses.map(describe).join("; ");
  let explanation: string;
  if (foreign.length > 0) {
    explanation =
      `Certificate ${certificateId} names ${importCountry} as its importing country, yet it was used in ` +
      `${countries.join(" and ")}: ${told}. A certificate covers one consignment into the country it names.`;
  } else if (countries.length > 1) {
    explanation =
      `Certificate ${certificateId} names no importing country and was used in ${countries.join(" and ")}: ` +
      `${told}. A certificate covers one consignment into one country: the same certificate may have been ` +
      "presented for two imports.";
  } else {
    explanation =
      `Certificate ${certificateId} names no importing country; ${told}. The registry allows this but flags it: ` +
      `check that the certificate was meant for imports into ${countries[0]}.`;
  }
  return {
    kind: "USE_IN_TWO_COUNTRIES",
    severity: foreign.length > 0 || countries.length > 1 ? "HIGH" : "MEDIUM",
    certificateId,
    authorityId: trigger.authorityId,
    detectedAt: isoTime(last.blockTime),
    block: last.blockNumber,
    evidence: {
      importCountry: importCountry === "" ? null : importCountry,
      countries,
      uses: uses.map((u) => ({
        act: u.act,
        authorityId: u.authorityId,
        authorityName: u.authorityName,
        country: u.country,
        block: u.blockNumber,
        time: isoTime(u.blockTime),
        transaction: u.transactionHash,
        ...(u.amount !== undefined && { amount: unitsOfThousandths(u.amount), unit: u.unit }),
        importCountryUnnamed: u.importCountryUnnamed,
      })),
    },
    explanation,
  };
}

function describe(use: CertificateUse): string {
  const who = authorityLabel("authority", use.authorityId, use.authorityName, use.country);
  const what =
    use.act === "DRAWDOWN"
      ? `drew down ${unitsOfThousandths(use.amount ?? 0n)} ${use.unit}`
      : use.act === "ACCEPTED"
        ? "accepted it"
        : "rejected it";
  return `${who} ${what} at block ${use.blockNumber}`;
}
