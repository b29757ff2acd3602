import { NonceManager, type Signer } from "ethers";
import {
  AuthorityRegistry__factory,
  CertificateRegistry__factory,
  ERC1967Proxy__factory,
} from "../../../types/ethers-contracts/index.js";

export interface Deployment {
  chainId: bigint;
  authorityRegistry: string;
  certificateRegistry: string;
  deploymentBlock: number;
}

/**
 * Deploys both registries behind ERC-1967 proxies and wires them, as deploy/modules/Tradeseal.ts
 * does with Ignition; `governance` (the deployer) holds DEFAULT_ADMIN_ROLE on both. For the
 * embedded chain, tests and the CLI's `deploy` on a fresh network.
 */
export async function deployRegistries(deployer: Signer): Promise<Deployment> {
  // Counts nonces locally: a node's "pending" count can lag behind transactions sent a moment ago.
  const governance = new NonceManager(deployer);
  const provider = deployer.provider!;
  const admin = await governance.getAddress();
  const startBlock = await provider.getBlockNumber();

  const authorityImplementation = await new AuthorityRegistry__factory(governance).deploy();
  const authorityProxy = await new ERC1967Proxy__factory(governance).deploy(
    await authorityImplementation.getAddress(),
    AuthorityRegistry__factory.createInterface().encodeFunctionData("initialize", [admin]),
  );
  const authorityRegistry = await authorityProxy.getAddress();

  const certificateImplementation = await new CertificateRegistry__factory(governance).deploy();
  const certificateProxy = await new ERC1967Proxy__factory(governance).deploy(
    await certificateImplementation.getAddress(),
    CertificateRegistry__factory.createInterface().encodeFunctionData("initialize", [admin, authorityRegistry]),
  );
  const certificateRegistry = await certificateProxy.getAddress();
  await certificateProxy.waitForDeployment();

  const wiring = await AuthorityRegistry__factory.connect(authorityRegistry, governance).setCertificateRegistry(
    certificateRegistry,
  );
  await wiring.wait();
  const { chainId } = await provider.getNetwork();
  return { chainId, authorityRegistry, certificateRegistry, deploymentBlock: startBlock + 1 };
}
