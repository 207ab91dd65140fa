import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { writeSilentWav } from "../support/audio.ts";
import { buildSite, listFiles, readDocument, ROOT, tempProject } from "../support/build.ts";
import { brokenInternalLinks, duplicateIds } from "../support/links.ts";
import { readSearchRecords } from "../support/search.ts";
import { parseVtt } from "../transcript/helpers.ts";

const VNU = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");
const HOSTILE_URL = "/en/2024/07/05/hostile-episode/";
const HOSTILE_TITLE =
  'Pwned </script><script>window.__pwned=1</script> "quoted" <img src=x onerror="window.__pwned=2"> & more';
const OUR_SCRIPTS = new Set([
  "/assets/transcript.js",
  "/assets/highlight.js",
  "/assets/search.js",
  "/assets/old-links.js",
  "/pagefind/pagefind-component-ui.js",
]);

function withFixtures(name: string) {
  const project = tempProject(name);
  cpSync(
    path.join(ROOT, "tests/fixtures/episode-with-audio"),
    path.join(project.input, "posts/2024-07-01-fixture-episode"),
    { recursive: true },
  );
  cpSync(path.join(ROOT, "tests/fixtures/hostile"), path.join(project.input, "posts"), { recursive: true });
  return project;
}

const project = withFixtures("quality");
const out = project.output;
const files = () => listFiles(out);
const read = (file: string) => readFileSync(path.join(out, file), "utf8");

