import { TradesealError } from "../domain/errors.js";

/**
 * The CLI's exit codes, for scripts at a clearance desk: 0 done (or VALID), 1 INVALID or refused,
 * 2 UNAVAILABLE (nothing was decided: the gateway, its chain or storage cannot be reached now),
 * 64 the command line itself is wrong (sysexits EX_USAGE), so a typo is never read as INVALID.
 */
export const ExitCode = {
  OK: 0,
  INVALID: 1,
  REFUSED: 1,
  UNAVAILABLE: 2,
  USAGE: 64,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Error codes that mean "cannot tell now", not "no". */
const UNAVAILABLE_CODES = new Set(["UNAVAILABLE", "STALE_TRANSACTION", "RATE_LIMITED"]);

export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof TradesealError && UNAVAILABLE_CODES.has(error.code)) return ExitCode.UNAVAILABLE;
  return ExitCode.REFUSED;
}
