/**
 * The demo world `npm start` seeds through the gateway's own use cases: accreditors for Pakistan,
 * Kenya, Germany and the Netherlands, an issuing chamber and NPPO, importing customs and NPPO, an
 * auditor, and one certificate of each kind. Keys are DEV-ONLY (Hardhat's public dev accounts and
 * fresh keys in the dev keystore).
 */
import { HDNodeWallet, Mnemonic } from "ethers";
import { generateRecipientKeyPair } from "../src/adapters/crypto/recipient-key-pair.js";
import type { DevKeystore } from "../src/adapters/keys/dev-keystore.js";
import { addSigningKey } from "../src/application/add-signing-key.js";
import { authoritySigner } from "../src/application/authority-signer.js";
import { issueCertificate } from "../src/application/issue-certificate.js";
import type { RecipientRole } from "../src/application/ports/key-directory.js";
import { registerAccreditor } from "../src/application/register-accreditor.js";
import {
  registerAuthority,
  type AuthorityKindName,
  type CertificateTypeName,
} from "../src/application/register-authority.js";
import type { Caller, CallerRole } from "../src/domain/caller.js";
import type { Gateway } from "../src/main.js";
import { sampleCertificateOfOrigin, samplePhytosanitaryCertificate } from "../test/fixtures/documents.js";

/** Hardhat's default development mnemonic: public keys for local chains only (DEV-ONLY). */
const DEV_MNEMONIC = Mnemonic.fromPhrase("test test test test test test test test test test test junk");
export const devAccount = (i: number): HDNodeWallet => HDNodeWallet.fromMnemonic(DEV_MNEMONIC, `m/44'/60'/0'/0/${i}`);

const ACCREDITORS: [string, number][] = [
  ["PK", 2],
  ["KE", 3],
  ["DE", 4],
  ["NL", 5],
];

interface DemoParty {
  name: string;
  country: string;
  kind: AuthorityKindName;
  types: CertificateTypeName[];
  role: CallerRole;
  recipient: RecipientRole;
}

const PARTIES: DemoParty[] = [
  {
    name: "Karachi Chamber of Commerce",
    country: "PK",
    kind: "CHAMBER",
    types: ["COO_NONPREFERENTIAL", "COO_PREFERENTIAL"],
    role: "issuer",
    recipient: "ISSUER",
  },
  {
    name: "Kenya Plant Health Inspectorate Service",
    country: "KE",
    kind: "NPPO",
    types: ["PHYTO", "PHYTO_REEXPORT"],
    role: "issuer",
    recipient: "ISSUER",
  },
  { name: "Generalzolldirektion", country: "DE", kind: "CUSTOMS", types: [], role: "customs", recipient: "CUSTOMS" },
  { name: "NVWA", country: "NL", kind: "NPPO", types: [], role: "nppo", recipient: "NPPO" },
  { name: "Consortium audit office", country: "DE", kind: "AUDITOR", types: [], role: "auditor", recipient: "AUDITOR" },
];

/** Seeds the demo and returns who its dev tokens are for. */
export async function seedDemoWorld(
  gateway: Gateway,
  keystore: DevKeystore,
): Promise<{ callers: Caller[]; certificates: string[] }> {
  const ctx = gateway.context;
  const governance = devAccount(0);
  await keystore.importKey(governance.privateKey, "governance (DEV-ONLY)");
  const accreditors: Record<string, string> = {};
  const callers: Caller[] = [{ subject: "demo-admin", role: "admin" }];
  for (const [country, account] of ACCREDITORS) {
    const wallet = devAccount(account);
    await keystore.importKey(wallet.privateKey, `accreditor ${country} (DEV-ONLY)`);
    await registerAccreditor(ctx, { governance: governance.address, country, accreditor: wallet.address });
    accreditors[country] = wallet.address;
    callers.push({ subject: `demo-accreditor-${country.toLowerCase()}`, role: "accreditor", country });
  }
  const until = Math.floor(Date.now() / 1000) + 5 * 365 * 86_400;
  const ids: Record<string, number> = {};
  for (const party of PARTIES) {
    const { authorityId } = await registerAuthority(ctx, {
      accreditor: accreditors[party.country],
      country: party.country,
      kind: party.kind,
      certificateTypes: party.types,
      name: party.name,
    });
    const signer = await keystore.create(`${party.name} signing key (DEV-ONLY)`);
    await addSigningKey(ctx, {
      accreditor: accreditors[party.country],
      authorityId: authorityId!,
      key: signer.address,
      validUntil: until,
    });
    const pair = await generateRecipientKeyPair(`${party.recipient.toLowerCase()}:${party.country}:${authorityId}`);
    await ctx.keyDirectory.add({
      ...pair.recipient,
      role: party.recipient,
      ...(party.recipient === "ISSUER" && { authorityId }),
      ...((party.recipient === "CUSTOMS" || party.recipient === "NPPO") && { country: party.country }),
    });
    await ctx.vault.add(pair.privateKey);
    ids[party.name] = authorityId!;
    callers.push({
      subject: `demo-${party.role}-${authorityId}`,
      role: party.role,
      authorityId: authorityId!,
      country: party.country,
    });
  }

  const chamber = ids["Karachi Chamber of Commerce"];
  const nppo = ids["Kenya Plant Health Inspectorate Service"];
  // The signing keys are known once the index has their registration.
  await ctx.indexer.catchUp();
  const keyOf = (authorityId: number) => authoritySigner(ctx, authorityId);
  const coo = sampleCertificateOfOrigin();
  const phyto = samplePhytosanitaryCertificate();
  const issuedCoo = await issueCertificate(ctx, {
    document: { ...coo, certificateNumber: "PK-KCCI-DEMO-0001", issuer: { ...coo.issuer, authorityId: chamber } },
    signer: await keyOf(chamber),
  });
  const issuedPhyto = await issueCertificate(ctx, {
    document: { ...phyto, certificateNumber: "KE-EPH-DEMO-0001", issuer: { ...phyto.issuer, authorityId: nppo } },
    signer: await keyOf(nppo),
  });
  return { callers, certificates: [issuedCoo.certificateId, issuedPhyto.certificateId] };
}