describe("quality gates on the built site", () => {
  before(async () => {
    await buildSite(project.input, out);
    // The fixture episode's audio, as its host would serve it.
    mkdirSync(path.join(out, "media"));
    writeSilentWav(path.join(out, "media/fixture-episode.wav"), 2);
  });
  after(() => project.remove());

  it("is valid HTML: the Nu HTML Checker finds no error in any page", () => {
    const pages = files()
      .filter((f) => f.endsWith(".html"))
      .map((f) => path.join(out, f));
    let report = "";
    try {
      execFileSync("java", ["-jar", VNU, "--errors-only", "--format", "gnu", ...pages], {
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (error) {
      report = String((error as { stderr?: string }).stderr ?? error);
    }
    assert.equal(report, "");
    assert.ok(pages.length > 40, `${pages.length} pages checked`);
  });

  it("has no broken internal link or anchor and no id twice on a page", () => {
    assert.deepEqual(brokenInternalLinks(out), []);
    assert.deepEqual(duplicateIds(out), []);
  });

  it("keeps hostile strings inert in every HTML page: no injected script, handler or javascript: URL", () => {
    const injected: string[] = [];
    for (const file of files().filter((f) => f.endsWith(".html"))) {
      const doc = readDocument(path.join(out, file));
      for (const script of doc.querySelectorAll("script")) {
        const type = script.getAttribute("type");
        const ours =
          (type === "module" && OUR_SCRIPTS.has(script.getAttribute("src") ?? "")) ||
          type === "application/ld+json" ||
          type === "text/pagefind-template";
        if (!ours) injected.push(`${file}: <script ${type ?? ""} ${script.getAttribute("src") ?? ""}>`);
      }
      for (const element of doc.querySelectorAll("*")) {
        for (const name of element.getAttributeNames()) {
          if (name.startsWith("on")) injected.push(`${file}: ${element.tagName} ${name}`);
          if (
            ["href", "src", "action", "formaction"].includes(name) &&
            /^\s*javascript:/i.test(element.getAttribute(name)!)
          )
            injected.push(`${file}: ${element.tagName} ${name}=javascript:`);
        }
      }
      if (doc.querySelector('svg, img[src="x"]')) injected.push(`${file}: injected svg or img`);
    }
    assert.deepEqual(injected, []);
    const page = readDocument(path.join(out, HOSTILE_URL, "index.html"));
    assert.equal(page.querySelector("h1")!.textContent, HOSTILE_TITLE);
    assert.equal(page.querySelector("title")!.textContent, `${HOSTILE_TITLE} · Alexis Monville`);
    assert.match(
      page.querySelector("#transcript")!.textContent!,
      /^<\/script><script>window\.__pwned=11<\/script> Transcript$/,
    );
  });

  it("escapes hostile strings inside the JSON-LD script", () => {
    const script = readDocument(path.join(out, HOSTILE_URL, "index.html")).querySelector(
      'script[type="application/ld+json"]',
    )!;
    const raw = script.textContent!;
    assert.doesNotMatch(raw, /<\/script|<!--|<img|<script/i);
    const data = JSON.parse(raw);
    assert.equal(data.name, HOSTILE_TITLE);
    assert.deepEqual(
      data.actor.map((a: { name: string }) => a.name),
      ["Alexis Monville", 'Eve <img src=x onerror=window.__pwned=8> "Mallory"', "javascript:window.__pwned=10"],
    );
  });

  it("escapes hostile strings in the feeds, which still parse", () => {
    for (const file of ["feed.xml", "podcast.xml"]) assert.doesNotMatch(read(file), /<script|<img|<svg/i, file);
    const atom = parseAtomFeed(read("feed.xml"));
    const entry = atom.entries!.find((e) => (e.links?.[0]?.href ?? "").endsWith(HOSTILE_URL))!;
    assert.equal(
      typeof entry.title === "string" ? entry.title : (entry.title as { value: string }).value,
      HOSTILE_TITLE,
    );
    assert.deepEqual(
      entry.categories?.map((c) => c.term),
      ["<script>window.__pwned=6</script>", "javascript:alert(1)", '"><img src=x onerror=window.__pwned=7>'],
    );
    const json = parseJsonFeed(JSON.parse(read("feed.json")));
    assert.equal(json.items!.find((i) => i.url!.endsWith(HOSTILE_URL))!.title, HOSTILE_TITLE);
    const podcast = parseRssFeed(read("podcast.xml"));
    assert.ok(
      podcast.items?.every((item) => item.title !== HOSTILE_TITLE),
      "the hostile episode has no audio, so it is not in the podcast feed",
    );
  });

  it("escapes hostile strings in the transcript downloads", () => {
    const vtt = read(`${HOSTILE_URL}transcript.vtt`);
    const parsed = parseVtt(vtt);
    assert.deepEqual(parsed.errors, []);
    assert.doesNotMatch(vtt.replace(/<v [^>\n]*>/g, ""), /<(script|img|svg|a)\b/i);
    assert.match(vtt, /<v Eve &lt;img src=x onerror=window.__pwned=8&gt; "Mallory">/);
    const json = JSON.parse(read(`${HOSTILE_URL}transcript.json`));
    assert.equal(
      json.segments[1].body,
      `Sure: </script><img src=x onerror="window.__pwned=13"> and <a href="javascript:window.__pwned=14">click</a> & "quotes" 'single'.`,
    );
  });

  it("builds the same input into byte-identical output twice", async () => {
    const again = withFixtures("quality-again");
    try {
      await buildSite(again.input, again.output);
      const first = files().filter((file) => !file.startsWith("media/"));
      assert.deepEqual(listFiles(again.output), first);
      const different = first.filter(
        (file) => !readFileSync(path.join(out, file)).equals(readFileSync(path.join(again.output, file))),
      );
      assert.deepEqual(different, []);
    } finally {
      again.remove();
    }
  });

  it("loses nothing: every published post has its page, its feed entries, its search record, and every turn its search anchor", () => {
    const postPages = files().filter((f) => /^en\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(f));
    const published = listFiles(path.join(project.input, "posts")).filter(
      (f) => f.endsWith(".md") && path.basename(f) !== "transcript.md",
    );
    assert.equal(postPages.length, published.length);
    assert.equal(parseAtomFeed(read("feed.xml")).entries?.length, published.length);
    assert.equal(parseJsonFeed(JSON.parse(read("feed.json"))).items?.length, published.length);

    const fragments = readSearchRecords(out);
    const pageRecords = fragments
      .filter((f) => !f.url.includes("#"))
      .map((f) => f.url)
      .sort();
    assert.deepEqual(pageRecords, postPages.map((f) => `/${path.dirname(f)}/`).sort());
    for (const file of postPages) {
      const url = `/${path.dirname(file)}/`;
      const turns = [...readDocument(path.join(out, file)).querySelectorAll(".transcript .turn")]
        .filter((t) => t.querySelector("p:not(.turn-head)"))
        .map((t) => t.id);
      const anchors = fragments.filter((f) => f.url.startsWith(`${url}#`)).flatMap((f) => f.anchors.map((a) => a.id));
      assert.deepEqual([...anchors].sort(), [...turns].sort(), url);
    }
  });

  it("replaces the search index of an earlier build in the same folder, leaving no stale files", async () => {
    const before = listFiles(path.join(out, "pagefind")).filter((f) => f.endsWith(".pf_meta"));
    assert.equal(before.length, 1);
    writeFileSync(
      path.join(project.input, "posts/2024-07-06-one-more.md"),
      "---\ntitle: One More\ndate: 2024-07-06\nkind: article\n---\nQuuxwordly.\n",
    );
    try {
      await buildSite(project.input, out);
      const after = listFiles(path.join(out, "pagefind")).filter((f) => f.endsWith(".pf_meta"));
      assert.equal(after.length, 1);
      assert.notDeepEqual(after, before);
    } finally {
      rmSync(path.join(project.input, "posts/2024-07-06-one-more.md"));
    }
  });
});
