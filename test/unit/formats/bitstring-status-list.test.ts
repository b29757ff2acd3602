import { gunzipSync, gzipSync } from "node:zlib";
import { expect } from "chai";
import fc from "fast-check";
import { STATUS_LIST_LENGTH, StatusBitstring } from "../../../src/domain/credentials/bitstring-status-list.js";
import { ValidationError } from "../../../src/domain/errors.js";

/** The raw bytes behind an encodedList, read the way the spec describes (multibase "u", base64url, GZIP). */
const rawBytes = (encodedList: string): Uint8Array => gunzipSync(Buffer.from(encodedList.slice(1), "base64url"));
const encodedFrom = (bytes: Uint8Array): string => `u${gzipSync(bytes).toString("base64url")}`;

describe("Bitstring Status List encoding", function () {
  it("holds the spec's minimum of 131,072 entries (16 KB) by default", function () {
    const list = StatusBitstring.empty();
    expect(STATUS_LIST_LENGTH).to.equal(131_072);
    expect(list.length).to.equal(131_072);
    expect(rawBytes(list.encode())).to.have.length(16_384);
  });

  it("refuses to make a list shorter than the minimum or not a whole number of bytes", function () {
    expect(() => StatusBitstring.empty(131_064)).to.throw(RangeError, /at least 131072/);
    expect(() => StatusBitstring.empty(131_073)).to.throw(RangeError, /multiple of 8/);
  });

  it('encodes as "u" + base64url without padding of the GZIP-compressed bitstring', function () {
    const encoded = StatusBitstring.empty().encode();
    expect(encoded).to.match(/^u[A-Za-z0-9_-]+$/);
    expect([...rawBytes(encoded)].every((b) => b === 0)).to.be.true;
  });

  it("puts index 0 in the left-most bit of the first byte, as in a hand-computed list", function () {
    const list = StatusBitstring.empty();
    for (const index of [0, 7, 8, 13, 131_071]) list.set(index);
    const bytes = rawBytes(list.encode());
    // Bits 0 and 7 → 1000_0001; bits 8 and 13 → 1000_0100; bit 131,071 is the last byte's right-most bit.
    expect(bytes[0]).to.equal(0x81);
    expect(bytes[1]).to.equal(0x84);
    expect(bytes[16_383]).to.equal(0x01);
    expect(bytes.slice(2, 16_383).every((b) => b === 0)).to.be.true;
  });

  it("reads back exactly the bits it wrote, and clears a bit again", function () {
    const list = StatusBitstring.empty();
    const set = [3, 4_096, 65_535, 99_999, 131_070];
    for (const index of set) list.set(index);
    list.set(4_096, false);
    const decoded = StatusBitstring.decode(list.encode());
    const found: number[] = [];
    for (let i = 0; i < decoded.length; i++) if (decoded.isSet(i)) found.push(i);
    expect(found).to.deep.equal([3, 65_535, 99_999, 131_070]);
  });

  it("decodes any set of bits to exactly that set", function () {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: STATUS_LIST_LENGTH - 1 }), { maxLength: 200 }),
        (indexes) => {
          const list = StatusBitstring.empty();
          for (const index of indexes) list.set(index);
          const decoded = StatusBitstring.decode(list.encode());
          const found: number[] = [];
          for (let i = 0; i < decoded.length; i++) if (decoded.isSet(i)) found.push(i);
          expect(found).to.deep.equal([...indexes].sort((a, b) => a - b));
        },
      ),
      { numRuns: 50 },
    );
  });

  it("reads a list another implementation compressed, bit order included", function () {
    const bytes = new Uint8Array(16_384);
    bytes[0] = 0b0100_0000;
    bytes[2] = 0b0000_0010;
    const decoded = StatusBitstring.decode(encodedFrom(bytes));
    expect(decoded.isSet(1)).to.be.true;
    expect(decoded.isSet(22)).to.be.true;
    expect(decoded.isSet(0)).to.be.false;
    expect(decoded.isSet(23)).to.be.false;
  });

  it("reads the spec's example of an empty 16 KB list", function () {
    const example = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA";
    const decoded = StatusBitstring.decode(example);
    expect(decoded.length).to.equal(131_072);
    expect(decoded.isSet(0)).to.be.false;
    expect(decoded.isSet(131_071)).to.be.false;
  });

  it("refuses a list shorter than the spec's minimum", function () {
    expect(() => StatusBitstring.decode(encodedFrom(new Uint8Array(16_383)))).to.throw(ValidationError, /fewer than/);
  });

  it("refuses a malformed encodedList: no multibase prefix, padding, not GZIP", function () {
    const good = StatusBitstring.empty().encode();
    expect(() => StatusBitstring.decode(good.slice(1))).to.throw(ValidationError, /starts with "u"/);
    expect(() => StatusBitstring.decode(`${good}=`)).to.throw(ValidationError, /base64url/);
    expect(() => StatusBitstring.decode(`u${Buffer.from("not gzip").toString("base64url")}`)).to.throw(
      ValidationError,
      /GZIP/,
    );
  });

  it("refuses a GZIP stream that inflates beyond the size limit", function () {
    const bomb = encodedFrom(new Uint8Array(17 * 1024 * 1024));
    expect(() => StatusBitstring.decode(bomb)).to.throw(ValidationError, /GZIP stream of at most/);
  });

  it("refuses an index outside the list", function () {
    const list = StatusBitstring.empty();
    expect(() => list.set(131_072)).to.throw(RangeError);
    expect(() => list.isSet(-1)).to.throw(RangeError);
    expect(() => list.isSet(1.5)).to.throw(RangeError);
  });
});
