import { expect } from "chai";
import { copyFile, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  N,
  Transaction,
  dataSlice,
  getBytes,
  hexlify,
  randomBytes,
  recoverAddress,
  sha256,
  toUtf8Bytes,
  verifyTypedData,
  type TransactionRequest,
} from "ethers";
import { createDevKeystore } from "../../../src/adapters/keys/dev-keystore.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../../src/domain/errors.js";
import { SIGNED_ACTION_TYPES, registryDomain } from "../../../src/domain/signed-actions.js";
import { rejectionOf } from "../../fixtures/rejection-of.js";

const PASSWORD = "correct horse battery staple";
/** Hardhat's first dev account: a well-known key, never to be used anywhere real. */
const HARDHAT_KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const HARDHAT_ADDRESS_0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

const domain = registryDomain(31337n, "0x5FbDB2315678afecb367f032d93F642f64180aa3");
const revokeTypes = SIGNED_ACTION_TYPES.RevokeCertificate;
const revocation = {
  id: hexlify(randomBytes(32)),
  reasonCode: 2,
  reasonHash: hexlify(randomBytes(32)),
  nonce: 0n,
  deadline: 1_900_000_000n,
};

describe("Dev keystore", function () {
  let root: string;
  let directory: string;
  const open = (password = PASSWORD) => createDevKeystore({ directory, password });

  beforeEach(async function () {
    root = await mkdtemp(join(tmpdir(), "tradeseal-keystore-"));
    directory = join(root, "keys");
  });

  afterEach(async function () {
    await rm(root, { recursive: true, force: true });
  });

  it("opens a created key from a new keystore instance on the same directory", async function () {
    const created = await open().create("chamber:ch-zh");
    const reopened = await open().signer(created.address);
    expect(reopened.address).to.equal(created.address);
    // ECDSA signatures in ethers are deterministic (RFC 6979): the same key gives the same signature.
    expect(await reopened.signTypedData(domain, revokeTypes, revocation)).to.equal(
      await created.signTypedData(domain, revokeTypes, revocation),
    );
  });

  it("signs a RevokeCertificate action that EIP-712 verification recovers to the key's address", async function () {
    const { address } = await open().create("nppo:ke");
    const signer = await open().signer(address);
    const signature = await signer.signTypedData(domain, revokeTypes, revocation);
    expect(verifyTypedData(domain, revokeTypes, revocation, signature)).to.equal(address);
    expect(verifyTypedData(domain, revokeTypes, { ...revocation, nonce: 1n }, signature)).to.not.equal(address);
  });

  it("signs a transaction whose sender is the key's address", async function () {
    const signer = await open().create("accreditor:ch");
    const request: TransactionRequest = {
      type: 2,
      chainId: 31337n,
      nonce: 0,
      to: HARDHAT_ADDRESS_0,
      gasLimit: 21_000n,
      maxFeePerGas: 0n,
      maxPriorityFeePerGas: 0n,
    };
    expect(Transaction.from(await signer.signTransaction(request)).from).to.equal(signer.address);
  });

  it("writes each key file with mode 0600 in a directory with mode 0700", async function () {
    const keystore = open();
    const signers = [await keystore.create("a"), await keystore.importKey(HARDHAT_KEY_0, "b")];
    expect((await stat(directory)).mode & 0o777).to.equal(0o700);
    for (const { address } of signers) {
      expect((await stat(join(directory, `${address}.json`))).mode & 0o777).to.equal(0o600);
    }
  });

  it("marks every key file as DEV-ONLY and records its label", async function () {
    const { address } = await open().create("chamber:ch-zh");
    const file = JSON.parse(await readFile(join(directory, `${address}.json`), "utf8")) as Record<string, unknown>;
    expect(file["x-tradeseal"]).to.equal("DEV-ONLY keystore: never use for production keys");
    expect(file["x-tradeseal-label"]).to.equal("chamber:ch-zh");
    expect(file).to.have.property("Crypto");
  });

  it("refuses a wrong password with ForbiddenError that names TRADESEAL_DEV_KEYSTORE_PASSWORD", async function () {
    const { address } = await open().create("a");
    const error = await rejectionOf(open("not the password").signer(address));
    expect(error).to.be.instanceOf(ForbiddenError);
    expect(error.message).to.contain("password is wrong").and.to.contain("TRADESEAL_DEV_KEYSTORE_PASSWORD");
    expect(error.message).to.not.contain("not the password");
  });

  it("answers an address it does not hold with NotFoundError that tells how to add the key", async function () {
    await open().create("a");
    const error = await rejectionOf(open().signer(HARDHAT_ADDRESS_0));
    expect(error).to.be.instanceOf(NotFoundError);
    expect(error.message).to.contain(HARDHAT_ADDRESS_0).and.to.contain("create(label)").and.to.contain("importKey");
  });

  it("lists the addresses of every key it holds", async function () {
    expect(await open().addresses()).to.deep.equal([]);
    const keystore = open();
    const held = [await keystore.create("a"), await keystore.create("b"), await keystore.importKey(HARDHAT_KEY_0, "c")];
    expect(await open().addresses()).to.deep.equal(held.map((signer) => signer.address).sort());
  });

  it("imports a known dev key under its address, in any letter case", async function () {
    const imported = await open().importKey(HARDHAT_KEY_0, "hardhat:0");
    expect(imported.address).to.equal(HARDHAT_ADDRESS_0);
    expect((await open().signer(HARDHAT_ADDRESS_0.toLowerCase())).address).to.equal(HARDHAT_ADDRESS_0);
  });

  it("refuses to import a key it already holds", async function () {
    await open().importKey(HARDHAT_KEY_0, "first");
    const error = await rejectionOf(open().importKey(HARDHAT_KEY_0, "second"));
    expect(error).to.be.instanceOf(ConflictError);
    const file = JSON.parse(await readFile(join(directory, `${HARDHAT_ADDRESS_0}.json`), "utf8")) as object;
    expect(file).to.have.property("x-tradeseal-label", "first");
  });

  it("refuses a private key that is not 32 bytes of hex, and an address that is not one", async function () {
    expect(await rejectionOf(open().importKey("0x1234", "short"))).to.be.instanceOf(ValidationError);
    expect(await rejectionOf(open().signer("0xnot-an-address"))).to.be.instanceOf(ValidationError);
  });

  it("refuses a key file that holds another key than its name says", async function () {
    const { address } = await open().create("a");
    await copyFile(join(directory, `${address}.json`), join(directory, `${HARDHAT_ADDRESS_0}.json`));
    const error = await rejectionOf(open().signer(HARDHAT_ADDRESS_0));
    expect(error).to.be.instanceOf(ValidationError);
    expect(error.message).to.contain(`holds the key of ${address}`);
  });

  it("keeps an unlocked key for the lifetime of its instance only", async function () {
    const { address } = await open().create("a");
    const keystore = open();
    await keystore.signer(address);
    await rm(join(directory, `${address}.json`));
    expect((await keystore.signer(address)).address).to.equal(address);
    expect(await rejectionOf(open().signer(address))).to.be.instanceOf(NotFoundError);
  });

  it("hands out a signer that does not carry the private key", async function () {
    const signer = await open().importKey(HARDHAT_KEY_0, "hardhat:0");
    expect(Object.keys(signer)).to.have.members(["address", "signTypedData", "signTransaction", "signDigest"]);
    expect(JSON.stringify(signer)).to.not.contain(HARDHAT_KEY_0.slice(2));
  });

  it("signs a digest as 64 bytes r ‖ s (low s) that recover to the key's address", async function () {
    const signer = await open().importKey(HARDHAT_KEY_0, "hardhat:0");
    const digest = sha256(toUtf8Bytes("header.payload"));
    const signature = await signer.signDigest(digest);
    expect(getBytes(signature)).to.have.length(64);
    const s = BigInt(dataSlice(signature, 32));
    expect(s <= N / 2n).to.equal(true);
    const recovered = [27, 28].map((v) =>
      recoverAddress(digest, { r: dataSlice(signature, 0, 32), s: dataSlice(signature, 32), v }),
    );
    expect(recovered).to.include(signer.address);
  });

  it("refuses an empty password", function () {
    expect(() => open("")).to.throw(ValidationError, /TRADESEAL_DEV_KEYSTORE_PASSWORD/);
  });
});
