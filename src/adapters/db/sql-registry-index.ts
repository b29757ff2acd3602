import { and, asc, eq, getTableColumns, getTableName, inArray, sql, type SQL } from "drizzle-orm";
import type { PgTable, PgColumn } from "drizzle-orm/pg-core";
import { CertificateStatus, AuthorityStatus } from "../../domain/registry-types.js";
import { countryFromCode, unitFromCode, unpackTerms } from "../../domain/certificate-terms.js";
import { cidFromBytes } from "../../domain/cid-bytes.js";
import type { ChainEvent } from "../../application/ports/registry-chain.js";
import type { HistoryEntry, IndexPosition, RegistryIndex } from "../../application/ports/registry-index.js";
import { certificateFromRow } from "./certificate-row.js";
import type { Database } from "./open-database.js";
import {
  accreditors,
  acknowledgements,
  authorities,
  batches,
  certificates,
  chainEvents,
  drawdowns,
  indexerState,
  signingKeys,
} from "./schema.js";

const STATE = "registry";

type CertificateRow = typeof certificates.$inferInsert;
type AuthorityRow = typeof authorities.$inferInsert;
type KeyRow = typeof signingKeys.$inferInsert;
type BatchRow = typeof batches.$inferInsert;
type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The chain-derived tables, in the order `clear` and `snapshot` visit them, with their sort keys. */
const DERIVED: [PgTable, PgColumn[]][] = [
  [accreditors, [accreditors.country]],
  [authorities, [authorities.id]],
  [signingKeys, [signingKeys.address]],
  [certificates, [certificates.id]],
  [batches, [batches.root]],
  [chainEvents, [chainEvents.blockNumber, chainEvents.logIndex]],
  [acknowledgements, [acknowledgements.blockNumber, acknowledgements.logIndex]],
  [drawdowns, [drawdowns.blockNumber, drawdowns.logIndex]],
];

/**
 * INSERT of many rows as one statement with one parameter, a JSON array unpacked by
 * jsonb_to_recordset (no per-row bind parameters: the indexer writes thousands of rows a range).
 * With `key`, an existing row is replaced (ON CONFLICT (key) DO UPDATE SET every column).
 */
async function insertRows<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: T["$inferInsert"][],
  key?: PgColumn,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table)).filter(([property]) =>
    rows.some((row) => (row as Record<string, unknown>)[property] !== undefined),
  );
  const names = columns.map(([, column]) => `"${column.name}"`).join(", ");
  const shape = columns.map(([, column]) => `"${column.name}" ${column.getSQLType()}`).join(", ");
  const json = JSON.stringify(
    rows.map((row) =>
      Object.fromEntries(
        columns.map(([property, column]) => [column.name, (row as Record<string, unknown>)[property] ?? null]),
      ),
    ),
  );
  const conflict = key
    ? ` on conflict ("${key.name}") do update set ` +
      columns
        .filter(([, column]) => column.name !== key.name)
        .map(([, column]) => `"${column.name}" = excluded."${column.name}"`)
        .join(", ")
    : "";
  await tx.execute(
    sql`insert into ${table} (${sql.raw(names)}) select ${sql.raw(names)} from jsonb_to_recordset(${json}::jsonb) as x(${sql.raw(shape)})${sql.raw(conflict)}`,
  );
}

const text = (value: string | number | boolean | undefined): string => String(value);
const int = (value: string | number | boolean | undefined): number => Number(value);

/**
 * The index in SQL. `apply` folds a range of events into the tables in memory first (loading
 * the rows they touch once), then writes them with multi-row statements in one transaction.
 */
