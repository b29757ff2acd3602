/**
 * The demo world `npm start` seeds on its first start, through the gateway's own use cases:
 * accreditors, chambers, NPPOs and customs of Pakistan, China and Georgia, an auditor, and
 * certificates of origin and ePhytos in every status (issued, accepted, partly drawn down,
 * exhausted, superseded, revoked, suspended, rejected, batch-issued), with one consignment whose
 * CoO and ePhyto share a UCR. Keys are DEV-ONLY (Hardhat's public dev accounts and fresh keys in
 * the dev keystore).
 */
import { HDNodeWallet, Mnemonic } from "ethers";
import { generateRecipientKeyPair } from "../src/adapters/crypto/recipient-key-pair.js";
import type { DevKeystore } from "../src/adapters/keys/dev-keystore.js";
import { acceptCertificate } from "../src/application/accept-certificate.js";
import { addSigningKey } from "../src/application/add-signing-key.js";
import { authoritySigner } from "../src/application/authority-signer.js";
import { drawDown } from "../src/application/draw-down.js";
import type { GatewayContext } from "../src/application/gateway-context.js";
import { issueBatch } from "../src/application/issue-batch.js";
import { issueCertificate } from "../src/application/issue-certificate.js";
import type { RecipientRole } from "../src/application/ports/key-directory.js";
import { registerAccreditor } from "../src/application/register-accreditor.js";
import {
  registerAuthority,
  type AuthorityKindName,
  type CertificateTypeName,
} from "../src/application/register-authority.js";
import { rejectCertificate } from "../src/application/reject-certificate.js";
import { replaceCertificate } from "../src/application/replace-certificate.js";
import { revokeCertificate } from "../src/application/revoke-certificate.js";
import { suspendCertificate } from "../src/application/suspend-certificate.js";
import type { Caller, CallerRole } from "../src/domain/caller.js";
import { demoDocuments, type DemoIssuer, type DemoIssuers } from "./demo-documents.js";

/** Hardhat's default development mnemonic: public keys for local chains only (DEV-ONLY). */
const DEV_MNEMONIC = Mnemonic.fromPhrase("test test test test test test test test test test test junk");
export const devAccount = (i: number): HDNodeWallet => HDNodeWallet.fromMnemonic(DEV_MNEMONIC, `m/44'/60'/0'/0/${i}`);

/** Dev account of each country's accreditor (#0 is governance, #1 the relayer). */
const ACCREDITORS: [string, number][] = [
  ["PK", 2],
  ["CN", 3],
  ["GE", 4],
];

interface DemoAuthority {
  name: string;
  country: string;
  kind: AuthorityKindName;
  types: CertificateTypeName[];
  /** Who acts for it: an issuing NPPO also acknowledges the ePhytos its country imports. */
  roles: CallerRole[];
  /** The certification box on what it issues. */
  box?: Pick<DemoIssuer, "placeOfIssue" | "signatoryName" | "signatoryTitle">;
}

const COO: CertificateTypeName[] = ["COO_NONPREFERENTIAL", "COO_PREFERENTIAL"];
const PHYTO: CertificateTypeName[] = ["PHYTO", "PHYTO_REEXPORT"];

