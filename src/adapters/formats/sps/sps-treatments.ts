import type { z } from "zod";
import canonicalize from "canonicalize";
import type { Treatment } from "../../../domain/documents/phytosanitary-certificate.js";
import type { ElementReader } from "../xml/element-reader.js";
import { FREE_TEXT, NAME_TEXT } from "../xml/text-schemas.js";
import type { XmlNode } from "../xml/xml-element.js";
import { xmlNode } from "../xml/xml-node.js";
import { readSpsDate, readSpsMeasure, readSpsSignedMeasure, spsDateNode, spsMeasureNode } from "./sps-values.js";
import { RAM, TREATMENT } from "./sps-vocabulary.js";

/** An `AppliedSPSProcess` found on the trade line item with sequence number `sequence`. */
export interface PlacedProcess {
  sequence: number;
  process: ElementReader;
}

type TreatmentContent = Omit<Treatment, "items">;

/**
 * The certificate's treatments from the processes on its trade line items. The SPS form puts a
 * treatment on each line it applies to; the model lists it once, with the lines it names, or
 * none when it applies to all. Equal processes are one treatment, in order of first appearance,
 * on the lines that carry it. Where that reading could not give back the model's list (the same
 * treatment twice, lines named out of order, every line named one by one) the writer marks each
 * process with its treatment's number and lines, and the marks are read instead.
 */
export function readSpsTreatments(placed: readonly PlacedProcess[], sequences: readonly number[]): Treatment[] {
  const read = placed.map(({ sequence, process }) => ({ sequence, process, ...readProcess(process) }));
  const marked = read.filter((entry) => entry.reference !== undefined);
  if (marked.length > 0 && marked.length < read.length) {
    const unmarked = read.find((entry) => entry.reference === undefined)!;
    throw unmarked.process.problem(
      unmarked.process.path,
      `has no ${TREATMENT.reference} characteristic where other processes have one; give every process its mark, or none`,
    );
  }
  if (marked.length === 0) return grouped(read, sequences);
  const byNumber = new Map<number, Treatment>();
  for (const entry of marked) {
    const { number, items } = parseReference(entry.reference!, entry.process);
    if (!byNumber.has(number)) byNumber.set(number, { ...entry.content, items });
  }
  return [...byNumber.entries()].sort(([a], [b]) => a - b).map(([, treatment]) => treatment);
}

/**
 * The `AppliedSPSProcess` elements for each line, by sequence number: every treatment on the
 * lines it names (all lines when it names none), marked when plain placement would not read back.
 */
export function placeSpsTreatments(
  treatments: readonly Treatment[],
  sequences: readonly number[],
): Map<number, XmlNode[]> {
  const placement = treatments.map((treatment) => [...new Set(treatment.items ?? sequences)]);
  const plain = grouped(
    sequences.flatMap((sequence) =>
      treatments
        .filter((_, index) => placement[index].includes(sequence))
        .map((treatment) => ({ sequence, content: withoutItems(treatment) })),
    ),
    sequences,
  );
  const needsMarks = canonicalize(plain) !== canonicalize(treatments.map(normalItems));
  const placed = new Map<number, XmlNode[]>(sequences.map((sequence) => [sequence, []]));
  treatments.forEach((treatment, index) => {
    const reference = needsMarks ? referenceOf(index + 1, treatment.items) : undefined;
    for (const sequence of placement[index]) placed.get(sequence)?.push(processNode(treatment, reference));
  });
  return placed;
}

function grouped(
  entries: readonly { sequence: number; content: TreatmentContent }[],
  sequences: readonly number[],
): Treatment[] {
  const groups = new Map<string, { content: TreatmentContent; items: number[] }>();
  for (const { sequence, content } of entries) {
    const key = canonicalize(content)!;
    const group = groups.get(key) ?? { content, items: [] };
    if (!group.items.includes(sequence)) group.items.push(sequence);
    groups.set(key, group);
  }
  const everyLine = new Set(sequences).size;
  return [...groups.values()].map(({ content, items }) =>
    items.length === everyLine ? content : { ...content, items },
  );
}

function withoutItems(treatment: Treatment): TreatmentContent {
  const { items: _items, ...content } = treatment;
  return content;
}

function normalItems(treatment: Treatment): Treatment {
  return treatment.items === undefined ? withoutItems(treatment) : treatment;
}

