import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readableCount } from "../../src/posts/counts.ts";

describe("counts of posts as pages show them", () => {
  it("groups thousands as the site's language does", () => {
    assert.equal(readableCount(12, "en"), "12");
    assert.equal(readableCount(1000, "en"), "1,000");
    assert.equal(readableCount(10000, "en"), "10,000");
    assert.equal(readableCount(1000, "fr"), "1\u202f000");
  });
});
