import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import matter from "gray-matter";
import { buildSite, listFiles, normalizeText, readDocument, ROOT, tempProject } from "../support/build.ts";
import { brokenInternalLinks, duplicateIds } from "../support/links.ts";
import { readSearchRecords } from "../support/search.ts";
import { sharedSite } from "../support/shared-site.ts";
import { missingSeedUnits, readSeedPosts } from "../support/seed.ts";
import { documentFile } from "../../src/search/documents.ts";
import { searchDocumentsFolder } from "../../src/search/documents-folder.ts";
import { indexSearchDocuments } from "../../src/search/index-documents.ts";
import { decodeRecordPosts } from "../../src/search/ranking.ts";
import {
  decodeWordShard,
  decodeWordShardIndex,
  shardFiles,
  WORD_SHARD_INDEX,
  WORD_SHARDS_DIR,
} from "../../src/search/corrections.ts";

const EXPECTED_POST_URLS = [
  "/en/2024/06/09/exploring-leadership-and-open-source-with-maria-bracho/",
  "/en/2024/05/20/mindsets-for-the-future/",
  "/en/2024/05/03/engineering-leadership-at-scale-navigating-complexity-and-change-with-tamar-bercovici/",
  "/en/2024/04/10/playing-to-win/",
  "/en/2024/03/15/trust-excellence-customer-delight/",
  "/en/2024/02/23/leadership-a-contested-term/",
  "/en/2024/02/16/revisiting-good-strategy-bad-strategy/",
  "/en/2024/02/09/redefining-growth-pearlsides-vision-beyond-numbers/",
  "/en/2024/02/02/outcome-based-leadership-without-the-bureaucracy/",
  "/en/2024/01/29/the-art-of-thinking-25-insights-into-human-misjudgment-from-charlie-munger/",
  "/en/2024/01/24/navigating-the-evolution-of-cloud-infrastructure-insights-from-michael-galloway/",
  "/en/2024/01/10/crafting-compelling-investor-update-emails-a-guide-for-startup-founders/",
];

const project = sharedSite("content");
const out = project.output;
const fileOf = (url: string) =>
  path.join(out, url.split("#")[0]!, url.endsWith("/") || url.includes("/#") ? "index.html" : "");
const page = (url: string) => readDocument(fileOf(url));

/** Front matter of every post as committed, read with gray-matter's own YAML, not the site's code. */
function committedPosts() {
  return listFiles(path.join(ROOT, "content/posts"))
    .filter((file) => file.endsWith(".md") && path.basename(file) !== "transcript.md")
    .map(
      (file) =>
        matter(readFileSync(path.join(ROOT, "content/posts", file), "utf8")).data as {
          title: string;
          tags: string[];
          kind: string;
        },
    );
}

/** The folders of search documents in the system's temporary folder (src/search/plugin.ts). */
/** The temporary folder a build into `output` writes its search documents to (other builds on the machine have their own). */
const searchDocumentsDir = (output: string) => searchDocumentsFolder(output).dir;

