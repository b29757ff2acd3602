import { expect } from "chai";
import { AbiCoder, keccak256, toUtf8Bytes } from "ethers";
import { certificateId } from "../../../src/domain/certificate-terms.js";

describe("Certificate id", function () {
  it("is keccak256(abi.encode(uint32 issuer, bytes32 numberHash)) for small, large and edge issuers", function () {
    for (const issuer of [0, 1, 255, 256, 65_537, 2 ** 31, 2 ** 32 - 1]) {
      const numberHash = keccak256(toUtf8Bytes(`N-${issuer}`));
      const expected = keccak256(AbiCoder.defaultAbiCoder().encode(["uint32", "bytes32"], [issuer, numberHash]));
      expect(certificateId(issuer, numberHash)).to.equal(expected);
    }
  });

  it("refuses an issuer outside uint32 and a hash that is not 32 bytes", function () {
    expect(() => certificateId(2 ** 32, "0x" + "00".repeat(32))).to.throw(RangeError, /uint32/);
    expect(() => certificateId(1, "0x1234")).to.throw(RangeError, /bytes32/);
  });
});
