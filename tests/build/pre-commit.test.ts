import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ROOT } from "../support/build.ts";

/**
 * The pre-commit hook as an author turns it on (`npm run hooks`) and meets it: in a git
 * repository holding a copy of the project, commits run `npm run check` only when they stage
 * content, and a broken post stops the commit with the check's message.
 */
describe("the pre-commit hook", () => {
  mkdirSync(path.join(ROOT, "tests/.tmp"), { recursive: true });
  const repo = mkdtempSync(path.join(ROOT, "tests/.tmp", "pre-commit-"));
  const run = (command: string, args: string[]) =>
    spawnSync(command, args, {
      cwd: repo,
      encoding: "utf8",
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: "Author",
        GIT_AUTHOR_EMAIL: "a@example.com",
        GIT_COMMITTER_NAME: "Author",
        GIT_COMMITTER_EMAIL: "a@example.com",
      },
    });
  const git = (...args: string[]) => run("git", args);
  const commits = () => Number(git("rev-list", "--count", "HEAD").stdout.trim());
  const commit = (message: string) => git("commit", "-m", message);
  const POST = "content/posts/2024-04-10-playing-to-win.md";

  before(() => {
    for (const entry of ["package.json", "lint-staged.config.js", "tsconfig.json", "content", "src", "scripts"])
      cpSync(path.join(ROOT, entry), path.join(repo, entry), { recursive: true });
    symlinkSync(path.join(ROOT, "node_modules"), path.join(repo, "node_modules"));
    writeFileSync(path.join(repo, ".gitignore"), "node_modules\n");
    git("init", "-q", "-b", "main");
    git("add", "-A");
    assert.equal(commit("the project").status, 0);
    const hooks = run("npm", ["run", "hooks"]);
    assert.equal(hooks.status, 0, hooks.stderr);
    assert.ok(existsSync(path.join(repo, ".git/hooks/pre-commit")), "one command turns the hook on");
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it("lets a commit that touches no content through without checking anything", () => {
    writeFileSync(path.join(repo, "NOTES.md"), "Ideas for next month.\n");
    git("add", "NOTES.md");
    const result = commit("notes");
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stdout + result.stderr, /npm run check/);
  });

  it("stops a commit that stages a broken post, with the check's file:line message, and lets the fixed one through", () => {
    const before = commits();
    const source = readFileSync(path.join(repo, POST), "utf8");
    writeFileSync(path.join(repo, POST), source.replace(/^date: .*$/m, "date: someday"));
    git("add", POST);
    const refused = commit("a broken date");
    assert.notEqual(refused.status, 0);
    assert.match(refused.stdout + refused.stderr, /content\/posts\/2024-04-10-playing-to-win\.md:\d+: field "date"/);
    assert.equal(commits(), before, "nothing committed");

    writeFileSync(path.join(repo, POST), source.replace("Playing to Win", "Playing to Win, Again"));
    git("add", POST);
    const accepted = commit("a new title");
    assert.equal(accepted.status, 0, accepted.stdout + accepted.stderr);
    assert.match(accepted.stdout + accepted.stderr, /\[COMPLETED\] npm run check/);
    assert.equal(commits(), before + 1);
  });

  it("checks what is staged, not what is only in the working tree", () => {
    const before = commits();
    const source = readFileSync(path.join(repo, POST), "utf8");
    writeFileSync(path.join(repo, POST), `${source}\nA new paragraph.\n`);
    git("add", POST);
    writeFileSync(path.join(repo, POST), source.replace(/^date: .*$/m, "date: someday"));
    const result = commit("a new paragraph");
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.equal(commits(), before + 1);
    assert.match(
      readFileSync(path.join(repo, POST), "utf8"),
      /^date: someday$/m,
      "the unstaged edit is left as it was",
    );
    writeFileSync(path.join(repo, POST), source);
    git("add", POST);
    assert.equal(commit("back").status, 0);
  });

  it("refuses a post staged without the new image it shows, which is only in the working tree, and takes both together", () => {
    const before = commits();
    const source = readFileSync(path.join(repo, POST), "utf8");
    mkdirSync(path.join(repo, "content/images"), { recursive: true });
    cpSync(path.join(ROOT, "content/assets/favicon.svg"), path.join(repo, "content/images/map.svg"));
    writeFileSync(
      path.join(repo, POST),
      `${source}
![The map of the market](/images/map.svg)
`,
    );
    git("add", POST);
    const refused = commit("a post with a map");
    assert.notEqual(refused.status, 0);
    assert.match(
      refused.stdout + refused.stderr,
      /content\/posts\/2024-04-10-playing-to-win\.md:\d+: image \/images\/map\.svg: no such file content\/images\/map\.svg/,
    );
    assert.equal(commits(), before, "nothing committed");
    git("add", "content/images/map.svg");
    const accepted = commit("a post with a map");
    assert.equal(accepted.status, 0, accepted.stdout + accepted.stderr);
    assert.equal(commits(), before + 1);
  });
});
