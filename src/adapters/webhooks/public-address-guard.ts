import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

/** Loopback, private, carrier-grade NAT, link-local (cloud metadata), unspecified and unique-local ranges. */
function privateRanges(): BlockList {
  const ranges = new BlockList();
  for (const [network, prefix] of [
    ["0.0.0.0", 8],
    ["10.0.0.0", 8],
    ["100.64.0.0", 10],
    ["127.0.0.0", 8],
    ["169.254.0.0", 16],
    ["172.16.0.0", 12],
    ["192.168.0.0", 16],
  ] as const) {
    ranges.addSubnet(network, prefix, "ipv4");
  }
  for (const [network, prefix] of [
    ["::", 128],
    ["::1", 128],
    ["fc00::", 7],
    ["fe80::", 10],
    ["::ffff:0:0", 96],
  ] as const) {
    ranges.addSubnet(network, prefix, "ipv6");
  }
  return ranges;
}

export interface PublicAddressGuard {
  /** Why a literal IP host is refused, or undefined (names are checked by `lookup` when connecting). */
  refusedLiteral(hostname: string): string | undefined;
  /** A `lookup` for http.request that fails when a name resolves to a refused address. */
  lookup: LookupFunction;
}

/** Keeps webhook deliveries to public addresses unless `allowPrivate`. */
export function publicAddressGuard(allowPrivate: boolean): PublicAddressGuard {
  const ranges = privateRanges();
  const refused = (address: string): string | undefined => {
    if (allowPrivate) return undefined;
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    // IPv4-mapped IPv6 (::ffff:10.0.0.1) is refused as a whole: a public host is reached by its IPv4 address.
    return ranges.check(address, family)
      ? `${address} is a loopback, private or link-local address, which webhooks may not reach`
      : undefined;
  };
  return {
    refusedLiteral: (hostname) => {
      const bare = hostname.replace(/^\[|\]$/g, "");
      return isIP(bare) ? refused(bare) : undefined;
    },
    lookup: (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback) => {
      dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
        if (error) return callback(error, "", 0);
        const blocked = addresses.map((a) => refused(a.address)).find((reason) => reason !== undefined);
        if (blocked) {
          return callback(Object.assign(new Error(`${hostname}: ${blocked}`), { code: "EPRIVATEADDRESS" }), "", 0);
        }
        if (options.all) return (callback as unknown as AllCallback)(null, addresses);
        return callback(null, addresses[0].address, addresses[0].family);
      });
    },
  };
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string, family: number) => void;
type AllCallback = (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void;
