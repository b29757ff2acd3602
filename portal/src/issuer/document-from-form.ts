/**
 * The certificate document (the registry's JSON data model) the issue form describes. Empty
 * fields are left out, so the gateway's validation names what is missing.
 */
import { formText } from "../components/form-text";

export interface IssuingAuthority {
  authorityId: number;
  name: string;
  country: string;
}

type Json = Record<string, unknown>;

/** The object without its empty members (blank strings, empty objects), or undefined when nothing is left. */
function compact(value: Json): Json | undefined {
  const kept = Object.entries(value).filter(
    ([, member]) =>
      member !== undefined &&
      member !== "" &&
      !(typeof member === "object" && member !== null && Object.keys(member).length === 0),
  );
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

export function documentFromForm(form: FormData, issuer: IssuingAuthority): Json {
  const text = (name: string) => formText(form, name);
  const upper = (name: string) => text(name).toUpperCase();
  const measure = (value: string, unit: string) =>
    text(value) ? { value: text(value), unit: upper(unit) } : undefined;
  const type = text("certificateType");
  const coo = type.startsWith("COO");
  const party = (prefix: string) =>
    compact({ name: text(`${prefix}Name`), city: text(`${prefix}City`), country: upper(`${prefix}Country`) });
  const item = compact({
    sequence: 1,
    description: text("goodsDescription"),
    hsCode: text("hsCode"),
    quantity: measure("goodsQuantity", "goodsUnit"),
    ...(coo
      ? { originCountry: upper("originCountry"), originCriterion: text("originCriterion") }
      : {
          scientificName: text("scientificName"),
          commonName: text("commonName"),
          placesOfOrigin: [{ country: upper("originCountry") }],
        }),
  });
  return compact({
    kind: coo ? "COO" : "PHYTO",
    certificateType: type,
    certificateNumber: text("certificateNumber"),
    issueDate: text("issueDate"),
    validUntil: text("validUntil"),
    issuer: compact({
      authorityId: issuer.authorityId,
      name: issuer.name,
      country: issuer.country,
      placeOfIssue: text("placeOfIssue"),
      signatoryName: text("signatoryName"),
    }),
    exporter: party("exporter"),
    consignee: party("consignee"),
    exportCountry: issuer.country,
    importCountry: upper("importCountry"),
    items: item ? [item] : [],
    ...(coo && {
      certifiedQuantity: measure("certifiedQuantity", "certifiedUnit"),
      preferenceScheme: type === "COO_PREFERENTIAL" ? text("preferenceScheme") : "",
    }),
    ucr: text("ucr"),
    exportDeclaration: text("exportDeclaration"),
    remarks: text("remarks"),
  }) as Json;
}
