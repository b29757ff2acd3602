import { network } from "hardhat";
import { authorize, cidOf, deployRegistryScenario, phytoTerms, reasonHash } from "../test/fixtures/registry.js";
const connection = await network.create();
const { registry, actors, ethers } = await deployRegistryScenario(connection);
const nppo = registry.connect(actors.nppoPK);
async function show(label: string, tx: any) {
  const rc = await tx.wait();
  let cd = 0; for (let i = 2; i < tx.data.length; i += 2) cd += tx.data.slice(i, i + 2) === "00" ? 4 : 16;
  const trace: any = await ethers.provider.send("debug_traceTransaction", [tx.hash, {}]);
  const byOp: Record<string, number> = {};
  let steps = 0, depth1 = 0;
  for (const s of trace.structLogs) { byOp[s.op] = (byOp[s.op] ?? 0) + (s.op.includes("CALL") ? 0 : s.gasCost); steps++; if (s.depth === 1) depth1++; }
  const big = ["SSTORE","SLOAD","LOG3","LOG4","LOG2","LOG1","KECCAK256","STATICCALL"];
  const bigSum = Object.entries(byOp).filter(([k]) => big.includes(k)).reduce((a, [, v]) => a + v, 0);
  const other = Object.entries(byOp).filter(([k]) => !big.includes(k)).reduce((a, [, v]) => a + v, 0);
  console.log(label, "gas", rc.gasUsed, "calldata", cd, "bytes", (tx.data.length-2)/2, "steps", steps, "proxy steps", depth1, "big", Object.entries(byOp).filter(([k]) => big.includes(k)), "small ops", other);
}
await show("issue", await nppo.issueCertificate(phytoTerms(), cidOf("x")));
await show("issue2", await nppo.issueCertificate(phytoTerms(), cidOf("y")));
for (const l of ["a", "b"]) {
  const t = phytoTerms();
  const auth = await authorize(registry, actors.nppoPK, "IssueCertificate", { terms: t, cid: cidOf(l) });
  await show("relayed " + l, await registry.connect(actors.relayer).issueCertificateWithSig(t, cidOf(l), auth));
}
