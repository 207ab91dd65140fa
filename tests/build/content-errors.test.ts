import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { buildSite, ROOT, tempProject, watchSite } from "../support/build.ts";

const BAD_POST = `---
title: "A post with a bad date"
date: 2024-13-45
kind: article
tags: [Strategy]
---

Body.
`;

const eleventyArgs = (input: string, output: string) => [
  path.join(ROOT, "node_modules/tsx/dist/cli.mjs"),
  path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"),
  "--config=.eleventy.ts",
  `--input=${input}`,
  `--output=${output}`,
];

describe("content with errors", () => {
  const projects: ReturnType<typeof tempProject>[] = [];
  after(() => projects.forEach((p) => p.remove()));

  it("stops the production build with the file, the line, the field and the problem", async () => {
    const project = tempProject("bad-build");
    projects.push(project);
    writeFileSync(path.join(project.input, "posts/2024-07-01-bad-date.md"), BAD_POST);
    const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, eleventyArgs(project.input, project.output), { cwd: ROOT });
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      child.on("close", (code) => resolve({ code, output }));
    });
    assert.notEqual(result.code, 0);
    assert.match(result.output, /posts\/2024-07-01-bad-date\.md:3: field "date" "2024-13-45" is not a date/);
  });

  it("stops the build on a transcript error, naming the transcript's file and line, and only warns on a doubtful mark", async () => {
    const project = tempProject("bad-transcript");
    projects.push(project);
    const transcript = path.join(project.input, "posts/2024-06-09-exploring-leadership-and-open-source-with-maria-bracho/transcript.md");
    const source = readFileSync(transcript, "utf8");
    const lines = source.split("\n");
    const line = lines.findIndex((l) => l.startsWith("Maria: Hi, Alexis.")) + 1;
    writeFileSync(transcript, source.replace("Maria: Hi, Alexis.", "Maira: Hi, Alexis."));
    await assert.rejects(buildSite(project.input, project.output), (error: Error) => {
      const chain: string[] = [];
      for (let e: unknown = error; e instanceof Error; e = e.cause ?? (e as { originalError?: unknown }).originalError) chain.push(e.message);
      assert.match(chain.join("\n"), new RegExp(`exploring-leadership-and-open-source-with-maria-bracho/transcript\\.md:${line}(:\\d+)?: "Maira:" is not a declared speaker`));
      return true;
    });

    writeFileSync(transcript, source.replace("[00:01:00]", "[00:01:0"));
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      await buildSite(project.input, project.output);
    } finally {
      console.warn = warn;
    }
    assert.ok(warnings.some((w) => /transcript\.md:\d+(:\d+)?: .*\[00:01:0/.test(w)), warnings.join("\n"));
  });

  it("rejects the build through Eleventy's API too, so nothing half-built passes", async () => {
    const project = tempProject("bad-api");
    projects.push(project);
    writeFileSync(path.join(project.input, "posts/2024-07-01-untitled.md"), "---\ndate: 2024-07-01\nkind: article\n---\nBody.\n");
    await assert.rejects(buildSite(project.input, project.output), (error: Error) => {
      const chain: string[] = [];
      for (let e: unknown = error; e instanceof Error; e = e.cause ?? (e as { originalError?: unknown }).originalError) chain.push(e.message);
      assert.match(chain.join("\n"), /2024-07-01-untitled\.md: field "title" is required/);
      return true;
    });
  });

  it("under watch, shows the same message, keeps running and rebuilds once the file is fixed", async () => {
    const project = tempProject("bad-watch");
    projects.push(project);
    const file = path.join(project.input, "posts/2024-07-01-bad-date.md");
    writeFileSync(file, BAD_POST);
    const watch = watchSite(project.input, project.output);
    try {
      await watch.waitFor(() => /is not a date/.test(watch.log()) && /Watching/.test(watch.log()), "the error and the watcher");
      assert.match(watch.log(), /posts\/2024-07-01-bad-date\.md:3: field "date" "2024-13-45" is not a date/);
      assert.equal(watch.child.exitCode, null, "the watcher must keep running");
      // Eleventy prints "Watching" before its file watcher has finished its first scan.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      writeFileSync(file, BAD_POST.replace("2024-13-45", "2024-07-01"));
      await watch.waitFor(() => existsSync(path.join(project.output, "en/2024/07/01/a-post-with-a-bad-date/index.html")), "the fixed post to be written");
    } finally {
      await watch.stop();
    }
  });
});