const AUTHORITIES = {
  chamberPK: {
    name: "Karachi Chamber of Commerce and Industry",
    country: "PK",
    kind: "CHAMBER",
    types: COO,
    roles: ["issuer"],
    box: {
      placeOfIssue: "Karachi",
      signatoryName: "Imran Qureshi",
      signatoryTitle: "Secretary, Certificates of Origin",
    },
  },
  nppoPK: {
    name: "Department of Plant Protection",
    country: "PK",
    kind: "NPPO",
    types: PHYTO,
    roles: ["issuer", "nppo"],
    box: { placeOfIssue: "Karachi", signatoryName: "Sana Mehmood", signatoryTitle: "Plant Protection Officer" },
  },
  customsPK: { name: "Pakistan Customs", country: "PK", kind: "CUSTOMS", types: [], roles: ["customs"] },
  chamberCN: {
    name: "China Council for the Promotion of International Trade",
    country: "CN",
    kind: "CHAMBER",
    types: COO,
    roles: ["issuer"],
    box: { placeOfIssue: "Hangzhou", signatoryName: "Li Wei", signatoryTitle: "Certification Officer" },
  },
  nppoCN: {
    name: "GACC Department of Animal and Plant Quarantine",
    country: "CN",
    kind: "NPPO",
    types: PHYTO,
    roles: ["issuer", "nppo"],
    box: { placeOfIssue: "Nanning", signatoryName: "Zhang Min", signatoryTitle: "Quarantine Officer" },
  },
  customsCN: {
    name: "General Administration of Customs of China",
    country: "CN",
    kind: "CUSTOMS",
    types: [],
    roles: ["customs"],
  },
  chamberGE: {
    name: "Georgian Chamber of Commerce and Industry",
    country: "GE",
    kind: "CHAMBER",
    types: COO,
    roles: ["issuer"],
    box: { placeOfIssue: "Tbilisi", signatoryName: "Nino Beridze", signatoryTitle: "Head of Certification" },
  },
  nppoGE: {
    name: "National Food Agency",
    country: "GE",
    kind: "NPPO",
    types: PHYTO,
    roles: ["issuer", "nppo"],
    box: { placeOfIssue: "Tbilisi", signatoryName: "Giorgi Kapanadze", signatoryTitle: "Phytosanitary Inspector" },
  },
  customsGE: { name: "Revenue Service of Georgia", country: "GE", kind: "CUSTOMS", types: [], roles: ["customs"] },
  auditorGE: { name: "Consortium audit office", country: "GE", kind: "AUDITOR", types: [], roles: ["auditor"] },
} satisfies Record<string, DemoAuthority>;

type AuthorityKey = keyof typeof AUTHORITIES;

const RECIPIENT_OF_ROLE: Partial<Record<CallerRole, RecipientRole>> = {
  issuer: "ISSUER",
  customs: "CUSTOMS",
  nppo: "NPPO",
  auditor: "AUDITOR",
};

/** Someone the demo prints a dev token for; `name` is their authority's. */
export type DemoCaller = Caller & { name?: string };

/** What the demo world holds, as `npm start` prints it. */
export interface DemoWorld {
  callers: DemoCaller[];
  certificates: { label: string; certificateId: string }[];
}

/** Seeds the demo world and returns who its dev tokens are for and which certificates it holds. */
export async function seedDemoWorld(ctx: GatewayContext, keystore: DevKeystore): Promise<DemoWorld> {
  const governance = devAccount(0);
  await keystore.importKey(governance.privateKey, "governance (DEV-ONLY)");
  const accreditors: Record<string, string> = {};
  const callers: DemoCaller[] = [{ subject: "demo-admin", role: "admin" }];
  for (const [country, account] of ACCREDITORS) {
    const wallet = devAccount(account);
    await keystore.importKey(wallet.privateKey, `accreditor ${country} (DEV-ONLY)`);
    await registerAccreditor(ctx, { governance: governance.address, country, accreditor: wallet.address });
    accreditors[country] = wallet.address;
    callers.push({ subject: `demo-accreditor-${country.toLowerCase()}`, role: "accreditor", country });
  }

  const until = Math.floor(Date.now() / 1000) + 5 * 365 * 86_400;
  const ids = {} as Record<AuthorityKey, number>;
  for (const [key, authority] of Object.entries(AUTHORITIES) as [AuthorityKey, DemoAuthority][]) {
    const accreditor = accreditors[authority.country];
    const { authorityId } = await registerAuthority(ctx, {
      accreditor,
      country: authority.country,
      kind: authority.kind,
      certificateTypes: authority.types,
      name: authority.name,
    });
    const signer = await keystore.create(`${authority.name} signing key (DEV-ONLY)`);
    await addSigningKey(ctx, { accreditor, authorityId: authorityId!, key: signer.address, validUntil: until });
    for (const role of authority.roles) {
      const recipient = RECIPIENT_OF_ROLE[role]!;
      const pair = await generateRecipientKeyPair(`${recipient.toLowerCase()}:${authority.country}:${authorityId}`);
      await ctx.keyDirectory.add({
        ...pair.recipient,
        role: recipient,
        ...(recipient === "ISSUER" && { authorityId }),
        ...((recipient === "CUSTOMS" || recipient === "NPPO") && { country: authority.country }),
      });
      await ctx.vault.add(pair.privateKey);
      callers.push({
        subject: `demo-${role}-${authorityId}`,
        role,
        authorityId: authorityId!,
        country: authority.country,
        name: authority.name,
      });
    }
    ids[key] = authorityId!;
  }
  // The signing keys are known once the index has their registration.
  await ctx.indexer.catchUp();
  return { callers, certificates: await seedCertificates(ctx, ids) };
}

