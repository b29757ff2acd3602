import { expect } from "chai";
import { GenerationMemo } from "../../../src/application/generation-memo.js";

describe("GenerationMemo: reads shared until their generation changes", function () {
  it("makes one read for every caller of a key within a generation, in flight or done", async function () {
    const memo = new GenerationMemo();
    let reads = 0;
    const read = async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { answer: reads };
    };
    const [a, b] = await Promise.all([memo.get("block-1", "k", read), memo.get("block-1", "k", read)]);
    const c = await memo.get("block-1", "k", read);
    expect(reads).to.equal(1);
    expect(a).to.equal(b).and.to.equal(c);
  });

  it("reads anew when the generation changes, and keeps keys apart", async function () {
    const memo = new GenerationMemo();
    let reads = 0;
    const read = () => Promise.resolve(++reads);
    expect(await memo.get("block-1", "a", read)).to.equal(1);
    expect(await memo.get("block-1", "b", read)).to.equal(2);
    expect(await memo.get("block-2", "a", read)).to.equal(3);
    expect(await memo.get("block-2", "a", read)).to.equal(3);
  });

  it("does not remember a failed read: the next caller tries again", async function () {
    const memo = new GenerationMemo();
    let calls = 0;
    const flaky = () => (++calls === 1 ? Promise.reject(new Error("node down")) : Promise.resolve("up"));
    await memo.get("g", "k", flaky).then(
      () => expect.fail("the first read fails"),
      (error: Error) => expect(error.message).to.equal("node down"),
    );
    expect(await memo.get("g", "k", flaky)).to.equal("up");
    expect(calls).to.equal(2);
  });

  it("starts over when it holds its maximum, so ids asked once each cannot grow it without bound", async function () {
    const memo = new GenerationMemo(3);
    let reads = 0;
    const read = () => Promise.resolve(++reads);
    for (const key of ["a", "b", "c"]) await memo.get("g", key, read);
    await memo.get("g", "d", read);
    expect(await memo.get("g", "a", read)).to.equal(5);
    expect(await memo.get("g", "d", read)).to.equal(4);
  });
});
