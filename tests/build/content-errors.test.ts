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

/** A post saved as Latin-1 (Windows-1252): "é" is the byte 0xE9, at line 8, column 4. */
const LATIN_1_POST = Buffer.from(
  `---
title: "A post saved as Latin-1"
date: 2024-07-01
kind: article
tags: [Strategy]
---

Café crème.
`,
  "latin1",
);
const NOT_UTF8 =
  'not UTF-8: byte 0xE9 is "é" in Latin-1 \\(Windows-1252\\), which the file looks saved in: open it as Latin-1 and save it as UTF-8';

/** The messages of an error and of the errors that caused it, one a line. */
function messages(error: unknown): string {
  const chain: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause ?? (e as { originalError?: unknown }).originalError)
    chain.push(e.message);
  return chain.join("\n");
}

/** Writes `file` with `latin1` saved as Latin-1 in place of `replaced`; returns the line where it starts. */
function saveAsLatin1(file: string, replaced: string, latin1: string): number {
  const [head, tail] = readFileSync(file, "utf8").split(replaced);
  writeFileSync(file, Buffer.concat([Buffer.from(head!), Buffer.from(latin1, "latin1"), Buffer.from(tail!)]));
  return head!.split("\n").length;
}

const eleventyArgs = (input: string, output: string) => [
  path.join(ROOT, "node_modules/tsx/dist/cli.mjs"),
  path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"),
  "--config=.eleventy.ts",
  `--input=${input}`,
  `--output=${output}`,
];

/**
 * `npm run build`'s Eleventy on `project` in a process of its own, its exit code and all it
 * printed: a build that stops early leaves Eleventy copying files, which must not outlive the test.
 */
