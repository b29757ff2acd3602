/**
 * A value of the declaration draft as one line of text: a transport, an invoice, a party, a
 * measure, a list or a plain value.
 */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map(valueText).filter(Boolean).join("; ");
  if (typeof value !== "object") return typeof value === "string" ? value : JSON.stringify(value);
  const record = value as Record<string, unknown>;
  const parts = (...members: unknown[]) =>
    members
      .map(valueText)
      .filter((part) => part !== "")
      .join(", ");
  if ("value" in record && "unit" in record) return `${valueText(record.value)} ${valueText(record.unit)}`;
  if ("amount" in record && "currency" in record) return `${valueText(record.amount)} ${valueText(record.currency)}`;
  if ("count" in record && "kind" in record) return `${valueText(record.count)} × ${valueText(record.kind)}`;
  if ("loading" in record || "discharge" in record || "conveyance" in record) {
    const place = (at: unknown) => {
      const where = (at ?? {}) as Record<string, unknown>;
      return valueText(where.name ?? where.code);
    };
    const route = [place(record.loading), place(record.discharge)].filter(Boolean).join(" → ");
    const containers = (record.containers as { number: string }[] | undefined)?.map((c) => c.number).join(" ");
    return parts(
      [record.conveyance, record.voyageNumber].map(valueText).filter(Boolean).join(" "),
      route,
      record.departureDate && `departs ${valueText(record.departureDate)}`,
      containers && `containers ${containers}`,
    );
  }
  if ("number" in record && ("date" in record || "value" in record)) {
    return parts(record.number, record.date, record.value);
  }
  if ("name" in record && "country" in record) {
    return parts(record.name, ...((record.addressLines as string[] | undefined) ?? []), record.city, record.country);
  }
  return Object.entries(record)
    .map(([name, member]) => `${name}: ${valueText(member)}`)
    .join(", ");
}
