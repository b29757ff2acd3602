import { expect } from "chai";
import canonicalize from "canonicalize";
import fc from "fast-check";
import { parseCertificateDocument } from "../../../src/domain/documents/certificate-document.js";
import { canonicalJson } from "../../../src/domain/documents/canonical-json.js";
import { cooArbitrary, phytoArbitrary } from "../../fixtures/certificate-arbitraries.js";

/** Strings with any code points, astral and combining ones included, but no lone surrogates. */
const anyJson = fc.jsonValue({ stringUnit: "grapheme", maxDepth: 6 });

describe("canonical JSON (RFC 8785)", function () {
  it("writes what the canonicalize package writes, on arbitrary JSON", function () {
    fc.assert(
      fc.property(anyJson, (value) => {
        expect(canonicalJson(value)).to.equal(canonicalize(value));
      }),
      { numRuns: 2000 },
    );
  });

  it("writes what the canonicalize package writes, on certificate documents of both kinds", function () {
    fc.assert(
      fc.property(
        fc.oneof(cooArbitrary, phytoArbitrary),
        fc.uint8Array({ minLength: 16, maxLength: 16 }).map((bytes) => Buffer.from(bytes).toString("hex")),
        (input, salt) => {
          const document = parseCertificateDocument(input);
          expect(canonicalJson({ salt, document })).to.equal(canonicalize({ salt, document }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("orders members by UTF-16 code units and writes numbers and strings as RFC 8785 does", function () {
    // RFC 8785 §3.2.3's example of member order, and numbers from its Appendix B.
    const value = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    expect(canonicalJson(value)).to.equal(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    expect(canonicalJson([1e21, 1e-7, 0.000001, -0, 333333333.3333333, 4.5, 2e-3])).to.equal(
      "[1e+21,1e-7,0.000001,0,333333333.3333333,4.5,0.002]",
    );
    expect(canonicalJson({ b: [true, null, "\u0007"], a: { d: 1, c: 2 } })).to.equal(
      '{"a":{"c":2,"d":1},"b":[true,null,"\\u0007"]}',
    );
  });

  it('writes objects with keys such as "1" in RFC 8785 order too', function () {
    fc.assert(
      fc.property(
        fc.dictionary(fc.oneof(fc.nat().map(String), fc.string()), fc.jsonValue({ maxDepth: 2 })),
        (value) => {
          expect(canonicalJson({ nested: [value] })).to.equal(canonicalize({ nested: [value] }));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("leaves out members that are undefined, as JSON does", function () {
    expect(canonicalJson({ b: undefined, a: 1 })).to.equal('{"a":1}');
  });

  it("keeps a member named __proto__ as a member", function () {
    const value = JSON.parse('{"__proto__":{"x":1},"a":2}') as unknown;
    expect(canonicalJson(value)).to.equal('{"__proto__":{"x":1},"a":2}');
  });

  it("refuses what RFC 8785 cannot write: lone surrogates, NaN, infinities and values that are not data", function () {
    expect(() => canonicalJson({ name: "\ud800" })).to.throw(TypeError, /lone surrogate/);
    expect(() => canonicalJson([Number.NaN])).to.throw(TypeError, /NaN is not a number JSON can hold/);
    expect(() => canonicalJson({ n: Number.POSITIVE_INFINITY })).to.throw(TypeError, /Infinity/);
    expect(() => canonicalJson({ when: new Date(0) })).to.throw(TypeError, /Date is not JSON data/);
    expect(() => canonicalJson([undefined])).to.throw(TypeError, /undefined is not JSON data/);
    expect(() => canonicalJson({ f: () => 1 })).to.throw(TypeError, /function is not JSON data/);
  });
});
