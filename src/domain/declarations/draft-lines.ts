import type { CertificateOfOrigin, OriginItem } from "../documents/certificate-of-origin.js";
import type { Packages } from "../documents/consignment.js";
import type { Measure } from "../documents/measures.js";
import type { PhytoItem, PhytosanitaryCertificate } from "../documents/phytosanitary-certificate.js";
import type { DraftField, FieldComparison, Rule, Source } from "./field-comparison.js";

/** One goods line of the draft: the CoO's line and the ePhyto's line for the same goods, merged. */
export interface DraftLine {
  hsCode?: DraftField<string>;
  description?: DraftField<string>;
  quantity?: DraftField<Measure>;
  netWeight?: DraftField<Measure>;
  grossWeight?: DraftField<Measure>;
  packages?: DraftField<Packages[]>;
  originCountry?: DraftField<string>;
  originCriterion?: DraftField<string>;
  scientificName?: DraftField<string>;
  commonName?: DraftField<string>;
  intendedUse?: DraftField<string>;
  placesOfOrigin?: DraftField<PhytoItem["placesOfOrigin"]>;
  /** The certificate lines merged into this one. */
  sources: { certificateId: string; sequence: number }[];
}

type LineItem = { kind: "COO"; item: OriginItem } | { kind: "PHYTO"; item: PhytoItem };

const text: Rule<string> = { show: String };
/** Quantities in different units are not compared: 48000 NAR and 1920 KGM can both be right. */
const sameMeasure: Rule<Measure> = {
  show: (m) => `${m.value} ${m.unit}`,
  agree: (a, b) => a.unit !== b.unit || a.value === b.value,
};
const packageCounts: Rule<Packages[]> = { show: (packages) => packages.map((p) => `${p.count} ${p.kind}`).join("; ") };
/** A national tariff line (06031100) agrees with its subheading (060311). */
const sameHsCode: Rule<string> = { show: String, agree: (a, b) => a.startsWith(b) || b.startsWith(a) };
/** The CoO's origin agrees with an ePhyto that names it among the places the goods were grown. */
const originCountries: Rule<string[]> = {
  show: (countries) => countries.join(", "),
  agree: (a, b) => a.some((country) => b.includes(country)),
};
const places: Rule<PhytoItem["placesOfOrigin"]> = {
  show: (list) => list.map((p) => [p.place, p.region, p.country].filter(Boolean).join(", ")).join("; "),
};

/**
 * The goods lines of the draft: every CoO line, each joined by the ePhyto line for the same goods
 * (same HS subheading, or the only line of each when the ePhyto gives no HS code); ePhyto lines
 * that match none stand alone. Disagreements between merged lines go to `comparison`.
 */
export function draftLines(
  origin: readonly Source<CertificateOfOrigin>[],
  phyto: readonly Source<PhytosanitaryCertificate>[],
  comparison: FieldComparison,
): DraftLine[] {
  const lines = origin.flatMap((source) =>
    source.of.items.map((item): Source<LineItem>[] => [{ ...source, of: { kind: "COO", item } }]),
  );
  const originLines = lines.slice();
  for (const source of phyto) {
    const joined = new Set<Source<LineItem>[]>();
    const onlyLines = source.of.items.length === 1 && originLines.length === 1;
    for (const item of source.of.items) {
      const stated: Source<LineItem> = { ...source, of: { kind: "PHYTO", item } };
      const line = originLines.find((l) => !joined.has(l) && sameGoods(l[0].of.item, item, onlyLines));
      if (line) {
        line.push(stated);
        joined.add(line);
      } else {
        lines.push([stated]);
      }
    }
  }
  return lines.map((line, index) => mergeLine(line, `lines[${index}]`, comparison));
}

function sameGoods(originItem: OriginItem | PhytoItem, phytoItem: PhytoItem, onlyLines: boolean): boolean {
  if (phytoItem.hsCode === undefined) return onlyLines;
  return originItem.hsCode?.slice(0, 6) === phytoItem.hsCode.slice(0, 6);
}

const ofOrigin = (line: LineItem): OriginItem | undefined => (line.kind === "COO" ? line.item : undefined);
const ofPhyto = (line: LineItem): PhytoItem | undefined => (line.kind === "PHYTO" ? line.item : undefined);

function mergeLine(line: Source<LineItem>[], at: string, comparison: FieldComparison): DraftLine {
  const countries = comparison.settle(`${at}.originCountry`, line, originCountries, ({ kind, item }) =>
    kind === "COO" ? [item.originCountry] : [...new Set(item.placesOfOrigin.map((p) => p.country))],
  );
  const fields: Omit<DraftLine, "sources"> = {
    hsCode: comparison.settle(`${at}.hsCode`, line, sameHsCode, (l) => l.item.hsCode),
    description: comparison.settle(`${at}.description`, line, text, (l) => l.item.description),
    quantity: comparison.settle(`${at}.quantity`, line, sameMeasure, (l) => l.item.quantity),
    netWeight: comparison.settle(`${at}.netWeight`, line, sameMeasure, (l) => l.item.netWeight),
    grossWeight: comparison.settle(`${at}.grossWeight`, line, sameMeasure, (l) => l.item.grossWeight),
    packages: comparison.settle(`${at}.packages`, line, packageCounts, (l) => l.item.packages),
    // One country of origin per declaration line: an ePhyto line grown in several is left to the declarant.
    originCountry:
      countries?.value.length === 1 ? { value: countries.value[0], certificateId: countries.certificateId } : undefined,
    originCriterion: comparison.settle(`${at}.originCriterion`, line, text, (l) => ofOrigin(l)?.originCriterion),
    scientificName: comparison.settle(`${at}.scientificName`, line, text, (l) => ofPhyto(l)?.scientificName),
    commonName: comparison.settle(`${at}.commonName`, line, text, (l) => ofPhyto(l)?.commonName),
    intendedUse: comparison.settle(`${at}.intendedUse`, line, text, (l) => ofPhyto(l)?.intendedUse),
    placesOfOrigin: comparison.settle(`${at}.placesOfOrigin`, line, places, (l) => ofPhyto(l)?.placesOfOrigin),
  };
  return {
    ...(Object.fromEntries(Object.entries(fields).filter(([, field]) => field !== undefined)) as typeof fields),
    sources: line.map((stated) => ({ certificateId: stated.certificateId, sequence: stated.of.item.sequence })),
  };
}
