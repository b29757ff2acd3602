import { and, asc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import type { AuditPeriod, AuditQueries, ChainPlace } from "../../application/ports/audit-queries.js";
import { AuthorityStatus, CertificateStatus } from "../../domain/registry-types.js";
import type { Database } from "./open-database.js";
import { declarationFromRow } from "./sql-declaration-log.js";
import { authorities, certificates, declarations, signingKeys } from "./schema.js";

type Row = Record<string, unknown>;

/** int8 and numeric come back as strings from a server and as bigints or numbers from PGlite. */
const num = (value: unknown): number => Number(value);
const str = (value: unknown): string => String(value);
const optional = (value: unknown): string | undefined =>
  value === null || value === undefined ? undefined : str(value);

const IN_FORCE = [CertificateStatus.ISSUED, CertificateStatus.ACCEPTED];
const OUT_OF_SERVICE = [AuthorityStatus.SUSPENDED, AuthorityStatus.WITHDRAWN];
const STATUS_EVENTS = ["AuthorityRegistered", "AuthoritySuspended", "AuthorityReinstated", "AuthorityWithdrawn"];
const ISSUANCES = ["CertificateIssued", "BatchAnchored"];

const list = (values: readonly (string | number)[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** `column` within the period (Unix seconds), for a bigint block-time column or expression. */
function withinSeconds(column: SQL, period: AuditPeriod): SQL {
  return sql.join(
    [
      sql`true`,
      ...(period.from === undefined ? [] : [sql`${column} >= ${period.from}`]),
      ...(period.to === undefined ? [] : [sql`${column} <= ${period.to}`]),
    ],
    sql` and `,
  );
}

const placeOf = (row: Row): ChainPlace => ({
  blockNumber: num(row.block_number),
  blockTime: num(row.block_time),
  transactionHash: str(row.transaction_hash),
});

/** The auditor's queries, in SQL over the index tables and the gateway's records. */
export function createSqlAuditQueries(db: Database): AuditQueries {
  const rows = async (query: SQL): Promise<Row[]> => {
    const result = await db.execute(query);
    return (result as { rows: Row[] }).rows;
  };
  const recordedWithin = (period: AuditPeriod): SQL | undefined =>
    and(
      period.from === undefined ? undefined : gte(declarations.createdAt, new Date(period.from * 1000)),
      period.to === undefined ? undefined : lte(declarations.createdAt, new Date(period.to * 1000)),
    );

  return {
    async keyHolder(address) {
      const [row] = await db
        .select({ authorityId: signingKeys.authorityId, country: authorities.country })
        .from(signingKeys)
        .innerJoin(authorities, eq(authorities.id, signingKeys.authorityId))
        .where(sql`lower(${signingKeys.address}) = ${address.toLowerCase()}`);
      return row;
    },

    async refusedDrawdowns(period) {
      const found = await db
        .select({ declaration: declarations, authorityName: authorities.name, certificate: certificates })
        .from(declarations)
        .leftJoin(certificates, eq(certificates.id, declarations.certificateId))
        .leftJoin(authorities, eq(authorities.id, declarations.authorityId))
        .where(and(eq(declarations.outcome, "REFUSED"), recordedWithin(period)))
        .orderBy(asc(declarations.id));
      return found.map(({ declaration, authorityName, certificate }) => ({
        ...declarationFromRow(declaration),
        ...(authorityName !== null && { authorityName }),
        ...(certificate && {
          certificate: {
            quantity: BigInt(certificate.quantity),
            consumed: BigInt(certificate.consumed),
            unit: certificate.unit,
            importCountry: certificate.importCountry,
          },
        }),
      }));
    },

    async usesAcrossCountries(period) {
      const found = await rows(sql`
        with uses as (
          select certificate_id, 'DRAWDOWN' as act, authority_id, block_number, log_index,
                 amount::text as amount, import_country_unnamed as unnamed
          from drawdowns
          union all
          select certificate_id, case when accepted then 'ACCEPTED' else 'REJECTED' end, authority_id,
                 block_number, log_index, null, false
          from acknowledgements
        ),
        detailed as (
          select u.*, a.country, a.name as authority_name, c.import_country, c.unit, e.block_time, e.transaction_hash
          from uses u
          join certificates c on c.id = u.certificate_id
          join authorities a on a.id = u.authority_id
          join chain_events e on e.block_number = u.block_number and e.log_index = u.log_index
        ),
        flagged as (
          select certificate_id from detailed
          group by certificate_id
          having (bool_or(import_country <> '' and country <> import_country)
                  or bool_or(unnamed)
                  or count(distinct country) > 1)
             and ${withinSeconds(sql`max(block_time)`, period)}
        )
        select * from detailed
        where certificate_id in (select certificate_id from flagged)
        order by block_number, log_index`);
      return found.map((r) => ({
        ...placeOf(r),
        certificateId: str(r.certificate_id),
        importCountry: str(r.import_country),
        act: str(r.act) as "DRAWDOWN" | "ACCEPTED" | "REJECTED",
        authorityId: num(r.authority_id),
        authorityName: str(r.authority_name),
        country: str(r.country),
        ...(r.amount !== null && { amount: BigInt(str(r.amount)) }),
        unit: str(r.unit),
        importCountryUnnamed: r.unnamed === true,
      }));
    },

    async invoiceMismatches(period, tolerance) {
      const found = await rows(sql`
        select d.*, a.name as authority_name, f.invoiced::text as invoiced, f.certified::text as certified,
               doc.facts->>'certifiedUnit' as unit,
               round(f.expected, 2)::text as expected, round(d.invoice_value::numeric / f.expected, 4)::text as ratio
        from declarations d
        join documents doc on doc.certificate_id = d.certificate_id
        cross join lateral (
          select (doc.facts->>'invoiceValue')::numeric as invoiced,
                 (doc.facts->>'certifiedQuantity')::numeric as certified,
                 (doc.facts->>'invoiceValue')::numeric * d.amount::numeric
                   / nullif((doc.facts->>'certifiedQuantity')::numeric, 0) as expected
        ) f
        left join authorities a on a.id = d.authority_id
        where d.outcome <> 'REFUSED'
          and d.invoice_value is not null
          and d.invoice_currency = doc.facts->>'invoiceCurrency'
          and f.expected > 0
          and abs(d.invoice_value::numeric / f.expected - 1) > ${tolerance}::numeric
          and ${withinSeconds(sql`extract(epoch from d.created_at)`, period)}
        order by d.id`);
      return found.map((r) => ({
        declaration: declarationFromRow({
          id: num(r.id),
          certificateId: str(r.certificate_id),
          authorityId: num(r.authority_id),
          country: str(r.country),
          reference: str(r.reference),
          declarationHash: str(r.declaration_hash),
          amount: str(r.amount),
          invoiceValue: optional(r.invoice_value) ?? null,
          invoiceCurrency: optional(r.invoice_currency) ?? null,
          outcome: str(r.outcome),
          reason: optional(r.reason) ?? null,
          outboxKey: optional(r.outbox_key) ?? null,
          createdAt: new Date(r.created_at as string | Date),
        }),
        ...(r.authority_name !== null && { authorityName: str(r.authority_name) }),
        invoicedValue: str(r.invoiced),
        certifiedQuantity: str(r.certified),
        unit: str(r.unit),
        expectedValue: str(r.expected),
        ratio: str(r.ratio),
      }));
    },

    async issuanceBursts(period, rule) {
      const window = Math.trunc(rule.windowSeconds);
      const found = await rows(sql`
        with issued as (
          select authority_id as issuer, block_number, block_time,
                 case when name = 'BatchAnchored' then (args->>'count')::int else 1 end as n
          from chain_events
          where name in (${list(ISSUANCES)}) and authority_id is not null
            and ${withinSeconds(sql`block_time`, { to: period.to })}
        ),
        windows as (
          select issuer, block_time / ${window} as w, sum(n) as count,
                 min(block_number) as first_block, max(block_number) as last_block
          from issued
          group by issuer, w
        ),
        usual as (
          select issuer, percentile_cont(0.5) within group (order by count) as median
          from windows group by issuer
        )
        select w.issuer, a.name, w.w * ${window} as window_start, w.count, u.median, w.first_block, w.last_block
        from windows w
        join usual u on u.issuer = w.issuer
        left join authorities a on a.id = w.issuer
        where w.count > greatest(${rule.minimum}::float8, ${rule.factor}::float8 * u.median)
          and ${withinSeconds(sql`(w.w * ${window} + ${window} - 1)`, { from: period.from })}
          and ${withinSeconds(sql`(w.w * ${window})`, { to: period.to })}
        order by window_start, w.issuer`);
      return found.map((r) => ({
        issuer: num(r.issuer),
        ...(r.name !== null && { issuerName: str(r.name) }),
        windowStart: num(r.window_start),
        count: num(r.count),
        median: num(r.median),
        firstBlock: num(r.first_block),
        lastBlock: num(r.last_block),
      }));
    },

    async suspendedIssuersInForce(period) {
      const found = await rows(sql`
        select a.id, a.name, a.country, a.status, s.block_number, s.block_time, s.transaction_hash,
               held.in_force, held.certificate_ids, batched.batches, batched.members
        from authorities a
        cross join lateral (
          select block_number, block_time, transaction_hash from chain_events e
          where e.authority_id = a.id and e.name in ('AuthoritySuspended', 'AuthorityWithdrawn')
          order by block_number desc, log_index desc limit 1
        ) s
        cross join lateral (
          select (select count(*) from certificates c where c.issuer = a.id and c.status in (${list(IN_FORCE)})) as in_force,
                 (select coalesce(jsonb_agg(t.id order by t.issued_block, t.id), '[]'::jsonb) from (
                    select id, issued_block from certificates c
                    where c.issuer = a.id and c.status in (${list(IN_FORCE)})
                    order by issued_block, id limit 100) t) as certificate_ids
        ) held
        cross join lateral (
          select count(*) as batches, coalesce(sum(b.count), 0) as members from batches b
          where b.issuer = a.id and b.status = ${CertificateStatus.ISSUED}
        ) batched
        where a.status in (${list(OUT_OF_SERVICE)})
          and (held.in_force > 0 or batched.batches > 0)
          and ${withinSeconds(sql`s.block_time`, period)}
        order by s.block_number, a.id`);
      return found.map((r) => ({
        authorityId: num(r.id),
        name: str(r.name),
        country: str(r.country),
        status: num(r.status),
        since: placeOf(r),
        inForce: num(r.in_force),
        certificateIds: r.certificate_ids as string[],
        batchesInForce: num(r.batches),
        batchMembers: num(r.members),
      }));
    },

    async issuedWhileSuspended(period) {
      const found = await rows(sql`
        with changes as (
          select authority_id, name, block_number, log_index,
                 lead(block_number) over next as next_block, lead(log_index) over next as next_log
          from chain_events
          where name in (${list(STATUS_EVENTS)}) and authority_id is not null
          window next as (partition by authority_id order by block_number, log_index)
        )
        select e.block_number, e.block_time, e.transaction_hash, e.certificate_id, e.batch_root, e.authority_id,
               a.name, s.name as status_event, s.block_number as status_block,
               case when e.name = 'BatchAnchored' then (e.args->>'count')::int else 1 end as count
        from changes s
        join chain_events e on e.authority_id = s.authority_id
          and e.name in (${list(ISSUANCES)})
          and (e.block_number, e.log_index) > (s.block_number, s.log_index)
          and (s.next_block is null or (e.block_number, e.log_index) < (s.next_block, s.next_log))
        left join authorities a on a.id = e.authority_id
        where s.name in ('AuthoritySuspended', 'AuthorityWithdrawn')
          and ${withinSeconds(sql`e.block_time`, period)}
        order by e.block_number, e.log_index`);
      return found.map((r) => ({
        ...placeOf(r),
        issuer: num(r.authority_id),
        ...(r.name !== null && { issuerName: str(r.name) }),
        ...(optional(r.certificate_id) !== undefined && { certificateId: str(r.certificate_id) }),
        ...(optional(r.batch_root) !== undefined && { batchRoot: str(r.batch_root) }),
        count: num(r.count),
        statusEvent: str(r.status_event),
        statusBlock: num(r.status_block),
      }));
    },
  };
}
