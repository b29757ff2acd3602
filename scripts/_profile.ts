import { readdirSync, readFileSync } from "node:fs";
import { network } from "hardhat";
import { authorize, cidOf, deployRegistryScenario, phytoTerms, reasonHash } from "../test/fixtures/registry.js";
import { certificateId } from "../src/domain/certificate-terms.js";
const dir = "artifacts/build-info/";
let out: any, input: any;
for (const f of readdirSync(dir)) {
  if (f.endsWith(".output.json")) out = JSON.parse(readFileSync(dir + f, "utf8"));
  else input = JSON.parse(readFileSync(dir + f, "utf8"));
}
const c = out.output.contracts["project/contracts/CertificateRegistry.sol"].CertificateRegistry;
const code = Buffer.from(c.evm.deployedBytecode.object, "hex");
const pcToIdx = new Map<number, number>();
for (let pc = 0, i = 0; pc < code.length; i++) { pcToIdx.set(pc, i); const op = code[pc]; pc += op >= 0x60 && op <= 0x7f ? op - 0x5e : 1; }
const entries = c.evm.deployedBytecode.sourceMap.split(";");
const sm: [number, number, number][] = [];
let s = 0, l = 0, f = 0;
for (const e of entries) { const p = e.split(":"); if (p[0]) s = +p[0]; if (p[1]) l = +p[1]; if (p[2]) f = +p[2]; sm.push([s, l, f]); }
const idToSrc: Record<number, string> = {};
for (const [name, v] of Object.entries<any>(out.output.sources)) idToSrc[v.id] = name;
const srcText = (name: string) => (input.input.sources[name]?.content ?? "") as string;
const lineOf = (name: string, off: number) => srcText(name).slice(0, off).split("\n").length;
const connection = await network.create();
const { registry, actors, ids, ethers } = await deployRegistryScenario(connection);
async function profile(label: string, tx: any) {
  await tx.wait();
  const trace: any = await ethers.provider.send("debug_traceTransaction", [tx.hash, {}]);
  const byLine: Record<string, number> = {};
  for (const st of trace.structLogs) {
    if (st.depth !== 2 || st.op.includes("CALL")) continue;
    const idx = pcToIdx.get(st.pc); const m = idx !== undefined ? sm[idx] : undefined;
    const key = m && idToSrc[m[2]] ? `${idToSrc[m[2]].replace("project/", "").replace("npm/@openzeppelin/", "oz/")}:${lineOf(idToSrc[m[2]], m[0])}` : "?";
    byLine[key] = (byLine[key] ?? 0) + st.gasCost;
  }
  console.log(label, Object.entries(byLine).sort((a, b) => b[1] - a[1]).slice(0, 25));
}
await profile("issue", await registry.connect(actors.nppoPK).issueCertificate(phytoTerms(), cidOf("x")));
const t = phytoTerms();
await (await registry.connect(actors.nppoPK).issueCertificate(t, cidOf("y"))).wait();
await profile("revoke", await registry.connect(actors.nppoPK).revokeCertificate(certificateId(ids.nppoPK, t.numberHash), 2, reasonHash("x")));