describe("the built site", () => {
  before(() => project.build());
  after(() => project.release());

  it("has the 12 seed posts at their original URLs, each titled by its only h1", () => {
    const built = listFiles(path.join(out, "en")).filter((f) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(f));
    assert.deepEqual(built.map((f) => `/en/${path.dirname(f)}/`).sort(), [...EXPECTED_POST_URLS].sort());
    const seedTitles = readSeedPosts().map((p) => p.title);
    EXPECTED_POST_URLS.forEach((url, index) => {
      const h1s = page(url).querySelectorAll("h1");
      assert.equal(h1s.length, 1, url);
      assert.equal(normalizeText(h1s[0]!.textContent ?? ""), seedTitles[index], url);
    });
  });

  it("keeps every paragraph, list item and numbered item of the seed on its post's page", () => {
    const seed = readSeedPosts();
    assert.equal(seed.length, 12);
    let checked = 0;
    seed.forEach((post, index) => {
      const text = normalizeText(page(EXPECTED_POST_URLS[index]!).querySelector("main")!.textContent ?? "");
      assert.deepEqual(missingSeedUnits(post, text), [], `missing from "${post.title}"`);
      checked += post.units.length;
    });
    assert.ok(checked > 800, `only ${checked} seed units found`);
  });

  it("lists posts newest first on the home page, episodes marked apart from articles", () => {
    const home = page("/");
    const cards = [...home.querySelectorAll(".post-card")];
    assert.deepEqual(
      cards.map((card) => card.querySelector("a")!.getAttribute("href")),
      EXPECTED_POST_URLS,
    );
    const episodes = cards.filter((card) => card.querySelector(".kind")!.textContent === "Episode");
    assert.equal(episodes.length, 5);
    for (const card of episodes) assert.ok(card.classList.contains("post-card--episode"));
    // All 12 fit on the home page: no link to the rest (tests/build/home.test.ts has more posts).
    assert.equal(home.querySelector("p.more"), null);
  });

  it("shows each date on its own day, readable and machine-readable", () => {
    const maria = page(EXPECTED_POST_URLS[0]!);
    const time = maria.querySelector(".post-header time")!;
    assert.equal(time.getAttribute("datetime"), "2024-06-09");
    assert.equal(time.textContent, "June 9, 2024");
    for (const file of listFiles(out).filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(path.join(out, file), "utf8");
      assert.doesNotMatch(html, /June 8, 2024|2024-06-08/, file);
    }
  });

  it("lists on each tag page exactly the posts that carry the tag, newest first", () => {
    const posts = committedPosts();
    const tagIndex = page("/tags/");
    const tagLinks = [...tagIndex.querySelectorAll(".tag-index li")];
    const allTags = new Set(posts.flatMap((p) => p.tags));
    assert.equal(tagLinks.length, allTags.size);
    for (const li of tagLinks) {
      const name = li.querySelector("a")!.textContent!;
      const expected = posts
        .filter((p) => p.tags.includes(name))
        .map((p) => p.title)
        .sort();
      assert.match(li.querySelector(".count")!.textContent!, new RegExp(`^${expected.length} posts?$`), name);
      const tagPage = page(li.querySelector("a")!.getAttribute("href")!);
      const listed = [...tagPage.querySelectorAll(".post-card-title a")].map((a) => a.textContent!);
      assert.deepEqual([...listed].sort(), expected, name);
      const urls = [...tagPage.querySelectorAll(".post-card-title a")].map((a) => a.getAttribute("href")!);
      const order = urls.map((url) => EXPECTED_POST_URLS.indexOf(url));
      assert.ok(
        order.every((value, i) => i === 0 || value >= order[i - 1]!),
        `${name} is not newest first`,
      );
    }
  });

  it("leaves no temporary search documents behind", () => {
    assert.equal(existsSync(searchDocumentsDir(out)), false);
  });

  it("has an archive by year, an about page and a 404 page", () => {
    const archive = page("/archive/");
    assert.equal(archive.querySelectorAll(".post-card").length, 12);
    assert.equal(page("/en/2024/").querySelectorAll(".post-card").length, 12);
    assert.equal(page("/about/").querySelector("h1")!.textContent, "About");
    assert.ok(existsSync(path.join(out, "404.html")));
    assert.equal(readDocument(path.join(out, "404.html")).querySelector("h1")!.textContent, "Page not found");
  });

  it("has no broken internal link or anchor, and no id twice on a page", () => {
    assert.deepEqual(brokenInternalLinks(out), []);
    assert.deepEqual(duplicateIds(out), []);
  });
});

describe("a build given SEARCH_DOCUMENTS_DIR", () => {
  const kept = tempProject("search-documents");
  const documents = path.join(kept.root, "search-documents");
  before(async () => {
    process.env.SEARCH_DOCUMENTS_DIR = documents;
    try {
      await buildSite(kept.input, kept.output);
    } finally {
      delete process.env.SEARCH_DOCUMENTS_DIR;
    }
  });
  after(() => kept.remove());

  it("leaves there exactly the documents Pagefind indexed, one per search record, and no temporary folder", () => {
    const records = readSearchRecords(kept.output);
    const files = listFiles(documents).filter((file) => file.endsWith(".html"));
    assert.ok(records.length > 12, `only ${records.length} search records`);
    assert.deepEqual(files.sort(), records.map((record) => documentFile(record.url)).sort());
    assert.equal(existsSync(searchDocumentsDir(kept.output)), false, "no temporary folder beside the named one");
  });
});

