import { Interface, type ErrorDescription, type LogDescription } from "ethers";
import { AuthorityRegistry__factory, CertificateRegistry__factory } from "../../../types/ethers-contracts/index.js";

/** The two registries' ABIs, and decoding that knows both contracts' events and errors. */
export const certificateRegistryInterface = new Interface(CertificateRegistry__factory.abi);
export const authorityRegistryInterface = new Interface(AuthorityRegistry__factory.abi);

const interfaces = [certificateRegistryInterface, authorityRegistryInterface];

/** The custom error in revert data, from either registry (or OpenZeppelin's, which both include). */
export function decodeRegistryError(data: string): ErrorDescription | undefined {
  for (const iface of interfaces) {
    try {
      const parsed = iface.parseError(data);
      if (parsed) return parsed;
    } catch {
      // not this contract's error; try the other
    }
  }
  return undefined;
}

export function decodeRegistryLog(
  contract: "AuthorityRegistry" | "CertificateRegistry",
  log: { topics: readonly string[]; data: string },
): LogDescription | undefined {
  const iface = contract === "CertificateRegistry" ? certificateRegistryInterface : authorityRegistryInterface;
  try {
    return iface.parseLog({ topics: [...log.topics], data: log.data }) ?? undefined;
  } catch {
    return undefined;
  }
}
