import { countryCodeSchema, schemeCodeSchema } from "../../../domain/documents/codes.js";
import type { Party } from "../../../domain/documents/parties.js";
import { ValidationError } from "../../../domain/errors.js";
import type { ElementReader } from "../xml/element-reader.js";
import { BLANKABLE_NAME, IDENTIFIER_TEXT, NAME_TEXT } from "../xml/text-schemas.js";
import type { XmlNode } from "../xml/xml-element.js";
import { xmlNode } from "../xml/xml-node.js";
import { RAM } from "./sps-vocabulary.js";

const ADDRESS_LINES = ["LineOne", "LineTwo", "LineThree", "LineFour", "LineFive"] as const;

/**
 * Consignor or consignee as `SPSParty`: identifiers as `ID@schemeID`, `Name`, and
 * `SpecifiedSPSAddress` (postcode, up to five lines, city, country, subdivision). A party's
 * country, when the address leaves it out, is `fallbackCountry` (the export or import country).
 */
export function readSpsParty(party: ElementReader, fallbackCountry: string | undefined): Party {
  const address = party.optional(RAM, "SpecifiedSPSAddress");
  const country = address?.optionalValue(countryCodeSchema, RAM, "CountryID") ?? fallbackCountry;
  if (country === undefined) {
    throw party.problem(`${party.path}/ram:SpecifiedSPSAddress/ram:CountryID`, "missing; add the party's country");
  }
  return {
    name: party.required(RAM, "Name", "the party's name").value(NAME_TEXT),
    addressLines: ADDRESS_LINES.map((line) => address?.optional(RAM, line)?.value(BLANKABLE_NAME)).filter(
      (line): line is string => line !== undefined && line !== "",
    ),
    city: address?.optionalValue(NAME_TEXT, RAM, "CityName"),
    postcode: address?.optionalValue(IDENTIFIER_TEXT, RAM, "PostcodeCode"),
    countrySubdivision: address?.optionalValue(NAME_TEXT, RAM, "CountrySubDivisionName"),
    country,
    identifiers: party.all(RAM, "ID").map((id) => ({
      scheme: id.value(schemeCodeSchema, "schemeID"),
      value: id.value(IDENTIFIER_TEXT),
    })),
  };
}

/** The party as the `SPSParty` element `name` (e.g. "ConsignorSPSParty"). */
export function spsPartyNode(name: string, party: Party): XmlNode | undefined {
  const lines = party.addressLines ?? [];
  if (lines.length > ADDRESS_LINES.length) {
    throw new ValidationError(
      `${party.name}'s address has ${lines.length} lines; an SPS certificate carries at most ${ADDRESS_LINES.length}. ` +
        "Merge address lines and try again.",
    );
  }
  return xmlNode(RAM, name, [
    ...(party.identifiers ?? []).map((id) => xmlNode(RAM, "ID", id.value, { schemeID: id.scheme })),
    xmlNode(RAM, "Name", party.name),
    xmlNode(RAM, "SpecifiedSPSAddress", [
      xmlNode(RAM, "PostcodeCode", party.postcode),
      ...lines.map((line, index) => xmlNode(RAM, ADDRESS_LINES[index], line)),
      xmlNode(RAM, "CityName", party.city),
      xmlNode(RAM, "CountryID", party.country),
      xmlNode(RAM, "CountrySubDivisionName", party.countrySubdivision),
    ]),
  ]);
}
