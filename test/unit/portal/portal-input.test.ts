import { expect } from "chai";
import { toCsv } from "../../../portal/src/audit/csv.js";
import { valueText } from "../../../portal/src/importer/value-text.js";
import { fromThousandths } from "../../../portal/src/text/labels.js";
import { verifyRequestOf } from "../../../portal/src/verify/verify-request.js";

const ID = `0x${"ab".repeat(32)}`;

describe("Portal: reading what people paste or drop, and writing what they read", function () {
  it("takes a certificate id, or the id inside a verify link, as a verification by id", function () {
    expect(verifyRequestOf(ID.toUpperCase().replace("0X", "0x"), "The text")).to.deep.equal({ kind: "id", id: ID });
    expect(verifyRequestOf(`https://gateway.example/verify/${ID}\n`, "The text")).to.deep.equal({ kind: "id", id: ID });
  });

  it("sends XML and credentials as they are, and JSON as JSON", function () {
    expect(verifyRequestOf("\uFEFF<?xml version='1.0'?><SPSCertificate/>", "a.xml")).to.include({
      kind: "text",
      contentType: "application/xml",
    });
    expect(verifyRequestOf("eyJhbGciOiJFUzI1NksifQ.eyJzdWIiOiJ4In0.c2ln", "c.jwt")).to.include({
      kind: "text",
      contentType: "application/vc+jwt",
    });
    expect(verifyRequestOf('{ "document": { "kind": "COO" }, "salt": "00" }', "d.json")).to.deep.equal({
      kind: "json",
      body: { document: { kind: "COO" }, salt: "00" },
      source: "d.json",
    });
  });

  it("says what is wrong with anything else instead of sending it", function () {
    expect(verifyRequestOf("   ", "The text")).to.match(/Nothing to verify/);
    expect(verifyRequestOf('{ "document": ', "d.json")).to.match(/d\.json looks like JSON but cannot be read/);
    expect(verifyRequestOf("certificate PK-2026-4417", "The text")).to.match(/not something the registry can check/);
  });

  it("writes registry quantities (thousandths) as decimals", function () {
    expect(fromThousandths("2500500")).to.equal("2500.5");
    expect(fromThousandths(11070000)).to.equal("11070");
    expect(fromThousandths("7")).to.equal("0.007");
    expect(fromThousandths("0")).to.equal("0");
  });

  it("quotes CSV cells that need it and ends lines in CRLF", function () {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x, y", 'say "hi"'],
          [undefined, { n: 1 }],
        ],
      ),
    ).to.equal('a,b\r\n"x, y","say ""hi"""\r\n,"{""n"":1}"\r\n');
  });

  it("writes declaration draft values as one line: parties, measures, transport, invoices", function () {
    expect(
      valueText({
        name: "Rheinland Heimtextil GmbH",
        addressLines: ["Hafenstraße 14"],
        city: "Duisburg",
        country: "DE",
      }),
    ).to.equal("Rheinland Heimtextil GmbH, Hafenstraße 14, Duisburg, DE");
    expect(valueText({ value: "8120", unit: "KGM" })).to.equal("8120 KGM");
    expect(
      valueText({
        mode: "1",
        conveyance: "MSC Aurora",
        voyageNumber: "FA612W",
        loading: { code: "PKKHI", name: "Karachi" },
        discharge: { code: "DEHAM" },
        departureDate: "2026-03-05",
        containers: [{ number: "MSCU4417305" }],
      }),
    ).to.equal("MSC Aurora FA612W, Karachi → DEHAM, departs 2026-03-05, containers MSCU4417305");
    expect(
      valueText([{ number: "IHT-EX-2026-0311", date: "2026-02-27", value: { amount: "186420.00", currency: "EUR" } }]),
    ).to.equal("IHT-EX-2026-0311, 2026-02-27, 186420.00 EUR");
  });
});
