import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { decodeJwt } from "jose";
import { JsonRpcProvider } from "ethers";
import { writeCertificateXml } from "../../../src/adapters/formats/read-certificate-xml.js";
import { createDevKeystore } from "../../../src/adapters/keys/dev-keystore.js";
import { parseCertificateDocument } from "../../../src/domain/documents/certificate-document.js";
import { apiConfigFromEnv, startApiServer, type ApiServer } from "../../../src/main.js";
import {
  cooFrom,
  devAccount,
  KEYSTORE_PASSWORD,
  openTestGateway,
  seedAuthorities,
  startTestChain,
  uniqueNumber,
  type TestChain,
  type TestGateway,
  type World,
} from "../../fixtures/gateway.js";
import { ROOT, tradeseal, type CliRun } from "./run-tradeseal.js";

const ID = /0x[0-9a-f]{64}/g;

describe("tradeseal CLI against a real gateway", function () {
  this.timeout(120_000);

  let chain: TestChain;
  let gateway: TestGateway;
  let world: World;
  let api: ApiServer;
  let work: string;
  let chamberToken: string;
  /** The three certificates the folder issuance made, in file order. */
  let issued: string[] = [];

  before(async function () {
    chain = await startTestChain();
    gateway = await openTestGateway(chain);
    world = await seedAuthorities(gateway);
    await gateway.context.indexer.catchUp();
    // Running as a gateway does: the indexer follows the chain in the background.
    gateway.start();
    // The API as the gateway serves it, with its DEV-ONLY identity provider under the data directory,
    // where `tradeseal token` finds it.
    api = await startApiServer(
      gateway,
      apiConfigFromEnv(gateway.dataDir, { TRADESEAL_PORT: "0", TRADESEAL_RATE_LIMIT: "0" }),
    );
    work = await mkdtemp(path.join(os.tmpdir(), "tradeseal-cli-"));
  });

  after(async function () {
    await api?.close();
    await gateway?.dispose();
    await chain?.node.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  const as = (token: string) => ({ gateway: api.url, token });
  const json = async (url: string): Promise<Record<string, unknown>> =>
    (await (await fetch(url)).json()) as Record<string, unknown>;
  const indexed = () => gateway.context.indexer.catchUp();

  it("makes DEV-ONLY tokens from the gateway's demo identity provider, looking the authority's country up", async function () {
    const chamber = String(world.chamberPK.authorityId);
    const [issuer, wrongRole] = await Promise.all([
      tradeseal(["token", "issuer", "--authority", chamber, "--data-dir", gateway.dataDir], { gateway: api.url }),
      tradeseal(["token", "customs", "--authority", chamber, "--data-dir", gateway.dataDir], { gateway: api.url }),
    ]);
    expect(issuer.code, issuer.stderr).to.equal(0);
    chamberToken = issuer.stdout.trim();
    expect(decodeJwt(chamberToken)).to.deep.include({
      role: "issuer",
      authority_id: world.chamberPK.authorityId,
      country: "PK",
      "x-tradeseal": "DEV-ONLY token",
    });
    expect(issuer.stderr).to.match(/^DEV-ONLY token: issuer of authority \d+ \(PK\), valid 12 h/);
    expect(wrongRole.code).to.equal(1);
    expect(wrongRole.stderr).to.include("is of kind CHAMBER; the customs role is for kind CUSTOMS");
  });

  it("issues a folder of three files with a progress bar and a summary, and a rerun skips them", async function () {
    const folder = path.join(work, "friday");
    await mkdir(folder);
    await writeFile(path.join(folder, "coo-1.json"), JSON.stringify(cooFrom(world), null, 2));
    await writeFile(path.join(folder, "coo-2.json"), JSON.stringify(cooFrom(world), null, 2));
    await writeFile(path.join(folder, "coo-3.xml"), writeCertificateXml(parseCertificateDocument(cooFrom(world))));

    const first = await tradeseal(["issue", folder], as(chamberToken));
    expect(first.code, first.stderr + first.stdout).to.equal(0);
    expect(first.stderr).to.match(/Issuing .* 0\/3 files/);
    expect(first.stderr).to.match(/Issuing .* 3\/3 files/);
    for (const file of ["coo-1.json", "coo-2.json", "coo-3.xml"]) {
      expect(first.stdout).to.match(new RegExp(`${file.replace(".", "\\.")}\\s+│\\s+0x[0-9a-f]{64}\\s+│\\s+ISSUED`));
    }
    expect(first.stdout).to.include("3 files: 3 issued, 0 pending on chain, 0 already issued, 0 failed.");
    issued = first.stdout.match(ID) ?? [];
    expect(issued).to.have.length(3);
    const journal = JSON.parse(await readFile(path.join(folder, ".tradeseal-issued.json"), "utf8")) as {
      entries: { certificateId: string }[];
    };
    expect(journal.entries.map((entry) => entry.certificateId).sort()).to.deep.equal([...issued].sort());

    const again = await tradeseal(["issue", folder, "--no-progress"], as(chamberToken));
    expect(again.code, again.stderr).to.equal(0);
    expect(again.stdout.match(ID)).to.deep.equal(issued);
    expect(again.stdout.match(/SKIPPED \(already issued\)/g)).to.have.length(3);
    expect(again.stdout).to.include("3 files: 0 issued, 0 pending on chain, 3 already issued, 0 failed.");
    expect(again.stderr).to.equal("");

    await indexed();
    for (const id of issued) expect(await json(`${api.url}/v1/certificates/${id}`)).to.include({ status: "ISSUED" });
  });

  it("lists files that are not certificates as failed with the reason, and exits 1", async function () {
    const folder = await mkdtemp(path.join(work, "bad-"));
    await writeFile(path.join(folder, "incomplete.json"), JSON.stringify({ kind: "COO", certificateNumber: "X-1" }));
    await writeFile(path.join(folder, "notes.txt"), "Collect the originals on Monday.");
    const run = await tradeseal(["issue", folder, "--no-progress"], as(chamberToken));
    expect(run.code).to.equal(1);
    expect(run.stdout).to.match(/incomplete\.json\s+│\s+│\s+FAILED\s+│ \S/);
    expect(run.stdout).to.match(/notes\.txt\s+│\s+│\s+FAILED\s+│ notes\.txt is neither a JSON nor an XML/);
    expect(run.stdout).to.include("2 files: 0 issued, 0 pending on chain, 0 already issued, 2 failed.");
  });

  it("verifies by id and by file, printing each fragment: VALID, exit code 0", async function () {
    const [byId, byFile] = await Promise.all([
      tradeseal(["verify", issued[0]], { gateway: api.url }),
      tradeseal(["verify", path.join(work, "friday", "coo-3.xml")], { gateway: api.url }),
    ]);
    for (const run of [byId, byFile]) {
      expect(run.code, run.stdout + run.stderr).to.equal(0);
      for (const name of ["DOCUMENT_INTEGRITY", "DOCUMENT_STATUS", "ISSUER_IDENTITY", "USAGE"]) {
        expect(run.stdout).to.match(new RegExp(`^  ${name}\\s+(VALID|SKIPPED)\\s+\\S`, "m"));
      }
      expect(run.stdout).to.match(/^Checked at block \d+/m);
      expect(run.stdout).to.match(/^VALID: the certificate is genuine and in force/m);
    }
    expect(byId.stdout).to.include(`Certificate ${issued[0]}`);
    expect(byFile.stdout).to.include(`Certificate ${issued[2]}`);
  });

  it("revokes with a reason; the certificate then verifies INVALID with exit code 1 and a signed receipt", async function () {
    const revoked = await tradeseal(
      ["revoke", issued[0], "--reason", "Goods not of Pakistani origin (inspection 2026-117)", "--reason-code", "2"],
      as(chamberToken),
    );
    expect(revoked.code, revoked.stderr).to.equal(0);
    expect(revoked.stdout).to.match(new RegExp(`^Revoked ${issued[0]}: on chain in block \\d+ \\(transaction 0x`));
    await indexed();

    const receipt = path.join(work, "receipt.jws");
    const verified = await tradeseal(["verify", issued[0], "--receipt", receipt], { gateway: api.url });
    expect(verified.code).to.equal(1);
    expect(verified.stdout).to.match(/^ {2}DOCUMENT_STATUS\s+INVALID\s+\S/m);
    expect(verified.stdout).to.match(/^INVALID: do not rely on this certificate/m);
    const jws = (await readFile(receipt, "utf8")).trim();
    expect(decodeJwt(jws)).to.have.nested.property("verification.status", "INVALID");
  });

  it("refuses to revoke twice with the gateway's own words and the current status", async function () {
    const run = await tradeseal(["revoke", issued[0], "--reason", "Issued twice by mistake"], as(chamberToken));
    expect(run.code).to.equal(1);
    // The problem's detail names the current status (else the CLI adds it).
    expect(run.stderr).to.match(/^Error: .*\bREVOKED\b/);
    expect(run.stdout).to.equal("");
  });

  it("traces a certificate's history as a table, as CSV and as JSON", async function () {
    const [table, csv, asJson] = await Promise.all([
      tradeseal(["trace", issued[0]], as(chamberToken)),
      tradeseal(["trace", issued[0], "--csv"], as(chamberToken)),
      tradeseal(["trace", issued[0], "--json"], as(chamberToken)),
    ]);
    for (const run of [table, csv, asJson]) expect(run.code, run.stderr).to.equal(0);
    expect(table.stdout).to.match(
      new RegExp(`^Certificate ${issued[0]}: COO_\\w+, REVOKED, PK → DE, issued by Karachi`),
    );
    expect(table.stdout).to.match(/│ CertificateIssued\s+│/);
    expect(table.stdout).to.match(/│ CertificateRevoked\s+│/);
    expect(table.stdout).to.match(/reasonCode: 2/);

    const lines = csv.stdout.trim().split("\n");
    expect(lines[0]).to.equal("block,logIndex,time,event,certificateId,authorityId,transaction,args");
    expect(lines.some((line) => line.includes(",CertificateRevoked,") && line.includes('""reasonCode"":2'))).to.equal(
      true,
    );

    const answer = JSON.parse(asJson.stdout) as { certificate: { status: string }; history: { event: string }[] };
    expect(answer.certificate.status).to.equal("REVOKED");
    expect(answer.history.map((entry) => entry.event)).to.include.members(["CertificateIssued", "CertificateRevoked"]);
  });

  it("replaces a certificate with a corrected file; the old one becomes SUPERSEDED", async function () {
    const original = JSON.parse(await readFile(path.join(work, "friday", "coo-2.json"), "utf8")) as Record<
      string,
      unknown
    >;
    const corrected = path.join(work, "coo-2-corrected.json");
    await writeFile(corrected, JSON.stringify({ ...original, certificateNumber: uniqueNumber("PK-KCCI-R") }));
    const run = await tradeseal(["replace", issued[1], corrected, "--reason-code", "1"], as(chamberToken));
    expect(run.code, run.stderr).to.equal(0);
    const [, replacement] = run.stdout.match(ID) ?? [];
    expect(run.stdout).to.match(new RegExp(`^Replaced ${issued[1]} by ${replacement}: on chain in block \\d+`));
    await indexed();
    expect(await json(`${api.url}/v1/certificates/${issued[1]}`)).to.include({
      status: "SUPERSEDED",
      supersededBy: replacement,
    });
  });

  it("lets an accreditor register an authority with a signing key, suspend, reinstate it and rotate its key", async function () {
    const accreditor = await tradeseal(["token", "accreditor", "--country", "pk", "--data-dir", gateway.dataDir]);
    const token = accreditor.stdout.trim();
    expect(decodeJwt(token)).to.deep.include({ role: "accreditor", country: "PK" });
    const added = await tradeseal(
      ["authority", "add", "--name", "Lahore Chamber of Commerce", "--kind", "CHAMBER", "--valid-until", "2030-12-31"],
      as(token),
    );
    expect(added.code, added.stderr).to.equal(0);
    const authority = Number(
      /^Registered authority (\d+), Lahore Chamber of Commerce \(CHAMBER; COO_/m.exec(added.stdout)?.[1],
    );
    expect(added.stdout).to.match(/^Signing key 0x[0-9a-fA-F]{40}, valid until 2030-12-31: on chain/m);
    await indexed();

    const suspended = await tradeseal(["authority", "suspend", String(authority), "--reason-code", "3"], as(token));
    expect(suspended.stdout, suspended.stderr).to.match(new RegExp(`^Suspended authority ${authority}: on chain`));
    await indexed();
    expect(await json(`${api.url}/v1/authorities/${authority}`)).to.include({ status: "SUSPENDED" });

    const reinstated = await tradeseal(["authority", "reinstate", String(authority)], as(token));
    expect(reinstated.stdout, reinstated.stderr).to.match(new RegExp(`^Reinstated authority ${authority}: on chain`));
    const rotated = await tradeseal(["authority", "rotate-key", String(authority)], as(token));
    expect(rotated.code, rotated.stderr).to.equal(0);
    expect(rotated.stdout).to.match(
      /key 0x[0-9a-fA-F]{40} ended, key 0x[0-9a-fA-F]{40} valid until \d{4}-\d\d-\d\d: on chain/,
    );
    await indexed();
    const after = (await json(`${api.url}/v1/authorities/${authority}`)) as { status: string; signingKeys: unknown[] };
    expect(after.status).to.equal("ACTIVE");
    expect(after.signingKeys).to.have.length(2);

    const foreign = await tradeseal(["authority", "suspend", String(world.nppoKE.authorityId)], as(token));
    expect(foreign.code).to.equal(1);
    expect(foreign.stderr).to.include("Authorities of KE are managed by KE's accreditor; your token is for PK.");
  });

  it("rebuilds an index from the chain in its own process, and not while a gateway holds the database", async function () {
    const settings = {
      TRADESEAL_RPC_URL: chain.node.url,
      TRADESEAL_CHAIN_ID: String(chain.deployment.chainId),
      TRADESEAL_CERTIFICATE_REGISTRY: chain.deployment.certificateRegistry,
      TRADESEAL_AUTHORITY_REGISTRY: chain.deployment.authorityRegistry,
      TRADESEAL_DEPLOYMENT_BLOCK: String(chain.deployment.deploymentBlock),
      TRADESEAL_RELAYER: devAccount(1).address,
      TRADESEAL_DEV_KEYSTORE_PASSWORD: KEYSTORE_PASSWORD,
    };
    const dataDir = await mkdtemp(path.join(work, "reindex-"));
    const keystore = createDevKeystore({ directory: path.join(dataDir, "dev-keystore"), password: KEYSTORE_PASSWORD });
    await keystore.importKey(devAccount(1).privateKey, "relayer");
    const settingsFile = path.join(work, "reindex.env");
    await writeFile(
      settingsFile,
      Object.entries(settings)
        .map(([name, value]) => `${name}=${value}\n`)
        .join(""),
    );
    const [held, rebuilt] = await Promise.all([
      tradeseal(["reindex", "--data-dir", gateway.dataDir], { env: settings }),
      tradeseal(["reindex", "--data-dir", dataDir, "--settings", settingsFile]),
    ]);
    expect(held.code).to.equal(1);
    expect(held.stderr).to.include(`The embedded database under ${gateway.dataDir} is open in another process`);
    expect(rebuilt.code, rebuilt.stderr).to.equal(0);
    const block = Number(
      /^Index rebuilt up to block (\d+) \(0x[0-9a-f]{64}\) in [\d.]+ s\.$/m.exec(rebuilt.stdout)?.[1],
    );
    expect(block).to.be.at.least((await gateway.context.indexer.position())!.blockNumber);
  });

  it("deploys the registries with Ignition and prints the gateway's chain settings", async function () {
    const deploymentId = `cli-test-${process.pid}`;
    const settingsFile = path.join(work, "deployed.env");
    await writeFile(settingsFile, "TRADESEAL_DATA_DIR=/srv/tradeseal\nTRADESEAL_CHAIN_ID=1\n");
    let run: CliRun;
    try {
      run = await tradeseal([
        "deploy",
        "--rpc-url",
        chain.node.url,
        "--deployment-id",
        deploymentId,
        "--settings",
        settingsFile,
      ]);
    } finally {
      await rm(path.join(ROOT, "deploy", "deployments", deploymentId), { recursive: true, force: true });
    }
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    const written = await readFile(settingsFile, "utf8");
    expect(written).to.match(/^TRADESEAL_DATA_DIR=\/srv\/tradeseal\n/);
    expect(written.match(/TRADESEAL_CHAIN_ID=/g)).to.have.length(1);
    const provider = new JsonRpcProvider(chain.node.url, undefined, { staticNetwork: true });
    try {
      for (const name of ["TRADESEAL_AUTHORITY_REGISTRY", "TRADESEAL_CERTIFICATE_REGISTRY"]) {
        const address = new RegExp(`^${name}=(0x[0-9a-fA-F]{40})$`, "m").exec(run.stdout)?.[1];
        expect(written).to.include(`${name}=${address}\n`);
        expect(await provider.getCode(address!), name).to.not.equal("0x");
      }
    } finally {
      provider.destroy();
    }
    expect(run.stdout).to.include(`TRADESEAL_RPC_URL=${chain.node.url}\nTRADESEAL_CHAIN_ID=31337\n`);
    expect(run.stdout).to.match(/^TRADESEAL_DEPLOYMENT_BLOCK=\d+$/m);
  });
});