export function createSqlRegistryIndex(db: Database): RegistryIndex {
  async function applyEvents(
    tx: Tx,
    events: readonly ChainEvent[],
    blockTimes: ReadonlyMap<number, number>,
  ): Promise<void> {
    const certificateIds = new Set<string>();
    const authorityIds = new Set<number>();
    const keyAddresses = new Set<string>();
    const roots = new Set<string>();
    for (const { args } of events) {
      if (typeof args.id === "string") certificateIds.add(args.id);
      if (typeof args.replacement === "string") certificateIds.add(args.replacement);
      if (args.authorityId !== undefined) authorityIds.add(int(args.authorityId));
      for (const k of [args.key, args.oldKey, args.newKey]) if (typeof k === "string") keyAddresses.add(k);
      if (typeof args.root === "string") roots.add(args.root);
    }
    const certs = new Map<string, CertificateRow>();
    const auths = new Map<number, AuthorityRow>();
    const keys = new Map<string, KeyRow>();
    const batchRows = new Map<string, BatchRow>();
    if (certificateIds.size > 0) {
      for (const row of await tx
        .select()
        .from(certificates)
        .where(inArray(certificates.id, [...certificateIds])))
        certs.set(row.id, row);
    }
    if (authorityIds.size > 0) {
      for (const row of await tx
        .select()
        .from(authorities)
        .where(inArray(authorities.id, [...authorityIds])))
        auths.set(row.id, row);
    }
    if (keyAddresses.size > 0) {
      for (const row of await tx
        .select()
        .from(signingKeys)
        .where(inArray(signingKeys.address, [...keyAddresses])))
        keys.set(row.address, row);
    }
    if (roots.size > 0) {
      for (const row of await tx
        .select()
        .from(batches)
        .where(inArray(batches.root, [...roots])))
        batchRows.set(row.root, row);
    }

    const eventRows: (typeof chainEvents.$inferInsert)[] = [];
    const ackRows: (typeof acknowledgements.$inferInsert)[] = [];
    const drawRows: (typeof drawdowns.$inferInsert)[] = [];
    const accreditorUpserts = new Map<string, typeof accreditors.$inferInsert>();
    const accreditorDeletes = new Set<string>();

    for (const event of events) {
      const { args, blockNumber } = event;
      const blockTime = blockTimes.get(blockNumber) ?? 0;
      const cert = (id: unknown): CertificateRow | undefined => certs.get(text(id as string));
      const setCert = (id: unknown, change: Partial<CertificateRow>): void => {
        const row = cert(id);
        if (row) certs.set(row.id, { ...row, ...change, updatedBlock: blockNumber });
      };
      const setAuthority = (change: Partial<AuthorityRow>): void => {
        const row = auths.get(int(args.authorityId));
        if (row) auths.set(row.id, { ...row, ...change, updatedBlock: blockNumber });
      };
      eventRows.push({
        blockNumber,
        logIndex: event.logIndex,
        blockTime,
        transactionHash: event.transactionHash,
        contract: event.contract,
        name: event.name,
        certificateId: typeof args.id === "string" ? args.id : null,
        batchRoot: typeof args.root === "string" ? args.root : null,
        authorityId:
          args.authorityId !== undefined ? int(args.authorityId) : args.issuer !== undefined ? int(args.issuer) : null,
        args,
      });

      switch (event.name) {
        case "AccreditorAppointed": {
          const country = countryFromCode(text(args.country));
          accreditorDeletes.delete(country);
          accreditorUpserts.set(country, { country, address: text(args.accreditor), appointedBlock: blockNumber });
          break;
        }
        case "AccreditorRemoved": {
          const country = countryFromCode(text(args.country));
          accreditorUpserts.delete(country);
          accreditorDeletes.add(country);
          break;
        }
        case "AuthorityRegistered":
          auths.set(int(args.authorityId), {
            id: int(args.authorityId),
            country: countryFromCode(text(args.country)),
            kind: int(args.kind),
            certificateTypes: int(args.certificateTypes),
            status: AuthorityStatus.ACTIVE,
            name: text(args.name),
            registeredBlock: blockNumber,
            updatedBlock: blockNumber,
          });
          break;
        case "AuthorityCertificateTypesChanged":
          setAuthority({ certificateTypes: int(args.current) });
          break;
        case "AuthoritySuspended":
          setAuthority({ status: AuthorityStatus.SUSPENDED });
          break;
        case "AuthorityReinstated":
          setAuthority({ status: AuthorityStatus.ACTIVE });
          break;
        case "AuthorityWithdrawn":
          setAuthority({ status: AuthorityStatus.WITHDRAWN });
          break;
        case "SigningKeyAdded":
          keys.set(text(args.key), {
            address: text(args.key),
            authorityId: int(args.authorityId),
            validFrom: int(args.validFrom),
            validUntil: int(args.validUntil),
            addedBlock: blockNumber,
            endedBlock: null,
          });
          break;
        case "SigningKeyRotated": {
          const old = keys.get(text(args.oldKey));
          if (old) keys.set(old.address, { ...old, validUntil: int(args.rotatedAt), endedBlock: blockNumber });
          break;
        }
        case "SigningKeyRevoked": {
          const key = keys.get(text(args.key));
          if (key) keys.set(key.address, { ...key, validUntil: int(args.revokedAt), endedBlock: blockNumber });
          break;
        }
        case "CertificateIssued":
        case "BatchLeafRecorded": {
          const terms = unpackTerms(text(args.numberHash), text(args.digest), BigInt(text(args.terms)));
          const id = text(args.id);
          certs.set(id, {
            id,
            issuer: int(args.issuer),
            keyAddress: typeof args.key === "string" ? args.key : null,
            numberHash: terms.numberHash,
            digest: terms.digest,
            certificateType: terms.certificateType,
            exportCountry: countryFromCode(terms.exportCountry),
            importCountry: countryFromCode(terms.importCountry),
            validUntil: Number(terms.validUntil),
            quantity: terms.quantity.toString(),
            unit: unitFromCode(terms.unit),
            cid: typeof args.cid === "string" ? cidFromBytes(args.cid) : null,
            status: CertificateStatus.ISSUED,
            consumed: "0",
            supersededBy: null,
            supersedes: null,
            batchRoot: typeof args.root === "string" ? args.root : null,
            issuedBlock: blockNumber,
            issuedAt: blockTime,
            updatedBlock: blockNumber,
          });
          break;
        }
        case "CertificateSuperseded": {
          const replacement = cert(args.replacement);
          const old = cert(args.id);
          setCert(args.id, { status: CertificateStatus.SUPERSEDED, supersededBy: text(args.replacement) });
          if (replacement) setCert(args.replacement, { supersedes: text(args.id), consumed: old?.consumed ?? "0" });
          break;
        }
        case "CertificateSuspended":
          setCert(args.id, { status: CertificateStatus.SUSPENDED });
          break;
        case "CertificateReinstated":
          setCert(args.id, { status: CertificateStatus.ISSUED });
          break;
        case "CertificateRevoked":
          setCert(args.id, { status: CertificateStatus.REVOKED });
          break;
        case "CertificateAccepted":
        case "CertificateRejected": {
          const accepted = event.name === "CertificateAccepted";
          setCert(args.id, { status: accepted ? CertificateStatus.ACCEPTED : CertificateStatus.REJECTED });
          ackRows.push({
            blockNumber,
            logIndex: event.logIndex,
            certificateId: text(args.id),
            authorityId: int(args.authorityId),
            accepted,
            reasonCode: accepted ? null : int(args.reasonCode),
            reasonHash: accepted ? null : text(args.reasonHash),
          });
          break;
        }
        case "CertificateDrawnDown": {
          const row = cert(args.id);
          if (row) setCert(args.id, { consumed: (BigInt(row.quantity) - BigInt(text(args.remaining))).toString() });
          drawRows.push({
            blockNumber,
            logIndex: event.logIndex,
            certificateId: text(args.id),
            authorityId: int(args.authorityId),
            declarationHash: text(args.declarationHash),
            amount: text(args.amount),
            remaining: text(args.remaining),
            importCountryUnnamed: args.importCountryUnnamed === true,
          });
          break;
        }
        case "CertificateExhausted":
          setCert(args.id, { status: CertificateStatus.EXHAUSTED });
          break;
        case "BatchAnchored":
          batchRows.set(text(args.root), {
            root: text(args.root),
            issuer: int(args.issuer),
            keyAddress: text(args.key),
            certificateTypes: int(args.certificateTypes),
            count: int(args.count),
            cid: cidFromBytes(text(args.cid)),
            status: CertificateStatus.ISSUED,
            anchoredBlock: blockNumber,
            updatedBlock: blockNumber,
          });
          break;
        case "BatchRevoked": {
          const row = batchRows.get(text(args.root));
          if (row) batchRows.set(row.root, { ...row, status: CertificateStatus.REVOKED, updatedBlock: blockNumber });
          break;
        }
        default:
          // Other events (e.g. CertificateRegistrySet, upgrades) are kept in the history only.
          break;
      }
    }

    await insertRows(tx, chainEvents, eventRows);
    await insertRows(tx, certificates, [...certs.values()], certificates.id);
    await insertRows(tx, authorities, [...auths.values()], authorities.id);
    await insertRows(tx, signingKeys, [...keys.values()], signingKeys.address);
    await insertRows(tx, batches, [...batchRows.values()], batches.root);
    await insertRows(tx, accreditors, [...accreditorUpserts.values()], accreditors.country);
    if (accreditorDeletes.size > 0)
      await tx.delete(accreditors).where(inArray(accreditors.country, [...accreditorDeletes]));
    await insertRows(tx, acknowledgements, ackRows);
    await insertRows(tx, drawdowns, drawRows);
  }

  const history = async (where: SQL): Promise<HistoryEntry[]> => {
    const rows = await db
      .select()
      .from(chainEvents)
      .where(where)
      .orderBy(asc(chainEvents.blockNumber), asc(chainEvents.logIndex));
    return rows.map((r) => ({
      blockNumber: r.blockNumber,
      logIndex: r.logIndex,
      blockTime: r.blockTime,
      transactionHash: r.transactionHash,
      name: r.name,
      ...(r.certificateId !== null && { certificateId: r.certificateId }),
      ...(r.batchRoot !== null && { batchRoot: r.batchRoot }),
      ...(r.authorityId !== null && { authorityId: r.authorityId }),
      args: r.args,
    }));
  };

  return {
    async position() {
      const [row] = await db.select().from(indexerState).where(eq(indexerState.name, STATE));
      return row ? { blockNumber: row.blockNumber, blockHash: row.blockHash } : undefined;
    },

    async apply(events, blockTimes, upTo: IndexPosition) {
      await db.transaction(async (tx) => {
        if (events.length > 0) await applyEvents(tx, events, blockTimes);
        const state = { name: STATE, blockNumber: upTo.blockNumber, blockHash: upTo.blockHash };
        await tx
          .insert(indexerState)
          .values(state)
          .onConflictDoUpdate({
            target: indexerState.name,
            set: { blockNumber: state.blockNumber, blockHash: state.blockHash, updatedAt: sql`now()` },
          });
      });
    },

    async clear() {
      await db.transaction(async (tx) => {
        for (const [table] of DERIVED) await tx.delete(table);
        await tx.delete(indexerState).where(eq(indexerState.name, STATE));
      });
    },

    async certificate(id) {
      const [row] = await db.select().from(certificates).where(eq(certificates.id, id));
      return row && certificateFromRow(row);
    },

    async batch(root) {
      const [row] = await db
        .select({
          root: batches.root,
          issuer: batches.issuer,
          status: batches.status,
          anchoredBlock: batches.anchoredBlock,
          anchoredAt: chainEvents.blockTime,
        })
        .from(batches)
        .innerJoin(chainEvents, and(eq(chainEvents.batchRoot, batches.root), eq(chainEvents.name, "BatchAnchored")))
        .where(eq(batches.root, root))
        .limit(1);
      return row;
    },

    certificateHistory: (id) =>
      history(sql`${chainEvents.certificateId} = ${id} or ${chainEvents.args}->>'replacement' = ${id}`),

    batchHistory: (root) => history(sql`${chainEvents.batchRoot} = ${root} and ${chainEvents.certificateId} is null`),

    // What the authority did, and every event of its certificates and batches, whoever acted
    // (importing customs drawing down, the accreditor revoking, the exhaustion nobody signs).
    authorityHistory: (authorityId) =>
      history(
        sql`${chainEvents.authorityId} = ${authorityId}
          or ${chainEvents.certificateId} in (select ${certificates.id} from ${certificates} where ${certificates.issuer} = ${authorityId})
          or ${chainEvents.batchRoot} in (select ${batches.root} from ${batches} where ${batches.issuer} = ${authorityId})`,
      ),

    async drawdowns(id) {
      const rows = await db
        .select()
        .from(drawdowns)
        .where(eq(drawdowns.certificateId, id))
        .orderBy(asc(drawdowns.blockNumber), asc(drawdowns.logIndex));
      return rows.map((r) => ({
        blockNumber: r.blockNumber,
        authorityId: r.authorityId,
        declarationHash: r.declarationHash,
        amount: BigInt(r.amount),
        remaining: BigInt(r.remaining),
        importCountryUnnamed: r.importCountryUnnamed,
      }));
    },

    async snapshot() {
      const snapshot: Record<string, unknown[]> = {};
      for (const [table, order] of DERIVED) {
        snapshot[getTableName(table)] = await db
          .select()
          .from(table)
          .orderBy(...order.map((c) => asc(c)));
      }
      return snapshot;
    },
  };
}
