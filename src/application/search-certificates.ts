import { searchScope } from "../domain/access-rules.js";
import type { Caller } from "../domain/caller.js";
import { ValidationError } from "../domain/errors.js";
import { COO_TYPES, PHYTO_TYPES } from "../domain/registry-types.js";
import type { GatewayContext } from "./gateway-context.js";
import type { IndexedCertificate } from "./ports/registry-index.js";
import type { CertificateFilter } from "./ports/registry-queries.js";

export interface CertificateSearch {
  status?: number;
  certificateTypes?: number[];
  issuer?: number;
  exportCountry?: string;
  importCountry?: string;
  ucr?: string;
  from?: number;
  to?: number;
  limit: number;
  cursor?: string;
}

const typesOf = (mask: number): number[] => [0, 1, 2, 3].filter((t) => (mask & (1 << t)) !== 0);

/**
 * Certificates the caller may see, newest first, one page at a time: issuers their own, customs
 * and NPPOs their country's incoming CoOs / ePhytos, accreditors their country's, auditors all.
 * A filter outside the caller's scope narrows to nothing rather than widening it.
 */
export async function searchCertificates(
  ctx: Pick<GatewayContext, "queries" | "documents">,
  input: { caller: Caller; search: CertificateSearch },
): Promise<{ items: IndexedCertificate[]; nextCursor?: string }> {
  const { search } = input;
  const scope = searchScope(input.caller);
  const filter: CertificateFilter = {
    status: search.status,
    certificateTypes: search.certificateTypes,
    issuer: search.issuer,
    exportCountry: search.exportCountry,
    importCountry: search.importCountry,
    from: search.from,
    to: search.to,
  };
  if (scope.issuer !== undefined) filter.issuer = narrow(filter.issuer, scope.issuer);
  if (scope.importCountry !== undefined) filter.importCountry = narrow(filter.importCountry, scope.importCountry);
  if (scope.exportCountry !== undefined) filter.exportCountry = narrow(filter.exportCountry, scope.exportCountry);
  if (scope.kind) {
    const allowed = typesOf(scope.kind === "COO" ? COO_TYPES : PHYTO_TYPES);
    filter.certificateTypes = (filter.certificateTypes ?? allowed).filter((t) => allowed.includes(t));
  }
  if (search.ucr !== undefined) {
    filter.ids = (await ctx.documents.byUcr(search.ucr)).map((record) => record.certificateId);
  }
  const items = await ctx.queries.searchCertificates(filter, {
    limit: search.limit,
    after: decodeCursor(search.cursor),
  });
  const last = items.at(-1);
  return {
    items,
    ...(items.length === search.limit && last && { nextCursor: encodeCursor(last.issuedBlock, last.id) }),
  };
}

/** A filter value the scope allows, or one that matches nothing. */
function narrow<T extends string | number>(asked: T | undefined, allowed: T): T {
  if (asked === undefined || asked === allowed) return allowed;
  return (typeof allowed === "number" ? -1 : "--") as T;
}

function encodeCursor(issuedBlock: number, id: string): string {
  return Buffer.from(JSON.stringify([issuedBlock, id])).toString("base64url");
}

function decodeCursor(cursor: string | undefined): { issuedBlock: number; id: string } | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [issuedBlock, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof issuedBlock === "number" && typeof id === "string") return { issuedBlock, id };
  } catch {
    // reported below
  }
  throw new ValidationError(
    "The cursor is not one this gateway gave out: pass nextCursor from the previous page as it is.",
  );
}
