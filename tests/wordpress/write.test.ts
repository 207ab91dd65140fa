import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import { MANIFEST_FILE, targetPath, writePlan } from "../../src/wordpress/write.ts";

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "wp-write-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const files = (text: string) => [{ path: "posts/2024-06-09-a.md", text }];
const read = () => readFileSync(path.join(dir, "posts/2024-06-09-a.md"), "utf8");
const run = (text: string, options = { force: false, dryRun: false }) => writePlan(files(text), dir, options);

describe("writing an import into the content folder", () => {
  it("writes new files, then changes nothing when the same import runs again", () => {
    assert.deepEqual(run("one").written, ["posts/2024-06-09-a.md"]);
    const manifest = readFileSync(path.join(dir, MANIFEST_FILE), "utf8");
    const again = run("one");
    assert.deepEqual(again.unchanged, ["posts/2024-06-09-a.md"]);
    assert.equal(again.written.length + again.updated.length, 0);
    assert.equal(readFileSync(path.join(dir, MANIFEST_FILE), "utf8"), manifest);
  });

  it("updates a file the author did not touch when the export changed", () => {
    run("one");
    assert.deepEqual(run("two").updated, ["posts/2024-06-09-a.md"]);
    assert.equal(read(), "two");
  });

  it("keeps a file the author edited, and a file it never wrote, unless forced", () => {
    run("one");
    writeFileSync(path.join(dir, "posts/2024-06-09-a.md"), "edited by the author");
    assert.deepEqual(run("two").kept, ["posts/2024-06-09-a.md"]);
    assert.equal(read(), "edited by the author");
    assert.deepEqual(run("two").kept, ["posts/2024-06-09-a.md"], "still the author's on the next run");
    assert.deepEqual(run("two", { force: true, dryRun: false }).forced, ["posts/2024-06-09-a.md"]);
    assert.equal(read(), "two");
  });

  it("writes nothing on a dry run, yet says what it would do", () => {
    const outcome = run("one", { force: false, dryRun: true });
    assert.deepEqual(outcome.written, ["posts/2024-06-09-a.md"]);
    assert.equal(existsSync(path.join(dir, "posts")), false);
    assert.equal(existsSync(path.join(dir, MANIFEST_FILE)), false);
  });

  it("refuses a path outside the content folder", () => {
    assert.throws(() => targetPath(dir, "../evil.md"), /outside/);
    assert.throws(
      () => writePlan([{ path: "posts/../../evil.md", text: "x" }], dir, { force: true, dryRun: false }),
      /outside/,
    );
    assert.equal(existsSync(path.join(dir, "..", "evil.md")), false);
  });
});
