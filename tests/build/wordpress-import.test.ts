/**
 * The WordPress import end to end: the export the tests generate from the seed
 * (tests/support/wxr-fixture.ts) imported by the real command into an empty copy of the site,
 * then built as `npm run build` builds it.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { readFrontMatter } from "../../src/markdown/front-matter.ts";
import { parseTranscript } from "../../src/transcript/parse.ts";
import { buildSite, listFiles, normalizeText, readDocument, ROOT, tempProject } from "../support/build.ts";
import { missingSeedUnits, readSeedPosts } from "../support/seed.ts";
import { SEED_EXPORT, seedExport, writeUploads } from "../support/wxr-fixture.ts";

const project = tempProject("wordpress-import");
const exportFile = path.join(project.root, "export.xml");
const uploads = path.join(project.root, "uploads");
const posts = path.join(project.input, "posts");
const page = (url: string) => readDocument(path.join(project.output, url, url.endsWith("/") ? "index.html" : ""));
const mainText = (url: string) => normalizeText(page(url).querySelector("main")!.textContent ?? "");

/** Runs `npm run import:wordpress`'s script on the test project; returns its report. */
function runImport(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/import-wordpress.ts", exportFile, "--content", project.input, ...args],
    { cwd: ROOT, encoding: "utf8" },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const reportLine = (report: string, start: string) => report.split("\n").find((line) => line.startsWith(start)) ?? "";

let report = "";

describe("importing the WordPress export of the seed", () => {
  before(async () => {
    // The site with none of its posts: the import brings them back.
    for (const entry of readdirSync(posts))
      if (entry !== "posts.11tydata.json") rmSync(path.join(posts, entry), { recursive: true });
    writeFileSync(exportFile, seedExport());
    await writeUploads(uploads);
    const run = runImport("--uploads", uploads);
    assert.equal(run.status, 0, run.stderr);
    report = run.stdout;
    await buildSite(project.input, project.output);
  });
  after(() => project.remove());

  it("builds the 12 seed posts at the URLs they have today, titled as the seed, with every paragraph of the seed", () => {
    const seed = readSeedPosts();
    assert.equal(seed.length, SEED_EXPORT.posts.length);
    seed.forEach((post, index) => {
      const facts = SEED_EXPORT.posts[index]!;
      assert.equal(normalizeText(page(facts.url).querySelector("h1")!.textContent ?? ""), post.title, facts.url);
      assert.deepEqual(missingSeedUnits(post, mainText(facts.url)), [], `missing from "${post.title}"`);
    });
  });

  it("makes the posts with a transcript episodes, whose transcripts parse with no error and whose people come from the show notes", () => {
    const episodes = SEED_EXPORT.posts.filter((p) => p.kind === "episode");
    for (const facts of episodes) {
      const folder = path.join(posts, `${facts.date}-${facts.slug}`);
      const { data, body, bodyLine } = readFrontMatter(readFileSync(path.join(folder, "transcript.md"), "utf8"));
      const parsed = parseTranscript(body, {
        file: "transcript.md",
        firstLine: bodyLine,
        speakers: data.speakers as Record<string, string>,
      });
      assert.deepEqual(
        parsed.diagnostics.filter((d) => d.severity === "error"),
        [],
        facts.title,
      );
      assert.ok(parsed.turns.length > 20, facts.title);
      assert.equal(data.heading, facts.transcriptHeading!.text);
      const index = readFrontMatter(readFileSync(path.join(folder, "index.md"), "utf8")).data;
      assert.equal(index.kind, "episode");
      assert.deepEqual((index.host as { name: string }).name, SEED_EXPORT.author.name);
      assert.deepEqual(
        (index.guests as { name: string }[]).map((g) => g.name),
        facts.guests.map((g) => g.name),
        facts.title,
      );
      assert.ok(page(facts.url).querySelectorAll(".transcript [id^=turn-]").length > 20, facts.url);
    }
    const articles = SEED_EXPORT.posts.filter((p) => p.kind === "article");
    for (const facts of articles) assert.equal(page(facts.url).querySelector(".transcript"), null, facts.url);
    assert.match(
      reportLine(report, "posts:"),
      new RegExp(`${episodes.length + 1} episodes`),
      "the 5 and the hostile post's interview",
    );
  });

  it("gives the episode with an enclosure its audio, and leaves the incomplete one for the author with a warning", () => {
    const maria = SEED_EXPORT.posts.find((p) => p.id === SEED_EXPORT.audio.enclosure.postId)!;
    const audio = page(maria.url).querySelector("audio#episode-audio")!;
    assert.equal(audio.getAttribute("src"), SEED_EXPORT.audio.enclosure.url);
    const tamar = SEED_EXPORT.posts.find((p) => p.id === SEED_EXPORT.audio.block.postId)!;
    const index = readFileSync(path.join(posts, `${tamar.date}-${tamar.slug}`, "index.md"), "utf8");
    assert.match(index, new RegExp(`^#   url: "${SEED_EXPORT.audio.block.url}"$`, "m"));
    assert.match(
      report,
      new RegExp(
        `${tamar.slug}/index\\.md: the audio ${SEED_EXPORT.audio.block.url} lacks its size in bytes and duration`,
      ),
    );
  });

  it("keeps every old address answering: ?p=, the permalink without /en/, attachments, archives", () => {
    const redirects = readFileSync(path.join(project.output, "_redirects"), "utf8");
    for (const facts of SEED_EXPORT.posts) {
      assert.match(redirects, new RegExp(`^/ p=${facts.id} ${facts.url} 301!$`, "m"), facts.title);
      const withoutEn = facts.url.replace(/^\/en\//, "/");
      assert.match(redirects, new RegExp(`^${withoutEn} ${facts.url} 301$`, "m"));
      assert.equal(
        page(withoutEn).querySelector("link[rel=canonical]")!.getAttribute("href"),
        `${SEED_EXPORT.siteUrl}${facts.url}`,
      );
    }
    for (const attachment of Object.values(SEED_EXPORT.attachments)) {
      const from = new URL(attachment.link).pathname;
      assert.match(redirects, new RegExp(`^${from} ${attachment.parentUrl} 301$`, "m"));
      assert.match(redirects, new RegExp(`^/ attachment_id=${attachment.id} ${attachment.parentUrl} 301!$`, "m"));
    }
    const expected: Record<string, string> = {
      "/en/category/leadership/": "/tags/leadership/",
      "/category/podcast/": "/tags/podcast/",
      "/en/category/uncategorized/": "/archive/",
      "/2024/": "/en/2024/",
      "/en/2024/06/": "/en/2024/",
      "/2024/01/": "/en/2024/",
    };
    for (const [from, to] of Object.entries(expected)) {
      assert.match(redirects, new RegExp(`^${from} ${to} 301$`, "m"), from);
      assert.equal(page(from).querySelector("a")!.getAttribute("href"), to, from);
      assert.ok(existsSync(path.join(project.output, to, "index.html")), `${to} exists`);
    }
    const tag = SEED_EXPORT.posts[0]!.tags[0]!;
    assert.match(redirects, new RegExp(`^/en/tag/${tag.slug}/ /tags/${tag.slug}/ 301$`, "m"));
  });

  it("shows approved comments under their post, replies marked, and nothing else: no pending, spam, pingback or trash", () => {
    const { approved, reply, pending, spam, pingback, trash } = SEED_EXPORT.comments;
    const maria = SEED_EXPORT.posts.find((p) => p.id === approved.postId)!;
    const comments = [...page(maria.url).querySelectorAll(".comments .comment")];
    assert.equal(comments.length, 2);
    assert.match(
      normalizeText(comments[0]!.textContent ?? ""),
      /Great episode: the ramen story will stay with me\. I wrote down what I took from it in my notes/,
    );
    assert.match(
      normalizeText(comments[1]!.textContent ?? ""),
      new RegExp(`${reply.author}.*in reply to ${approved.author}`),
    );
    for (const left of [pending, spam, pingback, trash]) {
      const url = SEED_EXPORT.posts.find((p) => p.id === left.postId)!.url;
      const authors = [...page(url).querySelectorAll(".comments .comment")].map((c) =>
        normalizeText(c.textContent ?? ""),
      );
      assert.ok(
        !authors.some((text) => text.includes(left.author.replace(/&raquo;/, "»"))),
        `${left.author} on ${url}`,
      );
    }
    assert.match(
      reportLine(report, "comments:"),
      /^comments: 3 kept \(approved\), 4 left out \(1 spam, 1 pending, 1 trash, 1 pingback\)$/,
    );
  });

  it("never writes a commenter's e-mail or IP address", () => {
    const written = listFiles(project.input)
      .map((file) => readFileSync(path.join(project.input, file), "utf8"))
      .join("\n");
    const built = listFiles(project.output)
      .filter((file) => /\.(html|xml|json|txt)$/.test(file))
      .map((file) => readFileSync(path.join(project.output, file), "utf8"))
      .join("\n");
    for (const value of SEED_EXPORT.privateValues) {
      assert.ok(!written.includes(value), `${value} in content/`);
      assert.ok(!built.includes(value), `${value} in the site`);
    }
  });

  it("copies the images from the uploads folder beside their post, and lists the one missing", () => {
    const { featured, inContent, missing } = SEED_EXPORT.attachments;
    const featuredPage = page(featured.parentUrl);
    const featuredImg = featuredPage.querySelector(".featured-image img")!;
    assert.equal(featuredImg.getAttribute("alt"), featured.alt);
    assert.ok(existsSync(path.join(project.output, featuredImg.getAttribute("src")!)));
    const body = page(inContent.parentUrl).querySelector(".post-body img")!;
    assert.equal(body.getAttribute("alt"), inContent.alt);
    assert.ok(body.getAttribute("width") && body.getAttribute("height"));
    assert.ok(existsSync(path.join(project.output, body.getAttribute("src")!)));
    const mungerPage = page(missing.parentUrl);
    assert.equal(mungerPage.querySelector(".post-body img"), null, "no image from another origin");
    assert.equal(
      mungerPage.querySelector(`.post-body a[href="${SEED_EXPORT.uploadsUrl}/${missing.shown}"]`)?.textContent,
      missing.alt,
    );
    assert.match(
      report,
      new RegExp(`Images missing from the uploads folder[^]*\\n  ${SEED_EXPORT.uploadsUrl}/${missing.shown} → `),
    );
    assert.match(reportLine(report, "images:"), /^images: 2 copied, 1 missing from the uploads folder, 0 to fetch/);
  });

  it("keeps drafts and pending posts as drafts, the scheduled post for later, and lists what it left out", () => {
    const {
      draft,
      pending,
      scheduled,
      private: secret,
      trashed,
      navMenuItem,
      revision,
      page: about,
    } = SEED_EXPORT.extras;
    const fileOf = (title: string) =>
      listFiles(posts)
        .filter((f) => f.endsWith(".md"))
        .find((f) => readFrontMatter(readFileSync(path.join(posts, f), "utf8")).data.title === title);
    for (const item of [draft, pending]) {
      const { data } = readFrontMatter(readFileSync(path.join(posts, fileOf(item.title)!), "utf8"));
      assert.equal(data.draft, true, item.title);
    }
    assert.ok(fileOf(scheduled.title), "the scheduled post is written");
    const built = listFiles(project.output)
      .filter((f) => f.endsWith(".html"))
      .map((f) => readFileSync(path.join(project.output, f), "utf8"))
      .join("\n");
    for (const item of [draft, pending, scheduled])
      assert.ok(!built.includes(item.title), `${item.title} is not published`);
    for (const item of [secret, trashed]) {
      assert.equal(fileOf(item.title), undefined);
      assert.match(report, new RegExp(`^  item ${item.id} “${item.title}” \\([^)]*\\): .+$`, "m"));
    }
    for (const item of [navMenuItem, revision, about]) assert.match(report, new RegExp(`^  item ${item.id} `, "m"));
    assert.match(report, /the site has its own page "about" \(\/about\/\)/);
  });

  it("puts the pages that had the site's own addresses (podcast, archive) elsewhere, leaves the site's pages as they are, and says so", () => {
    const { podcastPage, archivePage } = SEED_EXPORT.extras;
    const imported = {
      [podcastPage.slug]: "Every episode of the podcast, as the old site listed them.",
      [archivePage.slug]: "The old site's archive, month by month.",
    };
    for (const [slug, text] of Object.entries(imported)) {
      assert.equal(
        readFrontMatter(readFileSync(path.join(project.input, "pages", `${slug}.md`), "utf8")).data.permalink,
        `/pages/${slug}/`,
      );
      assert.ok(mainText(`/pages/${slug}/`).includes(text), slug);
      assert.ok(!mainText(`/${slug}/`).includes(text), `/${slug}/ is the site's own`);
      assert.match(
        report,
        new RegExp(
          `^  .*pages/${slug}\\.md: its old address /${slug}/ is the address of the site's page ${slug}\\.njk: the page is at /pages/${slug}/ instead$`,
          "m",
        ),
      );
    }
    assert.match(mainText("/podcast/"), /Follow it in your podcast app/);
    assert.match(mainText("/archive/"), /Every post and episode, by year/);
  });

  it("imports hostile titles, slugs, tags, comments and transcripts as inert text, inside content/", () => {
    const { hostile } = SEED_EXPORT;
    const [file] = listFiles(posts)
      .filter((f) => f.endsWith("index.md") || f.endsWith(".md"))
      .filter((f) => readFileSync(path.join(posts, f), "utf8").includes("Hostile"));
    assert.ok(file, "the hostile post is written under content/posts/");
    // Everything the import wrote is listed in its manifest: all of it inside content/.
    const manifest = JSON.parse(readFileSync(path.join(project.input, ".wordpress-import.json"), "utf8")) as {
      files: Record<string, string>;
    };
    const outside = Object.keys(manifest.files).filter(
      (f) => path.resolve(project.input, f).startsWith(path.resolve(project.input) + path.sep) === false,
    );
    assert.deepEqual(outside, []);
    for (const dir of [project.root, ROOT, path.dirname(ROOT)]) assert.ok(!existsSync(path.join(dir, "etc/evil")), dir);
    const url = `/en/${file!.slice(0, 10).replaceAll("-", "/")}/${file!.slice(11).split("/")[0]!.replace(/\.md$/, "")}/`;
    const document = page(url);
    assert.equal(normalizeText(document.querySelector("h1")!.textContent ?? ""), hostile.title);
    const text = normalizeText(document.body.textContent ?? "");
    for (const visible of hostile.visibleText) assert.ok(text.includes(visible), visible);
    const scripts = [...document.querySelectorAll("script")].filter(
      (s) => !s.getAttribute("src")?.startsWith("/assets/") && s.getAttribute("type") !== "application/ld+json",
    );
    assert.deepEqual(
      scripts.map((s) => s.outerHTML),
      [],
    );
    const live = [...document.querySelectorAll("*")].flatMap((element) =>
      [...element.attributes]
        .filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value))
        .map((a) => `${element.tagName} ${a.name}=${a.value}`),
    );
    assert.deepEqual(live, []);
    assert.equal(document.querySelector("main img"), null, "the hostile <img onerror> is gone");
    const comment = document.querySelector(".comments .comment")!;
    assert.match(comment.textContent ?? "", /<script>alert\(5\)<\/script>/);
  });
});

