import { createRequire } from "node:module";
import hardhatEthers from "@nomicfoundation/hardhat-ethers";
import hardhatEthersChaiMatchers from "@nomicfoundation/hardhat-ethers-chai-matchers";
import hardhatIgnitionEthers from "@nomicfoundation/hardhat-ignition-ethers";
import hardhatMocha from "@nomicfoundation/hardhat-mocha";
import hardhatNetworkHelpers from "@nomicfoundation/hardhat-network-helpers";
import hardhatTypechain from "@nomicfoundation/hardhat-typechain";
import { defineConfig } from "hardhat/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  plugins: [
    hardhatEthers,
    hardhatEthersChaiMatchers,
    hardhatIgnitionEthers,
    hardhatMocha,
    hardhatNetworkHelpers,
    hardhatTypechain,
  ],
  solidity: {
    // The compiler comes from the solc npm package (solc-js WASM), so it is never downloaded.
    version: (require("solc/package.json") as { version: string }).version,
    path: require.resolve("solc/soljson.js"),
    // Built so that tests and deployments can put the registry behind an ERC-1967 proxy.
    npmFilesToBuild: ["@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol"],
    settings: {
      // viaIR: about 2,000 gas less per issuance than the legacy pipeline; runs 1000 keeps the
      // CertificateRegistry (≈21 KB) under the 24,576-byte code size limit with room to grow.
      optimizer: { enabled: true, runs: 1000 },
      evmVersion: "cancun",
      viaIR: true,
    },
  },
  paths: {
    // Ignition's layout under deploy/: modules/ (committed) and deployments/ (journals).
    ignition: "deploy",
    tests: {
      mocha: "test/contracts",
      solidity: "test/contracts",
    },
  },
  networks: {
    localhost: {
      type: "http",
      url: process.env.RPC_URL ?? "http://127.0.0.1:8545",
    },
  },
  test: {
    mocha: { timeout: 120_000 },
  },
});
