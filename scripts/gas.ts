/**
 * Gas per registry action, through the proxy, on the in-process Hardhat network.
 *   npm run gas          writes gas-report.json (committed) and prints the table
 *   npm run gas:check    compares against the committed report; exits 1 if any figure differs
 * Gas is deterministic for the same code and inputs, so the comparison is exact.
 */
import { readFile, writeFile } from "node:fs/promises";
import { network } from "hardhat";
import type { ContractTransactionResponse } from "ethers";
import {
  NO_END,
  authorize,
  batchTree,
  cidOf,
  cooTerms,
  deployRegistryScenario,
  phytoTerms,
  reasonHash,
} from "../test/fixtures/registry.js";
import { certificateId } from "../src/domain/certificate-terms.js";
import { CertificateType, typesMask } from "../src/domain/registry-types.js";

const REPORT = new URL("../gas-report.json", import.meta.url);

interface Target {
  limit: number;
  of: string;
}

const connection = await network.create();
const { registry, authorities, actors, ids } = await deployRegistryScenario(connection);
const gas: Record<string, number> = {};

async function measure(name: string, tx: Promise<ContractTransactionResponse>): Promise<void> {
  const receipt = await (await tx).wait();
  gas[name] = Number(receipt!.gasUsed);
}

const chamber = registry.connect(actors.chamberPK);
const nppo = registry.connect(actors.nppoPK);
const customs = registry.connect(actors.customsCN);
const nppoCN = registry.connect(actors.nppoCN);
const relayer = registry.connect(actors.relayer);

// Single issuance, direct from the authority's key.
const phyto = phytoTerms();
await measure("issueCertificate (ePhyto)", nppo.issueCertificate(phyto, cidOf("phyto")));
const coo = cooTerms({ quantity: 10_000n });
await measure("issueCertificate (CoO with quantity)", chamber.issueCertificate(coo, cidOf("coo")));
const cooId = certificateId(ids.chamberPK, coo.numberHash);
const phytoId = certificateId(ids.nppoPK, phyto.numberHash);

// Relayed issuance: the signer's first action pays for its nonce slot; the second is the steady state.
for (const label of ["first", "steady"]) {
  const t = phytoTerms();
  const auth = await authorize(registry, actors.nppoPK, "IssueCertificate", { terms: t, cid: cidOf(label) });
  await measure(`issueCertificateWithSig (ePhyto, ${label})`, relayer.issueCertificateWithSig(t, cidOf(label), auth));
}

// Importing side.
await measure("acceptCertificate (ePhyto)", nppoCN.acceptCertificate(phytoId));
const rejected = phytoTerms();
await (await nppo.issueCertificate(rejected, cidOf("rejected"))).wait();
const rejectedId = certificateId(ids.nppoPK, rejected.numberHash);
await measure("rejectCertificate", nppoCN.rejectCertificate(rejectedId, 3, reasonHash("pest found")));
await measure("drawDown (first)", customs.drawDown(cooId, coo, reasonHash("DECL-1"), 4_000n));
await measure("drawDown (next)", customs.drawDown(cooId, coo, reasonHash("DECL-2"), 4_000n));
await measure("drawDown (exhausting)", customs.drawDown(cooId, coo, reasonHash("DECL-3"), 2_000n));
{
  const t = cooTerms({ quantity: 10_000n });
  await (await chamber.issueCertificate(t, cidOf("relayed drawdown"))).wait();
  const id = certificateId(ids.chamberPK, t.numberHash);
  await (await customs.drawDown(id, t, reasonHash("DECL-4"), 1n)).wait();
  const auth = await authorize(registry, actors.customsCN, "DrawDown", {
    id,
    declarationHash: reasonHash("DECL-5"),
    amount: 1n,
  });
  // the customs key's first signed action: pays for its nonce slot
  await (await relayer.drawDownWithSig(id, t, reasonHash("DECL-5"), 1n, auth)).wait();
  const again = await authorize(registry, actors.customsCN, "DrawDown", {
    id,
    declarationHash: reasonHash("DECL-6"),
    amount: 1n,
  });
  await measure("drawDownWithSig (next, steady)", relayer.drawDownWithSig(id, t, reasonHash("DECL-6"), 1n, again));
  await measure("drawDown (next, direct, same state)", customs.drawDown(id, t, reasonHash("DECL-7"), 1n));
}

// Issuer's status changes.
const s1 = phytoTerms();
await (await nppo.issueCertificate(s1, cidOf("s1"))).wait();
const s1Id = certificateId(ids.nppoPK, s1.numberHash);
await measure("suspendCertificate", nppo.suspendCertificate(s1Id, 1));
await measure("reinstateCertificate", nppo.reinstateCertificate(s1Id));
await measure("revokeCertificate (issuer)", nppo.revokeCertificate(s1Id, 2, reasonHash("issued in error")));
{
  const t = phytoTerms();
  await (await nppo.issueCertificate(t, cidOf("r2"))).wait();
  const id = certificateId(ids.nppoPK, t.numberHash);
  const auth = await authorize(registry, actors.nppoPK, "RevokeCertificate", {
    id,
    reasonCode: 2,
    reasonHash: reasonHash("x"),
  });
  await measure("revokeCertificateWithSig (steady)", relayer.revokeCertificateWithSig(id, 2, reasonHash("x"), auth));
  const t2 = phytoTerms();
  await (await nppo.issueCertificate(t2, cidOf("r3"))).wait();
  await measure(
    "revokeCertificate (accreditor)",
    registry
      .connect(actors.accreditorPK)
      .revokeCertificate(certificateId(ids.nppoPK, t2.numberHash), 9, reasonHash("fraud")),
  );
}
{
  const old = phytoTerms();
  await (await nppo.issueCertificate(old, cidOf("old"))).wait();
  const oldId = certificateId(ids.nppoPK, old.numberHash);
  await measure("replaceCertificate", nppo.replaceCertificate(oldId, phytoTerms(), cidOf("new"), 1));
}

