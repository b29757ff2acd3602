import { z } from "zod";
import { currencyCodeSchema, unitCodeSchema } from "./codes.js";
import { signedDecimalSchema, unsignedDecimalSchema } from "./decimal.js";

/** A quantity or weight: canonical decimal + UN/ECE Rec 20 unit, e.g. { value: "8120", unit: "KGM" }. */
export const measureSchema = z.strictObject({ value: unsignedDecimalSchema, unit: unitCodeSchema });
export type Measure = z.infer<typeof measureSchema>;

/** A measure that may be negative: a treatment temperature, e.g. { value: "-0.5", unit: "CEL" }. */
export const signedMeasureSchema = z.strictObject({ value: signedDecimalSchema, unit: unitCodeSchema });
export type SignedMeasure = z.infer<typeof signedMeasureSchema>;

/** An amount of money: canonical decimal + ISO 4217 currency. */
export const moneySchema = z.strictObject({ amount: unsignedDecimalSchema, currency: currencyCodeSchema });
export type Money = z.infer<typeof moneySchema>;
