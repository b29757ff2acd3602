import { z } from "zod";
import { countryCodeSchema, equipmentNumberSchema, locodeSchema, transportModeSchema } from "./codes.js";
import { isoDateSchema } from "./iso-date.js";
import { omittable } from "./normalize.js";
import { MAX_IDENTIFIER, MAX_NAME, blankableText, optionalText } from "./text.js";

/** A port, airport or place: its UN/LOCODE, its name, or both. */
export const placeSchema = z
  .strictObject({ code: omittable(locodeSchema), name: optionalText(MAX_NAME) })
  .refine((place) => Boolean(place.code) || Boolean(place.name), {
    error: "give the place's UN/LOCODE (code) or its name (or both)",
  });
export type Place = z.infer<typeof placeSchema>;

/** A container (or other transport equipment) and the seals affixed to it. */
export const containerSchema = z.strictObject({
  number: equipmentNumberSchema,
  seals: omittable(z.array(blankableText(MAX_IDENTIFIER))),
});

/** The declared means of transport and route. */
export const transportSchema = z.strictObject({
  /** UN/ECE Rec 19: "1" sea, "2" rail, "3" road, "4" air… */
  mode: omittable(transportModeSchema),
  /** Vessel, aircraft or vehicle as named on the certificate, e.g. "MSC Aurora". */
  conveyance: optionalText(MAX_NAME),
  /** Voyage or flight number, e.g. "FA612W" or "KQ112". */
  voyageNumber: optionalText(MAX_IDENTIFIER),
  loading: omittable(placeSchema),
  discharge: omittable(placeSchema),
  transitCountries: omittable(z.array(countryCodeSchema)),
  departureDate: omittable(isoDateSchema),
  containers: omittable(z.array(containerSchema)),
});
export type Transport = z.infer<typeof transportSchema>;