// Batches of 1,000 certificates.
const leaves = Array.from({ length: 1000 }, () => cooTerms({ quantity: 1_000n }));
const tree = batchTree(leaves);
await measure(
  "anchorBatch (1,000 certificates)",
  chamber.anchorBatch(tree.root, typesMask(CertificateType.COO_NONPREFERENTIAL), 1000, cidOf("manifest")),
);
await measure("promoteBatchLeaf", chamber.promoteBatchLeaf(tree.root, leaves[0], tree.getProof(0)));
await measure(
  "revokeBatchLeaf",
  chamber.revokeBatchLeaf(tree.root, leaves[1], tree.getProof(1), 2, reasonHash("goods not shipped")),
);
await measure("revokeBatch", chamber.revokeBatch(tree.root, 2, reasonHash("whole batch withdrawn")));

// Accreditation.
const gov = authorities.connect(actors.governance);
const accreditor = authorities.connect(actors.accreditorPK);
await measure("appointAccreditor", gov.appointAccreditor("0x4445", actors.outsider.address));
await measure("registerAuthority", accreditor.registerAuthority("0x504b", 1, 3, "Lahore Chamber of Commerce"));
const lahore = Number(await authorities.authorityCount());
await measure("addSigningKey", accreditor.addSigningKey(lahore, actors.spareKey.address, 0, NO_END));
await measure(
  "rotateSigningKey",
  accreditor.rotateSigningKey(lahore, actors.spareKey.address, actors.relayer.address, NO_END),
);
await measure("revokeSigningKey", accreditor.revokeSigningKey(lahore, actors.relayer.address));
await measure("suspendAuthority", accreditor.suspendAuthority(lahore, 1));
await measure("reinstateAuthority", accreditor.reinstateAuthority(lahore));

const targets: Record<string, Target> = {
  "issueCertificate (ePhyto)": { limit: 60_000, of: "single ePhyto issuance" },
  "issueCertificate (CoO with quantity)": { limit: 85_000, of: "CoO with quantity" },
  "revokeCertificate (issuer)": { limit: 35_000, of: "revoke" },
  "anchorBatch (1,000 certificates)": { limit: 100_000, of: "≤ 100 gas per certificate at 1,000" },
  "issueCertificateWithSig (ePhyto, first)": {
    limit: gas["issueCertificate (ePhyto)"] + 12_000,
    of: "relayed ≤ direct + 12,000",
  },
  "issueCertificateWithSig (ePhyto, steady)": {
    limit: gas["issueCertificate (ePhyto)"] + 12_000,
    of: "relayed ≤ direct + 12,000",
  },
  "revokeCertificateWithSig (steady)": {
    limit: gas["revokeCertificate (issuer)"] + 12_000,
    of: "relayed ≤ direct + 12,000",
  },
  "drawDownWithSig (next, steady)": {
    limit: gas["drawDown (next, direct, same state)"] + 12_000,
    of: "relayed ≤ direct + 12,000",
  },
};

const check = process.argv.includes("--check");
const committed: Record<string, number> | undefined = await readFile(REPORT, "utf8")
  .then((text) => (JSON.parse(text) as { gas: Record<string, number> }).gas)
  .catch(() => undefined);

const rows = Object.entries(gas).map(([name, used]) => {
  const target = targets[name];
  const before = committed?.[name];
  return {
    action: name,
    gas: used,
    committed: before ?? "-",
    change: before === undefined ? "new" : used - before,
    target: target ? `${target.limit} (${target.of})` : "",
    met: target ? (used <= target.limit ? "yes" : "MISSED") : "",
  };
});
console.table(rows);
console.log(
  `batch: ${(gas["anchorBatch (1,000 certificates)"] / 1000).toFixed(1)} gas per certificate; ` +
    `block of 30M gas holds ${Math.floor(30_000_000 / gas["issueCertificate (ePhyto)"])} single ePhyto issuances`,
);

if (check) {
  if (!committed) {
    console.error("No committed gas-report.json: run `npm run gas` and commit it.");
    process.exit(1);
  }
  const changed = rows.filter((r) => r.change !== 0);
  const missing = Object.keys(committed).filter((k) => !(k in gas));
  if (changed.length > 0 || missing.length > 0) {
    for (const r of changed) console.error(`gas changed: ${r.action} ${r.committed} → ${r.gas}`);
    for (const m of missing) console.error(`no longer measured: ${m}`);
    console.error("Gas is deterministic: run `npm run gas` and commit gas-report.json, saying why it changed.");
    process.exit(1);
  }
  console.log("gas check: every figure equals gas-report.json");
} else {
  await writeFile(
    REPORT,
    JSON.stringify({ note: "gas per action through the proxy; written by `npm run gas`", gas }, null, 2) + "\n",
  );
  console.log("wrote gas-report.json");
}