async function seedCertificates(
  ctx: GatewayContext,
  ids: Record<AuthorityKey, number>,
): Promise<DemoWorld["certificates"]> {
  const issuer = (key: keyof DemoIssuers): DemoIssuer => {
    const { name, country, box } = AUTHORITIES[key];
    return { authorityId: ids[key], name, country, ...box };
  };
  const docs = demoDocuments(
    {
      chamberPK: issuer("chamberPK"),
      nppoPK: issuer("nppoPK"),
      chamberCN: issuer("chamberCN"),
      nppoCN: issuer("nppoCN"),
      chamberGE: issuer("chamberGE"),
      nppoGE: issuer("nppoGE"),
    },
    new Date(),
  );
  const keys = new Map<AuthorityKey, string>();
  const key = async (authority: AuthorityKey): Promise<string> => {
    if (!keys.has(authority)) keys.set(authority, await authoritySigner(ctx, ids[authority]));
    return keys.get(authority)!;
  };
  const issued: DemoWorld["certificates"] = [];
  const issue = async (label: string, authority: AuthorityKey, document: unknown): Promise<string> => {
    const { certificateId } = await issueCertificate(ctx, { document, signer: await key(authority) });
    issued.push({ label, certificateId });
    return certificateId;
  };

  await issue("CoO PK→CN rice, issued (UCR shared with the ePhyto)", "chamberPK", docs.riceCoo);
  const ricePhyto = await issue("ePhyto PK→CN rice, accepted (UCR shared with the CoO)", "nppoPK", docs.ricePhyto);
  const yarn = await issue("CoO PK→CN cotton yarn, accepted", "chamberPK", docs.yarnCoo);
  const solar = await issue("CoO CN→GE solar modules, partly drawn down", "chamberCN", docs.solarCoo);
  const wine = await issue("CoO GE→CN wine, exhausted", "chamberGE", docs.wineCoo);
  const instruments = await issue("CoO PK→GE surgical instruments, superseded", "chamberPK", docs.instrumentsCoo);
  const phones = await issue("CoO CN→PK smartphones, revoked", "chamberCN", docs.phonesCoo);
  const hazelnuts = await issue("ePhyto GE→PK hazelnuts, suspended", "nppoGE", docs.hazelnutPhyto);
  const mandarins = await issue("ePhyto CN→GE mandarins, rejected", "nppoCN", docs.mandarinPhyto);
  // A drawdown reads the certificate's terms from the index.
  await ctx.indexer.catchUp();

  await acceptCertificate(ctx, { signer: await key("nppoCN"), id: ricePhyto });
  await acceptCertificate(ctx, { signer: await key("customsCN"), id: yarn });
  await drawDown(ctx, {
    signer: await key("customsGE"),
    id: solar,
    amount: "480",
    declaration: { reference: "GE-ASYCUDA-26-104417", invoiceValue: "47520.00", invoiceCurrency: "USD" },
  });
  for (const [reference, amount] of [
    ["CN-H2018-26-0188201", "6000"],
    ["CN-H2018-26-0191377", "3000"],
  ]) {
    await drawDown(ctx, { signer: await key("customsCN"), id: wine, amount, declarationReference: reference });
  }
  const replacement = await replaceCertificate(ctx, {
    replacedId: instruments,
    document: docs.instrumentsReplacement,
    signer: await key("chamberPK"),
    reasonCode: 1,
  });
  issued.push({ label: "CoO PK→GE surgical instruments, the replacement", certificateId: replacement.certificateId });
  await revokeCertificate(ctx, {
    signer: await key("chamberCN"),
    id: phones,
    reasonCode: 5,
    reasonText: "Issued in error: the exporter withdrew its application",
  });
  await suspendCertificate(ctx, { signer: await key("nppoGE"), id: hazelnuts, reasonCode: 2 });
  await rejectCertificate(ctx, {
    signer: await key("nppoGE"),
    id: mandarins,
    // 6: does not meet the import requirements (the portal's and CLI's names for reason codes)
    reasonCode: 6,
    reasonText: "Live larvae of Bactrocera dorsalis found at inspection",
  });
  const batch = await issueBatch(ctx, { documents: docs.footballBatch, signer: await key("chamberPK") });
  for (const member of batch.certificates) {
    issued.push({
      label: `CoO PK footballs ${member.certificateNumber.slice(-4)}, batch-issued`,
      certificateId: member.certificateId,
    });
  }
  return issued;
}
