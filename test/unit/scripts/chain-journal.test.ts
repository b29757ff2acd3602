import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { ChainJournal, JournalError, type JournalBlock, type JournalGenesis } from "../../../scripts/chain-journal.js";

const hash = (n: number): string => `0x${n.toString(16).padStart(64, "0")}`;
const GENESIS: JournalGenesis = { chainId: 31337, timestamp: 1_790_000_000, hash: hash(1), stateRoot: hash(2) };
const block = (number: number): JournalBlock => ({
  number,
  timestamp: GENESIS.timestamp + number,
  hash: hash(100 + number),
  stateRoot: hash(200 + number),
  transactions: [`0x02${"ab".repeat(number)}`],
});

describe("ChainJournal: the blocks of the demo chain, one JSON line each", function () {
  let directory: string;

  beforeEach(async function () {
    directory = await mkdtemp(path.join(os.tmpdir(), "tradeseal-journal-"));
  });

  afterEach(async function () {
    await rm(directory, { recursive: true, force: true });
  });

  it("reads back the genesis and the blocks appended after it", function () {
    expect(ChainJournal.exists(directory)).to.equal(false);
    const journal = ChainJournal.create(directory, GENESIS);
    journal.append(block(1));
    journal.append(block(2));
    const { journal: read, blocks } = ChainJournal.read(directory);
    expect(read.genesis).to.deep.equal(GENESIS);
    expect(read.headNumber).to.equal(2);
    expect(blocks).to.deep.equal([block(1), block(2)]);
  });

  it("refuses to append a block that does not follow the last one", function () {
    const journal = ChainJournal.create(directory, GENESIS);
    journal.append(block(1));
    expect(() => journal.append(block(3))).to.throw(JournalError, "Block 3 cannot follow block 1");
  });

  it("rewrites the blocks under new hashes in place", function () {
    const journal = ChainJournal.create(directory, GENESIS);
    journal.append(block(1));
    const rehashed = journal.rewrite({ ...GENESIS, hash: hash(9) }, [{ ...block(1), hash: hash(99) }]);
    rehashed.append(block(2));
    const { journal: read, blocks } = ChainJournal.read(directory);
    expect(read.genesis.hash).to.equal(hash(9));
    expect(blocks.map((b) => b.hash)).to.deep.equal([hash(99), block(2).hash]);
  });

  it("refuses a damaged line, naming it and how to start over", async function () {
    const journal = ChainJournal.create(directory, GENESIS);
    journal.append(block(1));
    await writeFile(journal.file, (await readFile(journal.file, "utf8")) + '{"number":2,"timesta');
    expect(() => ChainJournal.read(directory))
      .to.throw(JournalError, "damaged at line 3")
      .with.property("message")
      .that.includes("npm start -- --reset");
  });

  it("refuses a block out of its place", async function () {
    const journal = ChainJournal.create(directory, GENESIS);
    journal.append(block(1));
    await writeFile(journal.file, (await readFile(journal.file, "utf8")) + `${JSON.stringify(block(5))}\n`);
    expect(() => ChainJournal.read(directory)).to.throw(JournalError, "has block 5 where block 2 belongs (line 3)");
  });
});
