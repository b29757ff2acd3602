import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { freePort } from "../../fixtures/chain-node.js";
import { tradeseal } from "./run-tradeseal.js";

const SOME_ID = `0x${"ab".repeat(32)}`;
const COMMANDS = [
  [],
  ["start"],
  ["deploy"],
  ["authority"],
  ["authority", "add"],
  ["authority", "suspend"],
  ["authority", "reinstate"],
  ["authority", "rotate-key"],
  ["issue"],
  ["replace"],
  ["revoke"],
  ["verify"],
  ["trace"],
  ["reindex"],
  ["token"],
];

describe("tradeseal CLI without a gateway", function () {
  this.timeout(60_000);

  it("prints usage with an example for the program and for every command", async function () {
    const runs = await Promise.all(COMMANDS.map((command) => tradeseal([...command, "--help"])));
    runs.forEach((run, i) => {
      const name = ["tradeseal", ...COMMANDS[i]].join(" ");
      expect(run.code, `${name}: ${run.stderr}`).to.equal(0);
      expect(run.stdout, name).to.match(new RegExp(`^Usage: ${name} `));
      expect(run.stdout, name).to.match(/Examples?:\n {2}\$ (npx )?/);
    });
    for (const command of [
      "start",
      "deploy",
      "authority",
      "issue",
      "replace",
      "revoke",
      "verify",
      "trace",
      "reindex",
    ]) {
      expect(runs[0].stdout).to.include(`\n  ${command} `);
    }
    expect(runs[0].stdout).to.match(/token \[options\] <role>\s+make a DEV-ONLY token/);
  });

  it("says UNAVAILABLE with exit code 2 when no gateway answers, and how to start one", async function () {
    const nobody = `http://127.0.0.1:${await freePort()}`;
    const run = await tradeseal(["verify", SOME_ID], { gateway: nobody });
    expect(run.code).to.equal(2);
    expect(run.stderr).to.include(`No gateway at ${nobody}: start one with \`npx tradeseal start\` or pass --gateway`);
    expect(run.stderr).to.include("UNAVAILABLE: it cannot be checked now");
    expect(run.stdout).to.equal("");
  });

  it("treats command-line mistakes as such (exit code 64), never as INVALID", async function () {
    const [typo, noReason, badGateway] = await Promise.all([
      tradeseal(["verify", "0x12345"]),
      tradeseal(["revoke", SOME_ID]),
      tradeseal(["verify", SOME_ID, "--gateway", "localhost:8080"]),
    ]);
    expect(typo.code).to.equal(64);
    expect(typo.stderr).to.include("neither a certificate id (0x followed by 64 hex digits) nor a file");
    expect(noReason.code).to.equal(64);
    expect(noReason.stderr).to.include("required option '--reason <text>' not specified");
    expect(badGateway.code).to.equal(1);
    expect(badGateway.stderr).to.include("--gateway must be an http:// or https:// URL");
  });

  it("stops an issuance before sending anything when no token is given, and says how to get one", async function () {
    const folder = await mkdtemp(path.join(os.tmpdir(), "tradeseal-cli-"));
    try {
      await writeFile(path.join(folder, "a.json"), "{}");
      const run = await tradeseal(["issue", folder, "--no-progress"], { gateway: "http://127.0.0.1:1" });
      expect(run.code).to.equal(1);
      expect(run.stderr).to.include("pass --token <jwt> or set TRADESEAL_TOKEN");
      expect(run.stdout).to.match(/a\.json\s+│\s+│\s+NOT SENT/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("hands its options on to npm start", async function () {
    const run = await tradeseal(["start", "--port", "not-a-port"]);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.include('"not-a-port" is not a port number');
  });
});
