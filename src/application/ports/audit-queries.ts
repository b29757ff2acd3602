import type { DeclarationRecord } from "./declaration-log.js";

/**
 * The period a report covers, in Unix seconds, both ends inclusive: block time for what happened
 * on chain, the time the gateway recorded it for declarations.
 */
export interface AuditPeriod {
  from?: number;
  to?: number;
}

/** Where an event sits on chain. */
export interface ChainPlace {
  blockNumber: number;
  blockTime: number;
  transactionHash: string;
}

/** The authority a signing key belongs to, per the index. */
export interface KeyHolder {
  authorityId: number;
  country: string;
}

/** A refused drawdown request, with the certificate as the index holds it (when it does). */
export interface RefusedDrawdown extends DeclarationRecord {
  authorityName?: string;
  certificate?: { quantity: bigint; consumed: bigint; unit: string; importCountry: string };
}

/** A drawdown or acknowledgement of a certificate by an importing-side authority. */
export interface CertificateUse extends ChainPlace {
  certificateId: string;
  /** The certificate's importing country; "" when it names none. */
  importCountry: string;
  act: "DRAWDOWN" | "ACCEPTED" | "REJECTED";
  authorityId: number;
  authorityName: string;
  country: string;
  /** For a drawdown: thousandths of the certificate's unit. */
  amount?: bigint;
  unit: string;
  /** The registry's flag on a drawdown of a certificate that names no importing country. */
  importCountryUnnamed: boolean;
}

/** An import declaration whose invoice value is set against the CoO's invoiced value. */
export interface InvoiceComparison {
  declaration: DeclarationRecord;
  authorityName?: string;
  /** From the issuing gateway's record of the CoO (see documentFacts). */
  invoicedValue: string;
  certifiedQuantity: string;
  unit: string;
  /** The CoO's invoiced value pro rata of the amount drawn down: invoicedValue × amount / certifiedQuantity. */
  expectedValue: string;
  /** declared invoice value / expectedValue, to four decimals. */
  ratio: string;
}

/** How the burst rule counts: certificates per window, against max(minimum, factor × the issuer's median). */
export interface BurstRule {
  windowSeconds: number;
  minimum: number;
  factor: number;
}

/** A window in which an issuer issued more certificates than the burst rule allows. */
export interface IssuanceBurst {
  issuer: number;
  issuerName?: string;
  /** Unix seconds; windows are aligned on multiples of the window length. */
  windowStart: number;
  /** Certificates issued in the window, each batch member counted. */
  count: number;
  /** The issuer's median count over the windows in which it issued anything. */
  median: number;
  firstBlock: number;
  lastBlock: number;
}

/** A suspended or withdrawn issuer that still has certificates in force. */
export interface SuspendedIssuerExposure {
  authorityId: number;
  name: string;
  country: string;
  /** AuthorityStatus: SUSPENDED or WITHDRAWN. */
  status: number;
  /** The event that suspended or withdrew it. */
  since: ChainPlace;
  /** Certificates with a record of their own that are ISSUED or ACCEPTED. */
  inForce: number;
  /** The first of them (by issuance), at most a hundred. */
  certificateIds: string[];
  /** Batches still in force and the certificates they hold. */
  batchesInForce: number;
  batchMembers: number;
}

/** A certificate or batch anchored while its issuer stood suspended or withdrawn. */
export interface IssuedWhileSuspended extends ChainPlace {
  issuer: number;
  issuerName?: string;
  certificateId?: string;
  batchRoot?: string;
  count: number;
  /** The status event in force at the time: AuthoritySuspended or AuthorityWithdrawn, and its block. */
  statusEvent: string;
  statusBlock: number;
}

/**
 * Read-only queries for auditors over the chain index (certificates, chain_events, drawdowns,
 * acknowledgements, authorities) and the gateway's records (documents, declarations).
 */
export interface AuditQueries {
  keyHolder(address: string): Promise<KeyHolder | undefined>;
  /** Refused drawdown requests recorded in the period, oldest first. */
  refusedDrawdowns(period: AuditPeriod): Promise<RefusedDrawdown[]>;
  /**
   * Every use of the certificates that were used outside their importing country, drawn down
   * while naming none, or used by authorities of two or more countries; only certificates whose
   * latest use falls in the period. In chain order.
   */
  usesAcrossCountries(period: AuditPeriod): Promise<CertificateUse[]>;
  /**
   * Declarations (not refused) recorded in the period whose invoice value, in the CoO's own
   * currency, differs from the CoO's pro-rata invoiced value by more than `tolerance` (0.2 = 20 %).
   */
  invoiceMismatches(period: AuditPeriod, tolerance: number): Promise<InvoiceComparison[]>;
  /** Windows overlapping the period where an issuer exceeded the rule; medians over history up to the period's end. */
  issuanceBursts(period: AuditPeriod, rule: BurstRule): Promise<IssuanceBurst[]>;
  /** Issuers suspended or withdrawn in the period that still have certificates or batches in force. */
  suspendedIssuersInForce(period: AuditPeriod): Promise<SuspendedIssuerExposure[]>;
  /** Issuances in the period by an issuer that stood suspended or withdrawn at that block. */
  issuedWhileSuspended(period: AuditPeriod): Promise<IssuedWhileSuspended[]>;
}
