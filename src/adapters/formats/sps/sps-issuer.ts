import { countryCodeSchema } from "../../../domain/documents/codes.js";
import type { Issuer } from "../../../domain/documents/parties.js";
import { positiveInteger } from "../../../domain/documents/text.js";
import type { ElementReader } from "../xml/element-reader.js";
import { NAME_TEXT } from "../xml/text-schemas.js";
import type { XmlNode } from "../xml/xml-element.js";
import { xmlNode } from "../xml/xml-node.js";
import { spsDateNode, wholeNumberSchema } from "./sps-values.js";
import { AUTHORITY_SCHEME, RAM } from "./sps-vocabulary.js";

const authorityIdSchema = wholeNumberSchema.pipe(positiveInteger(2 ** 32 - 1));

/**
 * The issuing NPPO from `IssuerSPSParty` (tradeseal authority id, name, country) and the
 * certification box from `SignatorySPSAuthentication` (place, signatory and title). An issuer
 * without a tradeseal authority id gets `authorityId`; its country, when absent, is the exporting country.
 */
export function readSpsIssuer(header: ElementReader, exportCountry: string, authorityId: number | undefined): Issuer {
  const party = header.optional(RAM, "IssuerSPSParty");
  const signatory = header.optional(RAM, "SignatorySPSAuthentication");
  const provider = signatory?.optional(RAM, "ProviderSPSParty");
  const person = provider?.optional(RAM, "SpecifiedSPSPerson");
  const id = party?.all(RAM, "ID").find((candidate) => candidate.attribute("schemeID") === AUTHORITY_SCHEME);
  const authority = id?.value(authorityIdSchema) ?? authorityId;
  if (authority === undefined) {
    throw header.problem(
      `${header.path}/ram:IssuerSPSParty/ram:ID`,
      `missing; add the issuing authority's tradeseal id as <ram:ID schemeID="${AUTHORITY_SCHEME}">, or send the authority with the request`,
    );
  }
  const name = party?.optional(RAM, "Name") ?? provider?.optional(RAM, "Name");
  if (!name) {
    throw header.problem(`${header.path}/ram:IssuerSPSParty/ram:Name`, "missing; add the name of the issuing NPPO");
  }
  return {
    authorityId: authority,
    name: name.value(NAME_TEXT),
    country:
      party?.optional(RAM, "SpecifiedSPSAddress")?.optionalValue(countryCodeSchema, RAM, "CountryID") ?? exportCountry,
    placeOfIssue: signatory?.optional(RAM, "IssueSPSLocation")?.optionalValue(NAME_TEXT, RAM, "Name"),
    signatoryName: person?.optionalValue(NAME_TEXT, RAM, "Name"),
    signatoryTitle: person?.optional(RAM, "AttainedSPSQualification")?.optionalValue(NAME_TEXT, RAM, "Name"),
  };
}

/** The issuer as `IssuerSPSParty`, and its certification box as `SignatorySPSAuthentication`, signed on `issueDate`. */
export function spsIssuerNodes(issuer: Issuer, issueDate: string): { party: XmlNode; signatory: XmlNode | undefined } {
  return {
    party: xmlNode(RAM, "IssuerSPSParty", [
      xmlNode(RAM, "ID", String(issuer.authorityId), { schemeID: AUTHORITY_SCHEME }),
      xmlNode(RAM, "Name", issuer.name),
      xmlNode(RAM, "SpecifiedSPSAddress", [xmlNode(RAM, "CountryID", issuer.country)]),
    ])!,
    signatory: xmlNode(RAM, "SignatorySPSAuthentication", [
      spsDateNode("ActualDateTime", issueDate),
      xmlNode(RAM, "IssueSPSLocation", [xmlNode(RAM, "Name", issuer.placeOfIssue)]),
      xmlNode(RAM, "ProviderSPSParty", [
        xmlNode(RAM, "Name", issuer.name),
        xmlNode(RAM, "SpecifiedSPSPerson", [
          xmlNode(RAM, "Name", issuer.signatoryName),
          xmlNode(RAM, "AttainedSPSQualification", [xmlNode(RAM, "Name", issuer.signatoryTitle)]),
        ]),
      ]),
    ]),
  };
}