describe("npm run build's two steps: Eleventy, then the search index once Eleventy's process is over", () => {
  const steps = tempProject("build-steps");
  after(() => steps.remove());
  const indexStep = (output: string) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/search-index.ts", `--output=${output}`], {
      cwd: ROOT,
      encoding: "utf8",
    });

  it("leaves the search documents and what they are after Eleventy, and no index until the second step", async () => {
    const { default: Eleventy } = await import("@11ty/eleventy");
    await new Eleventy(steps.input, steps.output, {
      configPath: path.join(ROOT, ".eleventy.ts"),
      quietMode: true,
    }).write();
    assert.equal(existsSync(path.join(steps.output, "pagefind")), false);
    const folder = searchDocumentsFolder(steps.output);
    assert.deepEqual(folder.readSummary(), { pages: EXPECTED_POST_URLS.length, transcriptRecords: 14, language: "en" });

    assert.match(
      await indexSearchDocuments(steps.output),
      /^Search index: 12 pages, 14 transcript records, \d+ words for corrections in [\d.]+ seconds$/,
    );
    assert.equal(readSearchRecords(steps.output).length, 12 + 14);
    assert.equal(existsSync(folder.dir), false);
  });

  it("writes beside the index which records make each post, for the search page to show one result per post", () => {
    const posts = decodeRecordPosts(JSON.parse(readFileSync(path.join(steps.output, "pagefind/posts.json"), "utf8")));
    const records = new Map(readSearchRecords(steps.output).map((record) => [record.id, record]));
    assert.deepEqual(posts.map((post) => records.get(post.page ?? "")?.url).sort(), [...EXPECTED_POST_URLS].sort());
    const listed = posts.flatMap((post) => [post.page, ...post.transcript]);
    assert.deepEqual([...listed].sort(), [...records.keys()].sort(), "every record, once");
    for (const post of posts) {
      const url = records.get(post.page!)!.url;
      for (const id of post.transcript)
        assert.ok(records.get(id)!.url.startsWith(`${url}#turn-`), `${id} belongs to ${url}`);
    }
    assert.deepEqual(
      posts.map((post) => post.transcript.length).filter(Boolean).length,
      5,
      "the five episodes have transcript records",
    );
  });

  it("indexes each word once: an episode's page record holds its show notes, its transcript's words stand in its transcript records only", () => {
    const records = readSearchRecords(steps.output);
    const pages = records.filter((record) => !record.url.includes("#"));
    let episodes = 0;
    for (const page of pages) {
      const turns = records.filter((record) => record.url.startsWith(`${page.url}#`));
      if (!turns.length) continue;
      episodes++;
      const said = turns
        .map((record) => record.content)
        .join(" ")
        .split(/\s+/);
      // No run of ten words said in the transcript stands in the page's record.
      for (let i = 0; i + 10 <= said.length; i += 10) {
        const run = said.slice(i, i + 10).join(" ");
        assert.ok(!page.content.includes(run), `${page.url}: the page's record repeats "${run}"`);
      }
    }
    assert.equal(episodes, 5);
    const maria = pages.find((page) => page.url.includes("maria-bracho"))!;
    assert.ok(!/momofuku/i.test(maria.content), "Momofuku is said in the transcript only");
    assert.ok(records.some((record) => record.url.startsWith(`${maria.url}#`) && /Momofuku/.test(record.content)));
  });

  it("writes beside the index the site's words with their counts, each listed where its spelling and its sound lead", () => {
    const pagefind = path.join(steps.output, "pagefind");
    const index = decodeWordShardIndex(JSON.parse(readFileSync(path.join(pagefind, WORD_SHARD_INDEX), "utf8")));
    const read = (file: string) =>
      decodeWordShard(JSON.parse(readFileSync(path.join(pagefind, WORD_SHARDS_DIR, file), "utf8")), file);
    const said = (word: string) => new Map(shardFiles(index, word).flatMap(read)).get(word);
    // Said and written in the records: "Momofuku" four times in Maria's turns, "Rumelt" in the article and its references.
    const records = readSearchRecords(steps.output).map((record) => record.content.toLowerCase());
    const count = (word: string) =>
      records.reduce((n, text) => n + text.split(/[^a-z]+/).filter((w) => w === word).length, 0);
    for (const word of ["momofuku", "rumelt", "bercovici", "tempura", "wodtke"])
      assert.equal(said(word), count(word), word);
    assert.equal(said("momofuko"), undefined, "no word that the site does not say");
    const listed = readdirSync(path.join(pagefind, WORD_SHARDS_DIR));
    assert.deepEqual(
      listed.sort(),
      [...new Set([...Object.values(index.spelling), ...Object.values(index.sound)])].sort(),
      "every list, and only those, named in words.json",
    );
  });

  it("fails, naming the output and the folder, when no build left documents for that output", () => {
    const neverBuilt = path.join(steps.root, "never-built");
    const run = indexStep(neverBuilt);
    assert.equal(run.status, 1);
    assert.match(
      run.stderr,
      new RegExp(
        `The search index of ${neverBuilt} was not written: No search documents in ${searchDocumentsFolder(neverBuilt).dir}: the site's build writes them`,
      ),
    );
    assert.equal(existsSync(path.join(neverBuilt, "pagefind")), false);
  });
});
