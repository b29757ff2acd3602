import { InvalidArgumentError } from "commander";

/** Parses --reason-code: the registry's reason code, a whole number from 0 to 255. */
export function reasonCode(value: string): number {
  if (!/^\d{1,3}$/.test(value) || Number(value) > 255) {
    throw new InvalidArgumentError("a reason code is a whole number from 0 to 255.");
  }
  return Number(value);
}

/** Parses a certificate id argument: 0x and 64 hex digits. */
export function certificateIdArgument(value: string): string {
  if (!/^0x[0-9a-fA-F]{64}$/.test(value)) {
    throw new InvalidArgumentError("a certificate id is 0x followed by 64 hex digits.");
  }
  return value.toLowerCase();
}
