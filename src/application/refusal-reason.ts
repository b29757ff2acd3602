import type { TradesealError } from "../domain/errors.js";

/** A refusal as the declaration log keeps it: the registry's error and its arguments. */
export interface RefusalReason {
  error: string;
  args: string[];
}

const WRITTEN = /^([A-Z][A-Za-z0-9]*)\((.*)\)$/;

/**
 * How a refused drawdown's reason is written: `ErrorName(arg, arg…)` when the registry refused
 * it (e.g. `CertificateRegistryQuantityExceeded(0x…, 7069500, 8000000)`), so auditors can read
 * its figures back; the gateway's message otherwise.
 */
export function writeRefusalReason(error: TradesealError): string {
  const { error: name, args } = error.details;
  if (typeof name === "string" && /^[A-Z][A-Za-z0-9]*$/.test(name) && Array.isArray(args)) {
    return `${name}(${args.map(String).join(", ")})`;
  }
  return error.message;
}

/** The registry's error in a reason written by `writeRefusalReason`, or undefined for a gateway message. */
export function readRefusalReason(reason: string): RefusalReason | undefined {
  const match = WRITTEN.exec(reason);
  if (!match) return undefined;
  return { error: match[1], args: match[2] === "" ? [] : match[2].split(", ") };
}
