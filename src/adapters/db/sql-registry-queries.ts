import { and, asc, desc, eq, gte, inArray, lt, lte, or, type SQL } from "drizzle-orm";
import type { RegistryQueries } from "../../application/ports/registry-queries.js";
import { certificateFromRow } from "./certificate-row.js";
import type { Database } from "./open-database.js";
import { accreditors, authorities, certificates, signingKeys } from "./schema.js";

/** The API's read queries over the chain index tables. */
export function createSqlRegistryQueries(db: Database): RegistryQueries {
  return {
    async searchCertificates(filter, page) {
      const where: (SQL | undefined)[] = [
        filter.status === undefined ? undefined : eq(certificates.status, filter.status),
        filter.certificateTypes && inArray(certificates.certificateType, filter.certificateTypes),
        filter.issuer === undefined ? undefined : eq(certificates.issuer, filter.issuer),
        filter.exportCountry === undefined ? undefined : eq(certificates.exportCountry, filter.exportCountry),
        filter.importCountry === undefined ? undefined : eq(certificates.importCountry, filter.importCountry),
        filter.ids && inArray(certificates.id, filter.ids.length > 0 ? filter.ids : [""]),
        filter.from === undefined ? undefined : gte(certificates.issuedAt, filter.from),
        filter.to === undefined ? undefined : lte(certificates.issuedAt, filter.to),
        page.after &&
          or(
            lt(certificates.issuedBlock, page.after.issuedBlock),
            and(eq(certificates.issuedBlock, page.after.issuedBlock), lt(certificates.id, page.after.id)),
          ),
      ];
      const rows = await db
        .select()
        .from(certificates)
        .where(and(...where))
        .orderBy(desc(certificates.issuedBlock), desc(certificates.id))
        .limit(page.limit);
      return rows.map(certificateFromRow);
    },

    async authorities(filter) {
      return db
        .select()
        .from(authorities)
        .where(filter.country === undefined ? undefined : eq(authorities.country, filter.country))
        .orderBy(asc(authorities.id));
    },

    async authority(id) {
      const [row] = await db.select().from(authorities).where(eq(authorities.id, id));
      return row;
    },

    async signingKeys(authorityId) {
      const rows = await db
        .select()
        .from(signingKeys)
        .where(eq(signingKeys.authorityId, authorityId))
        .orderBy(desc(signingKeys.addedBlock), asc(signingKeys.address));
      return rows.map(({ endedBlock, ...key }) => ({ ...key, ...(endedBlock !== null && { endedBlock }) }));
    },

    async accreditor(country) {
      const [row] = await db.select().from(accreditors).where(eq(accreditors.country, country));
      return row?.address;
    },
  };
}