function buildInChild(project: { input: string; output: string }): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, eleventyArgs(project.input, project.output), { cwd: ROOT });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("content with errors", () => {
  const projects: ReturnType<typeof tempProject>[] = [];
  after(() => {
    for (const project of projects) project.remove();
  });

  it("stops the production build with the file, the line, the field and the problem", async () => {
    const project = tempProject("bad-build");
    projects.push(project);
    writeFileSync(path.join(project.input, "posts/2024-07-01-bad-date.md"), BAD_POST);
    const result = await buildInChild(project);
    assert.notEqual(result.code, 0);
    assert.match(result.output, /posts\/2024-07-01-bad-date\.md:3: field "date" "2024-13-45" is not a date/);
  });

  it("stops the build on a transcript error, naming the transcript's file and line, and only warns on a doubtful mark", async () => {
    const project = tempProject("bad-transcript");
    projects.push(project);
    const transcript = path.join(
      project.input,
      "posts/2024-06-09-exploring-leadership-and-open-source-with-maria-bracho/transcript.md",
    );
    const source = readFileSync(transcript, "utf8");
    const lines = source.split("\n");
    const line = lines.findIndex((l) => l.startsWith("Maria: Hi, Alexis.")) + 1;
    writeFileSync(transcript, source.replace("Maria: Hi, Alexis.", "Maira: Hi, Alexis."));
    await assert.rejects(buildSite(project.input, project.output), (error: Error) => {
      const chain: string[] = [];
      for (let e: unknown = error; e instanceof Error; e = e.cause ?? (e as { originalError?: unknown }).originalError)
        chain.push(e.message);
      assert.match(
        chain.join("\n"),
        new RegExp(
          `exploring-leadership-and-open-source-with-maria-bracho/transcript\\.md:${line}(:\\d+)?: "Maira:" is not a declared speaker`,
        ),
      );
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
    assert.ok(
      warnings.some((w) => /transcript\.md:\d+(:\d+)?: .*\[00:01:0/.test(w)),
      warnings.join("\n"),
    );
  });

  it("rejects the build through Eleventy's API too, so nothing half-built passes", async () => {
    const project = tempProject("bad-api");
    projects.push(project);
    writeFileSync(
      path.join(project.input, "posts/2024-07-01-untitled.md"),
      "---\ndate: 2024-07-01\nkind: article\n---\nBody.\n",
    );
    await assert.rejects(buildSite(project.input, project.output), (error: Error) => {
      const chain: string[] = [];
      for (let e: unknown = error; e instanceof Error; e = e.cause ?? (e as { originalError?: unknown }).originalError)
        chain.push(e.message);
      assert.match(chain.join("\n"), /2024-07-01-untitled\.md: field "title" is required/);
      return true;
    });
  });

  it("stops the production build on a post that is not UTF-8, at the line and column of its first such byte", async () => {
    const project = tempProject("latin-1-build");
    projects.push(project);
    writeFileSync(path.join(project.input, "posts/2024-07-01-latin-1.md"), LATIN_1_POST);
    const result = await buildInChild(project);
    assert.notEqual(result.code, 0);
    assert.match(result.output, new RegExp(`posts/2024-07-01-latin-1\\.md:8:4: ${NOT_UTF8}`));
  });

  it("stops the build on a data file that is not UTF-8 (redirects.json, any _data/*.json), naming it, the line and the column", async () => {
    const menu = tempProject("latin-1-data");
    const redirects = tempProject("latin-1-redirects");
    projects.push(menu, redirects);
    writeFileSync(path.join(menu.input, "_data/menu.json"), Buffer.from('{\n  "dish": "Caf\xe9"\n}\n', "latin1"));
    writeFileSync(
      path.join(redirects.input, "_data/redirects.json"),
      Buffer.from('[{ "from": "/caf\xe9/", "to": "/" }]\n', "latin1"),
    );
    const [a, b] = [await buildInChild(menu), await buildInChild(redirects)];
    assert.notEqual(a.code, 0);
    assert.match(a.output, new RegExp(`_data/menu\\.json:2:15: ${NOT_UTF8}`));
    assert.notEqual(b.code, 0);
    assert.match(b.output, new RegExp(`_data/redirects\\.json:1:17: ${NOT_UTF8}`));
  });

  it("stops the build on a transcript that is not UTF-8, naming the transcript, the line and the column", async () => {
    const project = tempProject("latin-1-transcript");
    projects.push(project);
    const transcript = path.join(
      project.input,
      "posts/2024-06-09-exploring-leadership-and-open-source-with-maria-bracho/transcript.md",
    );
    const line = saveAsLatin1(transcript, "Maria: Hi, Alexis.", "Maria: Hi, Alexis. Café.");
    await assert.rejects(buildSite(project.input, project.output), (error: Error) => {
      assert.match(
        messages(error),
        new RegExp(`exploring-leadership-and-open-source-with-maria-bracho/transcript\\.md:${line}:23: ${NOT_UTF8}`),
      );
      return true;
    });
  });

  it("under watch, prints the message for a post and a transcript that are not UTF-8, leaves them out and rebuilds once they are fixed", async () => {
    const project = tempProject("latin-1-watch");
    projects.push(project);
    const file = path.join(project.input, "posts/2024-07-01-latin-1.md");
    writeFileSync(file, LATIN_1_POST);
    const folder = "posts/2024-06-09-exploring-leadership-and-open-source-with-maria-bracho";
    const transcript = path.join(project.input, folder, "transcript.md");
    const line = saveAsLatin1(transcript, "Maria: Hi, Alexis.", "Maria: Hi, Alexis. Café.");
    const episodePage = path.join(
      project.output,
      "en/2024/06/09/exploring-leadership-and-open-source-with-maria-bracho/index.html",
    );
    const watch = watchSite(project.input, project.output);
    try {
      await watch.waitFor(() => /Watching/.test(watch.log()), "the watcher");
      assert.match(watch.log(), new RegExp(`posts/2024-07-01-latin-1\\.md:8:4: ${NOT_UTF8}`));
      assert.match(watch.log(), /posts\/2024-07-01-latin-1\.md is left out of the site until it is fixed/);
      assert.match(watch.log(), new RegExp(`${folder}/transcript\\.md:${line}:23: ${NOT_UTF8}`));
      assert.equal(watch.child.exitCode, null, "the watcher must keep running");
      assert.ok(
        !existsSync(path.join(project.output, "en/2024/07/01/a-post-saved-as-latin-1/index.html")),
        "the post is left out",
      );
      assert.ok(existsSync(episodePage), "the episode is written");
      assert.doesNotMatch(readFileSync(episodePage, "utf8"), /Caf\uFFFD/, "without the transcript read as mojibake");
      // Eleventy prints "Watching" before its file watcher has finished its first scan.
      await watch.waitForWatcher();
      writeFileSync(file, LATIN_1_POST.toString("latin1"));
      await watch.waitFor(
        () => existsSync(path.join(project.output, "en/2024/07/01/a-post-saved-as-latin-1/index.html")),
        "the fixed post to be written",
      );
      assert.match(
        readFileSync(path.join(project.output, "en/2024/07/01/a-post-saved-as-latin-1/index.html"), "utf8"),
        /Café crème/,
      );
    } finally {
      await watch.stop();
    }
  });

  it("stops the build on a redirect that leaves the site or takes the site's own address, and on an audio address that carries markup", async () => {
    const failure = async (prefix: string, change: (input: string) => void): Promise<string> => {
      const project = tempProject(prefix);
      projects.push(project);
      change(project.input);
      const result = await buildInChild(project);
      assert.notEqual(result.code, 0, result.output);
      return result.output;
    };
    const edit = (file: string, from: string, to: string) =>
      writeFileSync(file, readFileSync(file, "utf8").replace(from, to));
    const article = "posts/2024-04-10-playing-to-win.md";

    const takesSearch = await failure("own-address", (input) =>
      edit(path.join(input, article), "kind: article\n", 'kind: article\nredirect_from: ["/search/"]\n'),
    );
    assert.match(
      takesSearch,
      /posts\/2024-04-10-playing-to-win\.md:6: field "redirect_from\.0" \/search\/ is an address the site writes itself \(the search page\): no redirect can take it/,
    );

    const offSite = await failure("off-site", (input) =>
      writeFileSync(
        path.join(input, "_data/redirects.json"),
        JSON.stringify([{ from: "/old/", to: "/\\evil.example" }]),
      ),
    );
    assert.match(
      offSite,
      /_data\/redirects\.json: entry \[0\] \(from \/old\/\) field "to" \/\\evil\.example is not a path of this site: a browser would open evil\.example, another site/,
    );

    const markup = await failure("audio-markup", (input) =>
      edit(
        path.join(input, "posts/2024-06-09-exploring-leadership-and-open-source-with-maria-bracho/index.md"),
        "kind: episode\n",
        'kind: episode\naudio:\n  url: "https://cdn.example/a.mp3)<textarea>"\n  type: audio/mpeg\n  length: 1000\n  duration: "00:31:00"\n',
      ),
    );
    assert.match(
      markup,
      /maria-bracho\/index\.md:5: field "audio\.url" https:\/\/cdn\.example\/a\.mp3\)<textarea> has "\)", "<" and ">"/,
    );
  });

  it("under watch, shows the same message, keeps running and rebuilds once the file is fixed", async () => {
    const project = tempProject("bad-watch");
    projects.push(project);
    const file = path.join(project.input, "posts/2024-07-01-bad-date.md");
    writeFileSync(file, BAD_POST);
    const watch = watchSite(project.input, project.output);
    try {
      await watch.waitFor(
        () => /is not a date/.test(watch.log()) && /Watching/.test(watch.log()),
        "the error and the watcher",
      );
      assert.match(watch.log(), /posts\/2024-07-01-bad-date\.md:3: field "date" "2024-13-45" is not a date/);
      assert.equal(watch.child.exitCode, null, "the watcher must keep running");
      // Eleventy prints "Watching" before its file watcher has finished its first scan.
      await watch.waitForWatcher();
      writeFileSync(file, BAD_POST.replace("2024-13-45", "2024-07-01"));
      await watch.waitFor(
        () => existsSync(path.join(project.output, "en/2024/07/01/a-post-with-a-bad-date/index.html")),
        "the fixed post to be written",
      );
    } finally {
      await watch.stop();
    }
  });
});
