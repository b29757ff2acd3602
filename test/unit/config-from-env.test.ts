import { expect } from "chai";
import { configFromEnv } from "../../src/main.js";
import { ValidationError } from "../../src/domain/errors.js";

const chain = {
  TRADESEAL_RPC_URL: "http://127.0.0.1:8545",
  TRADESEAL_CERTIFICATE_REGISTRY: "0x0000000000000000000000000000000000000001",
  TRADESEAL_AUTHORITY_REGISTRY: "0x0000000000000000000000000000000000000002",
  TRADESEAL_RELAYER: "0x0000000000000000000000000000000000000003",
};

describe("Gateway settings from the environment", function () {
  it("uses embedded PGlite and Helia under the data directory unless DATABASE_URL or TRADESEAL_IPFS_URL are set", function () {
    const config = configFromEnv({ ...chain, TRADESEAL_DATA_DIR: "/srv/tradeseal" });
    expect(config).to.deep.include({ dataDir: "/srv/tradeseal", databaseUrl: undefined, ipfsUrl: undefined });
    expect(config.chain).to.deep.include({ chainId: 31_337n, deploymentBlock: 0, rpcUrl: chain.TRADESEAL_RPC_URL });
    const production = configFromEnv({
      ...chain,
      DATABASE_URL: "postgres://db/tradeseal",
      TRADESEAL_IPFS_URL: "http://ipfs:5001",
      TRADESEAL_CHAIN_ID: "1337",
      TRADESEAL_CONFIRMATIONS: "2",
    });
    expect(production).to.deep.include({
      databaseUrl: "postgres://db/tradeseal",
      ipfsUrl: "http://ipfs:5001",
      confirmations: 2,
    });
    expect(production.chain.chainId).to.equal(1_337n);
  });

  it("names the missing or malformed variable", function () {
    const { TRADESEAL_RELAYER: _relayer, ...withoutRelayer } = chain;
    expect(() => configFromEnv(withoutRelayer)).to.throw(ValidationError, /TRADESEAL_RELAYER/);
    expect(() => configFromEnv({ ...chain, TRADESEAL_CONFIRMATIONS: "two" })).to.throw(
      ValidationError,
      /TRADESEAL_CONFIRMATIONS must be a whole number/,
    );
  });
});
