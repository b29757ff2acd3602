import { z } from "zod";
import { locodeSchema, unitCodeSchema } from "../../../domain/documents/codes.js";
import { signedDecimalSchema, unsignedDecimalSchema } from "../../../domain/documents/decimal.js";
import { isoDateSchema } from "../../../domain/documents/iso-date.js";
import type { Measure, SignedMeasure } from "../../../domain/documents/measures.js";
import { positiveInteger } from "../../../domain/documents/text.js";
import type { Place } from "../../../domain/documents/transport.js";
import type { ElementReader } from "../xml/element-reader.js";
import { NAME_TEXT } from "../xml/text-schemas.js";
import type { XmlNode } from "../xml/xml-element.js";
import { xmlNode } from "../xml/xml-node.js";
import { RAM, UDT } from "./sps-vocabulary.js";

/** A whole number written in digits, as `SequenceNumeric` and `ItemQuantity` hold it. */
export const wholeNumberSchema = z
  .string()
  .trim()
  .regex(/^\d+$/, "expected a whole number written in digits, e.g. 1")
  .transform(Number)
  .pipe(positiveInteger());

/** UN/CEFACT date format code 102: CCYYMMDD. */
const FORMAT_CCYYMMDD = "102";
const ccyymmddSchema = z
  .string()
  .trim()
  .regex(/^\d{8}$/, 'expected a date as CCYYMMDD (format 102), e.g. "20260314"')
  .transform((digits) => `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`)
  .pipe(isoDateSchema);

/**
 * A date from a UN/CEFACT date-time element: its `udt:DateTimeString` (or, leniently, its own
 * text), ISO 8601 or, with `format="102"`, CCYYMMDD. The model keeps the date as written.
 */
export function readSpsDate(element: ElementReader): string {
  const string = element.optional(UDT, "DateTimeString") ?? element;
  if (string.attribute("format") === FORMAT_CCYYMMDD) {
    return string.value(ccyymmddSchema);
  }
  return string.value(isoDateSchema);
}

/** `<ram:{name}><udt:DateTimeString>YYYY-MM-DD</udt:DateTimeString></ram:{name}>`. */
export function spsDateNode(name: string, date: string | undefined): XmlNode | undefined {
  return date === undefined ? undefined : xmlNode(RAM, name, [xmlNode(UDT, "DateTimeString", date)]);
}

/** A measure element: a non-negative decimal with its `unitCode`. */
export function readSpsMeasure(element: ElementReader): Measure {
  return { value: element.value(unsignedDecimalSchema), unit: element.value(unitCodeSchema, "unitCode") };
}

/** A measure element that may be negative (a temperature). */
export function readSpsSignedMeasure(element: ElementReader): SignedMeasure {
  return { value: element.value(signedDecimalSchema), unit: element.value(unitCodeSchema, "unitCode") };
}

export function spsMeasureNode(name: string, measure: Measure | SignedMeasure | undefined): XmlNode | undefined {
  return measure === undefined ? undefined : xmlNode(RAM, name, measure.value, { unitCode: measure.unit });
}

/** An `SPSLocation` (`ID` UN/LOCODE, `Name`), or `undefined` when it gives neither. */
export function readSpsLocation(location: ElementReader | undefined): Place | undefined {
  if (!location) return undefined;
  const code = location.optionalValue(locodeSchema, RAM, "ID");
  const name = location.optionalValue(NAME_TEXT, RAM, "Name");
  return code === undefined && name === undefined ? undefined : { code, name };
}

export function spsLocationNode(name: string, place: Place | undefined): XmlNode | undefined {
  return place === undefined
    ? undefined
    : xmlNode(RAM, name, [xmlNode(RAM, "ID", place.code), xmlNode(RAM, "Name", place.name)]);
}
