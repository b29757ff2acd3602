/** Thousandths of a unit as the registry counts them (11070500n) as a decimal of the unit ("11070.5"). */
export function unitsOfThousandths(thousandths: bigint): string {
  const whole = thousandths / 1000n;
  const fraction = (thousandths % 1000n).toString().padStart(3, "0").replace(/0+$/, "");
  return fraction === "" ? whole.toString() : `${whole}.${fraction}`;
}