function referenceOf(number: number, items: readonly number[] | undefined): string {
  return items === undefined ? String(number) : `${number}: ${items.join(" ")}`;
}

function parseReference(reference: string, process: ElementReader): { number: number; items?: number[] } {
  const match = /^(\d+)(?::((?:\s*\d+)+))?$/.exec(reference.trim());
  if (!match) {
    throw process.problem(
      process.path,
      `has a ${TREATMENT.reference} characteristic "${reference}"; expected the treatment's number, then ":" and its lines, e.g. "2: 1 3"`,
    );
  }
  return {
    number: Number(match[1]),
    items: match[2] === undefined ? undefined : match[2].trim().split(/\s+/).map(Number),
  };
}

function readProcess(process: ElementReader): { content: TreatmentContent; reference: string | undefined } {
  const characteristics = new Map<string, ElementReader>();
  for (const characteristic of process.all(RAM, "ApplicableSPSProcessCharacteristic")) {
    const code = characteristic.optional(RAM, "TypeCode")?.text.trim().toUpperCase();
    if (code === undefined) continue;
    if (characteristics.has(code)) {
      throw characteristic.problem(characteristic.path, `repeats characteristic ${code}; give it once per process`);
    }
    characteristics.set(code, characteristic);
  }
  const description = (code: string, schema: z.ZodType<string> = NAME_TEXT) =>
    characteristics.get(code)?.all(RAM, "Description")[0]?.value(schema);
  const measure = (code: string) => characteristics.get(code)?.optional(RAM, "ValueMeasure");
  const types = [description(TREATMENT.type), description(TREATMENT.subtype)].filter(Boolean);
  const typeCode = process.optional(RAM, "TypeCode");
  const type = types.length > 0 ? types.join(" / ") : (typeCode?.attribute("name") ?? typeCode?.text);
  if (!type?.trim()) {
    throw process.problem(
      `${process.path}/ram:ApplicableSPSProcessCharacteristic`,
      `missing; add a characteristic with TypeCode ${TREATMENT.type} whose Description names the treatment, e.g. "Hot water treatment"`,
    );
  }
  const period = process.optional(RAM, "CompletionSPSPeriod");
  const start = period?.optional(RAM, "StartDateTime") ?? period?.optional(RAM, "EndDateTime");
  const concentration = measure(TREATMENT.concentration);
  const temperature = measure(TREATMENT.temperature);
  const duration = period?.optional(RAM, "DurationMeasure");
  return {
    content: {
      type: type.trim(),
      chemical: description(TREATMENT.chemical),
      concentration: concentration && readSpsMeasure(concentration),
      duration: duration && readSpsMeasure(duration),
      temperature: temperature && readSpsSignedMeasure(temperature),
      date: start && readSpsDate(start),
      additionalInfo: description(TREATMENT.additionalInfo, FREE_TEXT),
    },
    reference: description(TREATMENT.reference),
  };
}

function characteristicNode(code: string, description: string, measure?: XmlNode): XmlNode | undefined {
  return xmlNode(RAM, "ApplicableSPSProcessCharacteristic", [
    xmlNode(RAM, "TypeCode", code),
    xmlNode(RAM, "Description", description),
    measure,
  ]);
}

function processNode(treatment: Treatment, reference: string | undefined): XmlNode {
  const optional = (code: string, value: string | undefined) =>
    value === undefined ? undefined : characteristicNode(code, value);
  return xmlNode(RAM, "AppliedSPSProcess", [
    xmlNode(RAM, "CompletionSPSPeriod", [
      spsDateNode("StartDateTime", treatment.date),
      spsMeasureNode("DurationMeasure", treatment.duration),
    ]),
    characteristicNode(TREATMENT.type, treatment.type),
    optional(TREATMENT.chemical, treatment.chemical),
    treatment.concentration &&
      characteristicNode(
        TREATMENT.concentration,
        "Concentration",
        spsMeasureNode("ValueMeasure", treatment.concentration),
      ),
    treatment.temperature &&
      characteristicNode(TREATMENT.temperature, "Temperature", spsMeasureNode("ValueMeasure", treatment.temperature)),
    optional(TREATMENT.additionalInfo, treatment.additionalInfo),
    optional(TREATMENT.reference, reference),
  ])!;
}
