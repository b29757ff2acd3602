import { Interface, getAddress, toUtf8String, type ErrorDescription, type EventFragment } from "ethers";
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

/** A log as the node sends it, or as ethers parsed it; numbers already numbers. */
export interface RawLog {
  address: string;
  topics: readonly string[];
  data: string;
}

/** One decoded event: its name and its arguments by name, JSON-safe. */
export interface DecodedLog {
  contract: "AuthorityRegistry" | "CertificateRegistry";
  name: string;
  args: Record<string, string | number | boolean>;
}

interface EventDecoder {
  contract: DecodedLog["contract"];
  fragment: EventFragment;
  /** Per input: how a decoded value becomes JSON-safe (integers up to 48 bits as numbers). */
  small: boolean[];
}

/**
 * The registries' events hold only static values (uintN, bool, address, bytesN) and `bytes` /
 * `string`, so their ABI data is read word by word here; ethers' general decoder built a Result
 * per log and was most of the indexer's decoding time. Indexed dynamic values are topic hashes.
 */
function decodeArgs(decoder: EventDecoder, log: RawLog): Record<string, string | number | boolean> {
  const args: Record<string, string | number | boolean> = {};
  const data = log.data.slice(2);
  const word = (index: number): string => data.slice(index * 64, index * 64 + 64);
  let topic = 1;
  let slot = 0;
  decoder.fragment.inputs.forEach((input, i) => {
    const type = input.type;
    if (input.indexed) {
      args[input.name] = staticValue(type, log.topics[topic++].slice(2), decoder.small[i]);
      return;
    }
    if (type === "bytes" || type === "string") {
      const offset = parseInt(word(slot++), 16) / 32;
      const length = parseInt(word(offset), 16);
      const hex = data.slice((offset + 1) * 64, (offset + 1) * 64 + length * 2);
      args[input.name] = type === "bytes" ? "0x" + hex : toUtf8String("0x" + hex);
      return;
    }
    args[input.name] = staticValue(type, word(slot++), decoder.small[i]);
  });
  return args;
}

/** One 32-byte word (64 hex digits) as the JSON-safe value of a static ABI type. */
function staticValue(type: string, hex: string, small: boolean): string | number | boolean {
  if (type === "bool") return hex.endsWith("1");
  if (type === "address") return getAddress("0x" + hex.slice(24));
  const fixed = /^bytes(\d+)$/.exec(type);
  if (fixed) return "0x" + hex.slice(0, Number(fixed[1]) * 2);
  if (type.startsWith("int")) {
    const value = BigInt.asIntN(Number(type.slice(3) || 256), BigInt("0x" + hex));
    return small ? Number(value) : value.toString();
  }
  const value = BigInt("0x" + hex);
  return small ? Number(value) : value.toString();
}

/**
 * Decodes the registries' logs by their first topic with a table built once: ethers' parseLog
 * would recompute every event's topic hash for each log, which dominated the indexer's replay.
 */
export function createRegistryLogDecoder(addresses: Record<DecodedLog["contract"], string>) {
  const byTopic = new Map<string, EventDecoder>();
  for (const [contract, iface] of [
    ["CertificateRegistry", certificateRegistryInterface],
    ["AuthorityRegistry", authorityRegistryInterface],
  ] as const) {
    iface.forEachEvent((fragment) => {
      const small = fragment.inputs.map((input) => Number(/^u?int(\d+)$/.exec(input.type)?.[1] ?? 256) <= 48);
      if (fragment.inputs.some((input) => input.baseType === "array" || input.baseType === "tuple")) {
        throw new Error(`Event ${fragment.name} has an array or tuple argument: extend decodeArgs first.`);
      }
      byTopic.set(`${addresses[contract].toLowerCase()}:${fragment.topicHash}`, { contract, fragment, small });
    });
  }
  return (log: RawLog): DecodedLog | undefined => {
    const decoder = byTopic.get(`${log.address.toLowerCase()}:${log.topics[0]}`);
    if (!decoder) return undefined;
    return { contract: decoder.contract, name: decoder.fragment.name, args: decodeArgs(decoder, log) };
  };
}
