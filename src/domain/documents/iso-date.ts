import { z } from "zod";
import { requiredOr } from "./text.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A date-time as XML and VCs carry it; its date part is the date the issuer wrote. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?$/;
const EXPECTED = 'expected a date as YYYY-MM-DD, e.g. "2026-03-14"';

function isCalendarDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return DATE.test(value) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/**
 * A calendar date, YYYY-MM-DD. An ISO 8601 date-time is cut to the date as written, not moved
 * to UTC: the certificate's date is the issuer's local date.
 */
export const isoDateSchema = z
  .string({ error: requiredOr(EXPECTED) })
  .trim()
  .overwrite((value) => (DATE_TIME.test(value) ? value.slice(0, 10) : value))
  .refine(isCalendarDate, {
    error: (issue) =>
      DATE.test(String(issue.input)) ? `${String(issue.input)} is not a day of the calendar` : EXPECTED,
  });
