import { type z } from "zod";
import { countryCodeSchema, hsCodeSchema, packageKindSchema, unitCodeSchema } from "../../../domain/documents/codes.js";
import { unsignedDecimalSchema } from "../../../domain/documents/decimal.js";
import type { PhytoItem } from "../../../domain/documents/phytosanitary-certificate.js";
import type { ElementReader } from "../xml/element-reader.js";
import { FREE_TEXT, NAME_TEXT } from "../xml/text-schemas.js";
import type { XmlNode } from "../xml/xml-element.js";
import { xmlNode } from "../xml/xml-node.js";
import { readSpsNotes, spsNoteNode } from "./sps-notes.js";
import { readSpsMeasure, spsMeasureNode, wholeNumberSchema } from "./sps-values.js";
import { HS_SYSTEM, ITEM_NOTE, PACKAGE_LEVEL, PLACE_LEVEL, RAM, REGION_LEVEL } from "./sps-vocabulary.js";

/**
 * One `IncludedSPSTradeLineItem` as a phytosanitary item (treatments aside: see
 * sps-treatments.ts). Several descriptions or names are joined with "; "; the sequence number,
 * when absent, is the line's position.
 */
export function readSpsTradeLineItem(line: ElementReader, position: number): PhytoItem {
  const joined = (name: string, schema: z.ZodType<string> = NAME_TEXT) => {
    const values = line.all(RAM, name).map((element) => element.value(schema));
    return values.length > 0 ? values.join("; ") : undefined;
  };
  const scientificName = joined("ScientificName");
  if (scientificName === undefined) {
    throw line.problem(`${line.path}/ram:ScientificName`, 'missing; add the botanical name, e.g. "Mangifera indica"');
  }
  const notes = readSpsNotes(line, "AdditionalInformationSPSNote");
  const note = (subject: string) => notes.find((candidate) => candidate.subject === subject);
  const quantity = note(ITEM_NOTE.quantity);
  const net = line.optional(RAM, "NetWeightMeasure");
  const gross = line.optional(RAM, "GrossWeightMeasure");
  const hs = line
    .all(RAM, "ApplicableSPSClassification")
    .find((classification) =>
      [classification.optional(RAM, "SystemName"), classification.optional(RAM, "SystemID")].some(
        (system) => system?.text.trim().toUpperCase() === HS_SYSTEM,
      ),
    );
  return {
    sequence: line.optional(RAM, "SequenceNumeric")?.value(wholeNumberSchema) ?? position,
    hsCode: hs?.required(RAM, "ClassCode", "the HS code").value(hsCodeSchema),
    quantity: quantity && {
      value: quantity.element.required(RAM, "Content", "the quantity").value(unsignedDecimalSchema),
      unit: quantity.element.required(RAM, "ContentCode", "the quantity's unit (UN/ECE Rec 20)").value(unitCodeSchema),
    },
    grossWeight: gross && readSpsMeasure(gross),
    netWeight: net && readSpsMeasure(net),
    packages: line.all(RAM, "PhysicalSPSPackage").map((pack) => {
      const kind = pack.required(RAM, "TypeCode", "the package type (UN/ECE Rec 21)");
      return {
        count: pack.required(RAM, "ItemQuantity", "the number of packages").value(wholeNumberSchema),
        kind: kind.value(packageKindSchema),
        description: kind.attribute("name"),
      };
    }),
    shippingMarks: note(ITEM_NOTE.shippingMarks)?.content,
    description: joined("Description", FREE_TEXT),
    scientificName,
    commonName: joined("CommonName"),
    intendedUse: joined("IntendedUse"),
    placesOfOrigin: line.all(RAM, "OriginSPSCountry").map(readOrigin),
  };
}

function readOrigin(origin: ElementReader): PhytoItem["placesOfOrigin"][number] {
  const country = origin.required(RAM, "ID", "the country of origin (ISO 3166-1 alpha-2)").value(countryCodeSchema);
  const named: Record<string, string> = {};
  const unlevelled: string[] = [];
  for (const subdivision of origin.all(RAM, "SubordinateSPSCountrySubDivision")) {
    const name = subdivision.required(RAM, "Name", "the region's or place's name").value(NAME_TEXT);
    const level = subdivision.optional(RAM, "HierarchicalLevelCode")?.text.trim();
    if (level === REGION_LEVEL || level === PLACE_LEVEL) named[level] = name;
    else unlevelled.push(name);
  }
  if (unlevelled.length + Object.keys(named).length > 2) {
    throw origin.problem(origin.path, "has more than two subdivisions; give the region and the place of production");
  }
  return {
    country,
    region: named[REGION_LEVEL] ?? unlevelled.shift(),
    place: named[PLACE_LEVEL] ?? unlevelled.shift(),
  };
}

/** The item as an `IncludedSPSTradeLineItem`, with its treatments' processes. */
export function spsTradeLineItemNode(item: PhytoItem, processes: readonly XmlNode[]): XmlNode {
  return xmlNode(RAM, "IncludedSPSTradeLineItem", [
    xmlNode(RAM, "SequenceNumeric", String(item.sequence)),
    xmlNode(RAM, "Description", item.description),
    xmlNode(RAM, "CommonName", item.commonName),
    xmlNode(RAM, "ScientificName", item.scientificName),
    xmlNode(RAM, "IntendedUse", item.intendedUse),
    spsMeasureNode("NetWeightMeasure", item.netWeight),
    spsMeasureNode("GrossWeightMeasure", item.grossWeight),
    spsNoteNode("AdditionalInformationSPSNote", ITEM_NOTE.shippingMarks, item.shippingMarks),
    item.quantity &&
      spsNoteNode("AdditionalInformationSPSNote", ITEM_NOTE.quantity, item.quantity.value, item.quantity.unit),
    item.hsCode === undefined
      ? undefined
      : xmlNode(RAM, "ApplicableSPSClassification", [
          xmlNode(RAM, "SystemName", HS_SYSTEM),
          xmlNode(RAM, "ClassCode", item.hsCode),
        ]),
    ...(item.packages ?? []).map((pack) =>
      xmlNode(RAM, "PhysicalSPSPackage", [
        xmlNode(RAM, "LevelCode", PACKAGE_LEVEL),
        xmlNode(RAM, "TypeCode", pack.kind, { name: pack.description }),
        xmlNode(RAM, "ItemQuantity", String(pack.count)),
      ]),
    ),
    ...item.placesOfOrigin.map((origin) =>
      xmlNode(RAM, "OriginSPSCountry", [
        xmlNode(RAM, "ID", origin.country),
        subdivisionNode(REGION_LEVEL, origin.region),
        subdivisionNode(PLACE_LEVEL, origin.place),
      ]),
    ),
    ...processes,
  ])!;
}

function subdivisionNode(level: string, name: string | undefined): XmlNode | undefined {
  return xmlNode(
    RAM,
    "SubordinateSPSCountrySubDivision",
    name === undefined ? undefined : [xmlNode(RAM, "Name", name), xmlNode(RAM, "HierarchicalLevelCode", level)],
  );
}
