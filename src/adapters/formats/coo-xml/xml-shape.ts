import { z } from "zod";
import { unitCodeSchema, currencyCodeSchema } from "../../../domain/documents/codes.js";
import { unsignedDecimalSchema } from "../../../domain/documents/decimal.js";
import { positiveInteger } from "../../../domain/documents/text.js";
import type { ElementReader } from "../xml/element-reader.js";
import type { XmlNode } from "../xml/xml-element.js";
import { xmlNode } from "../xml/xml-node.js";

/** How one model value is written as an element. */
export type ValueShape =
  /** Text content, checked by the schema on reading. */
  | { kind: "text"; schema: z.ZodType<string> }
  /** A whole number in digits. */
  | { kind: "integer"; max?: number }
  /** "true" or "false"; false is written as absent, as the model drops it. */
  | { kind: "flag" }
  /** A measure `{ value, unit }` as `<X unit="KGM">12</X>`. */
  | { kind: "measure" }
  /** Money `{ amount, currency }` as `<X currency="EUR">12.5</X>`. */
  | { kind: "money" }
  | { kind: "object"; fields: readonly FieldShape[] };

/** A field of an object: the element it is written as and the model key it holds. */
export interface FieldShape {
  element: string;
  key: string;
  shape: ValueShape;
  /** A list: one element per entry. */
  many?: boolean;
  /** For the message when it is missing: what to add. */
  required?: string;
}

const flagSchema = z
  .string()
  .trim()
  .pipe(z.enum(["true", "false"], { error: 'expected "true" or "false"' }));
const digits = z.string().trim().regex(/^\d+$/, "expected a whole number in digits").transform(Number);
const wholeNumber = digits.pipe(positiveInteger());

/**
 * Reads an object element by its shape: every child must be a field of the shape (in `namespace`,
 * in any order); required fields must be there; values are checked where they stand, so a problem
 * names its element path.
 */
export function readShape(
  element: ElementReader,
  namespace: string,
  fields: readonly FieldShape[],
): Record<string, unknown> {
  const known = new Set(fields.map((field) => field.element));
  for (const child of element.element.children) {
    if (child.namespace !== namespace || !known.has(child.name)) {
      throw element.problem(
        child.path,
        `is not part of this form${child.namespace === namespace ? "" : ` (its namespace is "${child.namespace}")`}; check its name, or remove it`,
      );
    }
  }
  const value: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.many) {
      value[field.key] = element.all(namespace, field.element).map((child) => readValue(child, namespace, field.shape));
      continue;
    }
    const child =
      field.required === undefined
        ? element.optional(namespace, field.element)
        : element.required(namespace, field.element, field.required);
    if (child) value[field.key] = readValue(child, namespace, field.shape);
  }
  return value;
}

function readValue(element: ElementReader, namespace: string, shape: ValueShape): unknown {
  switch (shape.kind) {
    case "text":
      return element.value(shape.schema);
    case "integer":
      return element.value(shape.max === undefined ? wholeNumber : digits.pipe(positiveInteger(shape.max)));
    case "flag":
      return element.value(flagSchema) === "true";
    case "measure":
      return { value: element.value(unsignedDecimalSchema), unit: element.value(unitCodeSchema, "unit") };
    case "money":
      return { amount: element.value(unsignedDecimalSchema), currency: element.value(currencyCodeSchema, "currency") };
    case "object":
      return readShape(element, namespace, shape.fields);
  }
}

/** Writes an object by its shape; absent fields are left out. */
export function writeShape(
  namespace: string,
  name: string,
  value: Readonly<Record<string, unknown>>,
  fields: readonly FieldShape[],
): XmlNode | undefined {
  return xmlNode(
    namespace,
    name,
    fields.flatMap((field) => {
      const entry = value[field.key];
      const entries = field.many ? ((entry as unknown[] | undefined) ?? []) : [entry];
      return entries.map((one) => writeValue(namespace, field.element, one, field.shape));
    }),
  );
}

function writeValue(namespace: string, name: string, value: unknown, shape: ValueShape): XmlNode | undefined {
  if (value === undefined) return undefined;
  switch (shape.kind) {
    case "text":
      return xmlNode(namespace, name, value as string);
    case "integer":
      return xmlNode(namespace, name, (value as number).toString());
    case "flag":
      return value === true ? xmlNode(namespace, name, "true") : undefined;
    case "measure": {
      const measure = value as { value: string; unit: string };
      return xmlNode(namespace, name, measure.value, { unit: measure.unit });
    }
    case "money": {
      const money = value as { amount: string; currency: string };
      return xmlNode(namespace, name, money.amount, { currency: money.currency });
    }
    case "object":
      return writeShape(namespace, name, value as Record<string, unknown>, shape.fields);
  }
}
