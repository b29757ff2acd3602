import { expect } from "chai";
import { definedOnly } from "../../../src/application/defined-only.js";

describe("definedOnly: options spread over defaults", function () {
  it("keeps a default when the option is given as undefined (as configFromEnv leaves unset settings)", function () {
    const defaults = { retryDelayMs: 250, maxRetryDelayMs: 15_000 };
    const given: { retryDelayMs?: number; maxRetryDelayMs?: number } = { retryDelayMs: undefined, maxRetryDelayMs: 0 };
    expect({ ...defaults, ...definedOnly(given) }).to.deep.equal({ retryDelayMs: 250, maxRetryDelayMs: 0 });
  });
});