describe("importing again", () => {
  const again = tempProject("wordpress-reimport");
  const againExport = path.join(again.root, "export.xml");
  const run = (...args: string[]) =>
    spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/import-wordpress.ts", againExport, "--content", again.input, ...args],
      { cwd: ROOT, encoding: "utf8" },
    );
  const files = () => new Map(listFiles(again.input).map((f) => [f, readFileSync(path.join(again.input, f), "utf8")]));
  const maria = SEED_EXPORT.posts[0]!;
  const mariaIndex = () => path.join(again.input, "posts", `${maria.date}-${maria.slug}`, "index.md");

  before(() => {
    rmSync(path.join(again.input, "posts"), { recursive: true });
    writeFileSync(againExport, seedExport());
  });
  after(() => again.remove());

  it("writes nothing on a dry run, and prints the report of what it would do", () => {
    const before = files();
    const result = run("--dry-run");
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Dry run: nothing written\./);
    assert.match(result.stdout, /^files: \d+ would be new/m);
    assert.deepEqual(files(), before);
  });

  it("changes no file when run twice over the same export, and lists the images to fetch without --uploads", () => {
    const first = run();
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Images to fetch \(nothing was downloaded/);
    const written = files();
    const second = run();
    assert.match(second.stdout, /^files: 0 new, 0 updated, \d+ unchanged, 0 kept$/m);
    assert.deepEqual(files(), written);
  });

  it("keeps a file the author edited since, unless --force", () => {
    const edited = readFileSync(mariaIndex(), "utf8").replace(
      "Open source rewards influence.",
      "Open source rewards influence, as the author now says.",
    );
    writeFileSync(mariaIndex(), edited);
    const kept = run();
    assert.match(kept.stdout, /1 kept/);
    assert.match(kept.stdout, new RegExp(`Kept as they are[^]*\\n  posts/${maria.date}-${maria.slug}/index\\.md`));
    assert.equal(readFileSync(mariaIndex(), "utf8"), edited);
    const forced = run("--force");
    assert.match(forced.stdout, /1 replaced with --force/);
    assert.notEqual(readFileSync(mariaIndex(), "utf8"), edited);
  });

  it("stops with the file, line and column of a broken export, writing nothing", () => {
    const broken = path.join(mkdtempSync(path.join(again.root, "broken-")), "broken.xml");
    writeFileSync(broken, seedExport().replace("</wp:post_name>", "</wp:post_nme>"));
    const before = files();
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/import-wordpress.ts", broken, "--content", again.input],
      { cwd: ROOT, encoding: "utf8" },
    );
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^import:wordpress: error: .*broken\.xml:\d+:\d+: /m);
    assert.deepEqual(files(), before);
  });
});
