/** `npm run new` end to end: posts created in a temporary copy of the content, then the whole site built from it. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { readFrontMatter } from "../../src/markdown/front-matter.ts";
import { todayIn } from "../../src/posts/new-post.ts";
import { loadSiteSettings } from "../../src/site/settings.ts";
import { buildSite, ROOT, tempProject } from "../support/build.ts";

const HOSTILE = `He said "hi" & <script>alert(1)</script>`;
const EPISODE = "Title: with colon # and hash";
const UNICODE = "日本";
/** A title with no letter or digit in any script: its post gets the fallback slug. */
const NO_LETTER = "🎙️!";
const GUESTS = [
  { name: "Maria Bracho", role: "CTO for LATAM, Red Hat" },
  { name: "Jane Doe", role: undefined },
];
const TIME_ZONE = loadSiteSettings(path.join(ROOT, "content/_data/site.json")).timeZone;

const project = tempProject("new-post");
const content = path.join(ROOT, project.input);

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/new-post.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, INIT_CWD: ROOT },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The path and URL a successful run printed. */
function printed(stdout: string): { created: string[]; url: string } {
  const created = [...stdout.matchAll(/^Created (.+)$/gm)].map((m) => m[1]!);
  const url = /^URL: (\/en\/\d{4}\/\d{2}\/\d{2}\/[^/\s]+\/)$/m.exec(stdout)?.[1];
  assert.ok(url, `no URL printed in:\n${stdout}`);
  return { created, url };
}

const page = (url: string) => {
  const file = path.join(project.output, url, "index.html");
  assert.ok(existsSync(file), `no page at ${url}`);
  const html = readFileSync(file, "utf8");
  return { html, document: parseHTML(html).document };
};

