import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getOrMake } from "../../src/maps/get-or-make.ts";

describe("getOrMake", () => {
  it("makes a key's value once, and gives the kept one after", () => {
    const made: string[] = [];
    const cache = new Map<string, string[]>();
    const make = (key: string) => {
      made.push(key);
      return [key];
    };
    const first = getOrMake(cache, "a", make);
    const again = getOrMake(cache, "a", make);
    assert.equal(again, first);
    assert.deepEqual(made, ["a"]);
  });

  it("keeps a value that is falsy: 0, an empty string, undefined", () => {
    const cache = new Map<string, number | string | undefined>();
    let calls = 0;
    for (const value of [0, "", undefined]) {
      const key = String(value);
      const make = (made: number | string | undefined) => () => {
        calls++;
        return made;
      };
      getOrMake(cache, key, make(value));
      assert.equal(getOrMake(cache, key, make("other")), value);
    }
    assert.equal(calls, 3);
  });

  it("works with a WeakMap", () => {
    const cache = new WeakMap<object, number>();
    const key = {};
    assert.equal(
      getOrMake(cache, key, () => 1),
      1,
    );
    assert.equal(
      getOrMake(cache, key, () => 2),
      1,
    );
  });
});