describe("npm run new", () => {
  let article: ReturnType<typeof run>;
  let episode: ReturnType<typeof run>;
  let unicode: ReturnType<typeof run>;
  let noLetter: ReturnType<typeof run>;
  let todayBefore = "";
  let todayAfter = "";
  const warnings: string[] = [];

  before(async () => {
    article = run("article", HOSTILE, "--tag", "Strategy", "--date", "2025-01-15", "--content", content);
    episode = run(
      "episode",
      EPISODE,
      "--guest",
      `${GUESTS[0]!.name}, ${GUESTS[0]!.role}`,
      "--guest",
      GUESTS[1]!.name,
      "--tag",
      "Open source",
      "--date",
      "2025-01-20",
      "--content",
      content,
    );
    todayBefore = todayIn(TIME_ZONE);
    unicode = run("article", UNICODE, "--content", content);
    todayAfter = todayIn(TIME_ZONE);
    noLetter = run("article", NO_LETTER, "--date", "2025-01-25", "--content", content);
    // The build prints the transcript's warnings with console.warn: keep them to check them.
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));
    try {
      await buildSite(project.input, project.output);
    } finally {
      console.warn = warn;
    }
  });

  after(() => {
    project.remove();
    try {
      if (readdirSync(path.join(ROOT, "tests/.tmp")).length === 0) rmdirSync(path.join(ROOT, "tests/.tmp")); // only when empty: other tests use it
    } catch {
      // already gone
    }
  });

  it("creates an article with a hostile title and prints its path and URL", () => {
    assert.equal(article.status, 0, article.stderr);
    const file = path.join(project.input, "posts/2025-01-15-he-said-hi-script-alert-1-script.md");
    assert.deepEqual(printed(article.stdout), {
      created: [file],
      url: "/en/2025/01/15/he-said-hi-script-alert-1-script/",
    });
    const { data } = readFrontMatter(readFileSync(path.join(ROOT, file), "utf8"));
    assert.equal(data.title, HOSTILE);
    assert.deepEqual(data.tags, ["Strategy"]);
  });

  it("creates an episode folder with index.md and a transcript skeleton", () => {
    assert.equal(episode.status, 0, episode.stderr);
    const folder = path.join(project.input, "posts/2025-01-20-title-with-colon-and-hash");
    assert.deepEqual(printed(episode.stdout), {
      created: [path.join(folder, "index.md"), path.join(folder, "transcript.md")],
      url: "/en/2025/01/20/title-with-colon-and-hash/",
    });
    const transcript = readFrontMatter(readFileSync(path.join(ROOT, folder, "transcript.md"), "utf8"));
    assert.deepEqual(transcript.data, {
      heading: "Transcript",
      speakers: { Alexis: "Alexis Monville", Maria: "Maria Bracho", Jane: "Jane Doe" },
    });
  });

  it("dates a post today in the site's time zone by default, its slug the title in its own script", () => {
    assert.equal(unicode.status, 0, unicode.stderr);
    const { url, created } = printed(unicode.stdout);
    assert.ok(
      [todayBefore, todayAfter].some((day) => url === `/en/${day.replaceAll("-", "/")}/日本/`),
      url,
    );
    assert.equal(created.length, 1);
    assert.match(created[0]!, /posts\/\d{4}-\d{2}-\d{2}-日本\.md$/);
  });

  it("gives a title with no letter or digit in any script the fallback slug", () => {
    assert.equal(noLetter.status, 0, noLetter.stderr);
    assert.deepEqual(printed(noLetter.stdout), {
      created: [path.join(project.input, "posts/2025-01-25-post.md")],
      url: "/en/2025/01/25/post/",
    });
  });

  it("builds, with the article's exact title as its only h1 and no script from the title", () => {
    const { html, document } = page(printed(article.stdout).url);
    const h1s = document.querySelectorAll("h1");
    assert.equal(h1s.length, 1);
    assert.equal(h1s[0]!.textContent, HOSTILE);
    assert.ok(!html.includes("<script>alert(1)"), "the title's markup reached the HTML");
    // The same scripts as any article's page: the layout's modules and its JSON-LD data block, none from the title.
    const scripts = (doc: Document) =>
      [...doc.querySelectorAll("script")].map((s) => s.getAttribute("src") ?? s.getAttribute("type"));
    assert.deepEqual(scripts(document), scripts(page("/en/2024/04/10/playing-to-win/").document));
    for (const script of document.querySelectorAll("script:not([src])")) {
      assert.equal(script.getAttribute("type"), "application/ld+json");
      assert.equal(JSON.parse(script.textContent ?? "").headline, HOSTILE);
    }
    assert.equal(document.querySelector("title")?.textContent?.includes(HOSTILE), true);
  });

  it("builds the episode page with its title, host and both guests", () => {
    const { document } = page(printed(episode.stdout).url);
    assert.equal(document.querySelector("h1")?.textContent, EPISODE);
    const people = document.querySelector(".post-people");
    assert.ok(people, "no list of people on the episode page");
    assert.deepEqual(
      [...people.querySelectorAll("a")].map((a) => a.textContent),
      ["Alexis Monville", "Maria Bracho", "Jane Doe"],
    );
    const guests = [...people.querySelectorAll(".guest")].map((g) => (g.textContent ?? "").replace(/\s+/g, " ").trim());
    assert.deepEqual(guests, ["Maria Bracho (CTO for LATAM, Red Hat)", "Jane Doe"]);
    assert.ok(existsSync(path.join(project.output, "people/jane-doe/index.html")), "no page for the new guest");
  });

  it("builds the posts at their printed URLs with their exact titles", () => {
    assert.equal(page(printed(unicode.stdout).url).document.querySelector("h1")?.textContent, UNICODE);
    assert.equal(page(printed(noLetter.stdout).url).document.querySelector("h1")?.textContent, NO_LETTER);
  });

  it("only warns, until it is filled, that the transcript's speakers never speak", () => {
    const ours = warnings.filter((w) => w.includes("2025-01-20-title-with-colon-and-hash"));
    assert.equal(ours.length, 3, warnings.join("\n"));
    for (const warning of ours) assert.match(warning, /is declared under "speakers:" but never speaks/);
  });

  it("refuses to overwrite a post for the same date and slug, naming the path", () => {
    const file = path.join(ROOT, project.input, "posts/2025-01-15-he-said-hi-script-alert-1-script.md");
    const before = readFileSync(file, "utf8");
    // Same slug, another title: still the same URL.
    const again = run(
      "article",
      "He said: hi! & <script> alert 1 </script>",
      "--date",
      "2025-01-15",
      "--content",
      content,
    );
    assert.equal(again.status, 1);
    assert.equal(again.stdout, "");
    assert.match(again.stderr, /^new: error: .*posts\/2025-01-15-he-said-hi-script-alert-1-script\.md already exists/);
    assert.equal(readFileSync(file, "utf8"), before);
    // An episode cannot take an article's date and slug either, nor the other way round.
    const asEpisode = run("episode", HOSTILE, "--guest", "Jane Doe", "--date", "2025-01-15", "--content", content);
    assert.equal(asEpisode.status, 1);
    assert.match(asEpisode.stderr, /2025-01-15-he-said-hi-script-alert-1-script\.md already exists/);
    assert.ok(!existsSync(path.join(ROOT, project.input, "posts/2025-01-15-he-said-hi-script-alert-1-script")));
    const asArticle = run("article", EPISODE, "--date", "2025-01-20", "--content", content);
    assert.equal(asArticle.status, 1);
    assert.match(asArticle.stderr, /posts\/2025-01-20-title-with-colon-and-hash already exists/);
  });

  it("prints the usage and exits with 1 for an unknown kind or a missing title", () => {
    for (const args of [["blog", "Title"], ["article"], []]) {
      const result = run(...args, "--content", content);
      assert.equal(result.status, 1, args.join(" "));
      assert.equal(result.stdout, "");
      assert.match(result.stderr, /^new: error: /);
      assert.match(result.stderr, /Usage: npm run new -- article "Title"/);
    }
    assert.match(run("blog", "Title").stderr, /"blog" is not a kind of post: use article or episode/);
    assert.match(run("article").stderr, /no title given/);
  });

  it("rejects an impossible date and tags that repeat each other, writing nothing", () => {
    const date = run("article", "Leap", "--date", "2025-02-29", "--content", content);
    assert.equal(date.status, 1);
    assert.match(date.stderr, /--date "2025-02-29" is not a date/);
    const tags = run(
      "article",
      "Tags",
      "--tag",
      "Open source",
      "--tag",
      "open-source",
      "--date",
      "2025-03-01",
      "--content",
      content,
    );
    assert.equal(tags.status, 1);
    assert.match(tags.stderr, /"open-source" repeats the tag "Open source"/);
    assert.ok(!existsSync(path.join(ROOT, project.input, "posts/2025-03-01-tags.md")));
  });

  it("prints the usage on --help and exits with 0", () => {
    const help = run("--help");
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: npm run new -- article "Title"/);
  });
});
