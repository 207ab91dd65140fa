/**
 * The WordPress export fixture (tests/support/wxr-fixture.ts), read back with a real XML parser:
 * it is well-formed, and it holds what SEED_EXPORT says it holds.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import matter from "gray-matter";
import { parseHTML } from "linkedom";
import { DateTime } from "luxon";
import { SaxesParser } from "saxes";
import sharp from "sharp";
import { normalizeText, ROOT } from "../support/build.ts";
import { readSeedPosts, SEED_FILE } from "../support/seed.ts";
import { largeExport, SEED_EXPORT, seedExport, writeUploads, type SeedPostFacts } from "../support/wxr-fixture.ts";

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** The document's root element; saxes throws on anything not well-formed, an unbound prefix included. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [{ name: "#document", attributes: {}, children: [], text: "" }];
  parser.on("opentag", (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    const element: XmlElement = { name: tag.name, attributes, children: [], text: "" };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on("closetag", () => void stack.pop());
  parser.on("text", (text) => (stack.at(-1)!.text += text));
  parser.on("cdata", (text) => (stack.at(-1)!.text += text));
  parser.write(xml).close();
  return stack[0]!.children[0]!;
}

const all = (element: XmlElement, name: string) => element.children.filter((child) => child.name === name);
const field = (element: XmlElement, name: string) => {
  const found = all(element, name);
  assert.equal(found.length, 1, `one <${name}> in <${element.name}>`);
  return found[0]!.text;
};
const meta = (item: XmlElement) =>
  new Map(all(item, "wp:postmeta").map((m) => [field(m, "wp:meta_key"), field(m, "wp:meta_value")]));
const terms = (item: XmlElement, domain: string) => all(item, "category").filter((c) => c.attributes.domain === domain);

/** What a reader of the HTML sees: a <br> is a line break, entities are decoded, whitespace is one space. */
function textOf(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html.replaceAll("<br>", "\n")}</body></html>`);
  return normalizeText(document.body.textContent ?? "");
}
const elementsOf = (html: string, selector: string) => [
  ...parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.querySelectorAll(selector),
];

const SQL = "yyyy-MM-dd HH:mm:ss";
const committedFile = (post: SeedPostFacts) =>
  [`${post.date}-${post.slug}.md`, `${post.date}-${post.slug}/index.md`]
    .map((file) => path.join(ROOT, "content/posts", file))
    .find((file) => existsSync(file));

const xml = seedExport();
const channel = all(parseXml(xml), "channel")[0]!;
const items = new Map(all(channel, "item").map((item) => [Number(field(item, "wp:post_id")), item]));
const item = (id: number) => items.get(id)!;
const content = (id: number) => field(item(id), "content:encoded");
const seed = readSeedPosts();

describe("the seed export", () => {
  it("is WXR 1.2 of the site, with the namespaces WordPress declares", () => {
    const rss = parseXml(xml);
    assert.equal(rss.name, "rss");
    assert.equal(rss.attributes["xmlns:wp"], "http://wordpress.org/export/1.2/");
    assert.equal(rss.attributes["xmlns:content"], "http://purl.org/rss/1.0/modules/content/");
    assert.equal(field(channel, "wp:wxr_version"), "1.2");
    assert.equal(field(channel, "wp:base_site_url"), SEED_EXPORT.siteUrl);
    assert.equal(field(channel, "wp:base_blog_url"), SEED_EXPORT.siteUrl);
    assert.equal(field(all(channel, "wp:author")[0]!, "wp:author_login"), SEED_EXPORT.author.login);
    assert.match(field(channel, "generator"), /^https:\/\/wordpress\.org\/\?v=/);
  });

  it("holds exactly the items SEED_EXPORT lists, each id once", () => {
    assert.equal(items.size, all(channel, "item").length);
    assert.deepEqual([...items.keys()].sort(), Object.keys(SEED_EXPORT.cases).map(Number).sort());
  });

  it("has the 12 seed posts published at their committed URLs, titled as the seed, dated in the site's zone", () => {
    assert.equal(SEED_EXPORT.posts.length, 12);
    SEED_EXPORT.posts.forEach((post, index) => {
      const wp = item(post.id);
      assert.equal(field(wp, "title"), seed[index]!.title);
      assert.deepEqual(
        [field(wp, "wp:status"), field(wp, "wp:post_type"), field(wp, "wp:post_name")],
        ["publish", "post", post.slug],
      );
      assert.equal(field(wp, "link"), `${SEED_EXPORT.siteUrl}${post.url}`);
      assert.ok(committedFile(post), `${post.url} is a committed post`);
      const local = DateTime.fromSQL(field(wp, "wp:post_date"), { zone: SEED_EXPORT.timeZone });
      assert.equal(local.toFormat("/'en'/yyyy/MM/dd/"), post.url.slice(0, 15));
      assert.equal(field(wp, "wp:post_date_gmt"), local.toUTC().toFormat(SQL));
    });
    const nextDayInUtc = SEED_EXPORT.posts.filter((post) => post.postDateGmt.slice(0, 10) !== post.date);
    assert.ok(nextDayInUtc.length >= 2, "some posts are already the next day in UTC");
  });

  it("keeps every seed unit in its post's HTML, with the dump's lists and the committed headings", () => {
    SEED_EXPORT.posts.forEach((post, index) => {
      const html = content(post.id);
      const text = textOf(html);
      assert.deepEqual(
        seed[index]!.units.filter((unit) => !text.includes(unit)),
        [],
        post.title,
      );
      const committed = matter(readFileSync(committedFile(post)!, "utf8")).content.match(/^#{2,3} /gm) ?? [];
      const transcriptH2 = post.transcriptHeading?.element === "h2" ? 1 : 0;
      assert.equal(elementsOf(html, "h2, h3").length, committed.length + transcriptH2, post.title);
    });
    const count = (selector: string, keep = (_: Element) => true) =>
      SEED_EXPORT.posts.reduce((sum, post) => sum + elementsOf(content(post.id), selector).filter(keep).length, 0);
    const lines = readFileSync(SEED_FILE, "utf8")
      .split("\n")
      .map((line) => line.trim());
    const numberedHeadings = count("h2, h3", (h) => /^\d+\. /.test(h.textContent ?? ""));
    assert.equal(count("ul > li"), lines.filter((line) => line.startsWith("• ")).length - 12, "• lines but the titles");
    assert.equal(count("ol > li") + numberedHeadings, lines.filter((line) => /^\d+\.\s/.test(line)).length, "N. lines");
  });

  it("escapes the text as WordPress stores it, curly quotes kept as characters", () => {
    const playingToWin = content(SEED_EXPORT.attachments.featured.parentId);
    assert.ok(playingToWin.includes("Procter &amp; Gamble (P&amp;G)"));
    assert.ok(!/&(?!amp;|lt;|gt;|quot;)/.test(playingToWin), "no raw &");
    assert.ok(playingToWin.includes("“Playing to Win”"));
  });

  it("writes half the posts in the classic editor and half in Gutenberg, episodes in both", () => {
    for (const post of SEED_EXPORT.posts) {
      const html = content(post.id);
      if (post.editor === "gutenberg") assert.match(html, /^<!-- wp:paragraph -->\n<p>/m, post.title);
      else assert.ok(!html.includes("<p>") && !html.includes("<!-- wp:"), post.title);
    }
    for (const editor of ["classic", "gutenberg"]) {
      const posts = SEED_EXPORT.posts.filter((post) => post.editor === editor);
      assert.equal(posts.length, 6);
      assert.ok(
        posts.some((post) => post.kind === "episode"),
        editor,
      );
    }
  });

  it("introduces each transcript with the committed heading, an h2 once and a paragraph otherwise, followed by the seed's first turn", () => {
    const episodes = SEED_EXPORT.posts.filter((post) => post.kind === "episode");
    assert.equal(episodes.length, 5);
    assert.equal(episodes.filter((post) => post.transcriptHeading!.element === "h2").length, 1);
    for (const post of episodes) {
      const heading = post.transcriptHeading!;
      const committed = path.join(path.dirname(committedFile(post)!), "transcript.md");
      assert.equal(heading.text, matter(readFileSync(committed, "utf8")).data.heading);
      const h2s = elementsOf(content(post.id), "h2").map((h) => h.textContent);
      assert.equal(h2s.includes(heading.text), heading.element === "h2", post.title);
      const units = seed[SEED_EXPORT.posts.indexOf(post)]!.units;
      const firstTurn = units[units.indexOf(heading.text) + 1]!;
      assert.match(firstTurn, /^Alexis: /);
      assert.ok(textOf(content(post.id)).includes(`${heading.text} ${firstTurn}`), post.title);
    }
  });

  it("names each episode's guests in the show notes as the seed does", () => {
    for (const post of SEED_EXPORT.posts.filter((p) => p.kind === "episode")) {
      assert.ok(post.guests.length > 0, post.title);
      for (const guest of post.guests)
        assert.ok(content(post.id).includes(guest.name), `${guest.name} in ${post.title}`);
    }
    assert.ok(content(SEED_EXPORT.posts[0]!.id).includes("Maria Bracho, CTO for LATAM at Red Hat"));
  });

  it("carries the committed tags, one category per post, and the description as the excerpt on some posts", () => {
    for (const post of SEED_EXPORT.posts) {
      const wp = item(post.id);
      const committed = matter(readFileSync(committedFile(post)!, "utf8")).data;
      assert.deepEqual(
        terms(wp, "post_tag").map((t) => t.text),
        committed.tags,
        post.title,
      );
      assert.deepEqual(
        terms(wp, "post_tag").map((t) => t.attributes.nicename),
        post.tags.map((t) => t.slug),
      );
      assert.deepEqual(
        terms(wp, "category").map((c) => c.attributes.nicename),
        [post.category.slug],
      );
      assert.equal(field(wp, "excerpt:encoded"), post.excerpt);
      assert.ok(post.excerpt === "" || post.excerpt === committed.description, post.title);
    }
    const categories = SEED_EXPORT.posts.map((post) => post.category.name);
    assert.deepEqual([...new Set(categories)].sort(), ["Books & Reading", "Leadership", "Podcast", "Uncategorized"]);
    assert.equal(categories.filter((name) => name === "Uncategorized").length, 1);
    // WordPress stores "&" in a term's name as "&amp;", inside the CDATA.
    assert.ok(xml.includes("<wp:cat_name><![CDATA[Books &amp; Reading]]></wp:cat_name>"));
    const excerpts = SEED_EXPORT.posts.filter((post) => post.excerpt !== "").length;
    assert.ok(excerpts > 0 && excerpts < 12);
  });

  it("stores one episode's audio as a podcast plugin's enclosure, another's as an audio block", () => {
    const { enclosure, block } = SEED_EXPORT.audio;
    assert.equal(
      meta(item(enclosure.postId)).get("enclosure"),
      'https://media.example.com/le-podcast/maria-bracho.mp3\n31415926\naudio/mpeg\na:1:{s:8:"duration";s:8:"00:31:00";}',
    );
    assert.equal(meta(item(block.postId)).has("enclosure"), false);
    assert.ok(
      content(block.postId).includes(
        `<!-- wp:audio -->\n<figure class="wp-block-audio"><audio controls src="${block.url}"></audio></figure>\n<!-- /wp:audio -->`,
      ),
    );
  });

  it("links the featured image, the image in the content and the missing one to attachment items", () => {
    const { featured, inContent, missing } = SEED_EXPORT.attachments;
    assert.equal(meta(item(featured.parentId)).get("_thumbnail_id"), String(featured.id));
    for (const attachment of [featured, inContent, missing]) {
      const wp = item(attachment.id);
      assert.deepEqual([field(wp, "wp:post_type"), field(wp, "wp:status")], ["attachment", "inherit"]);
      assert.equal(Number(field(wp, "wp:post_parent")), attachment.parentId);
      assert.equal(field(wp, "wp:attachment_url"), `${SEED_EXPORT.uploadsUrl}/${attachment.file}`);
      assert.equal(field(wp, "link"), attachment.link);
      assert.ok(attachment.link.startsWith(`${SEED_EXPORT.siteUrl}${attachment.parentUrl}`));
      assert.equal(meta(wp).get("_wp_attached_file"), attachment.file);
      assert.equal(meta(wp).get("_wp_attachment_image_alt"), attachment.alt);
    }
    for (const attachment of [inContent, missing]) {
      const [img] = elementsOf(content(attachment.parentId), `img.wp-image-${attachment.id}`);
      assert.equal(img?.getAttribute("src"), `${SEED_EXPORT.uploadsUrl}/${attachment.shown}`);
      assert.equal(img?.getAttribute("alt"), attachment.alt);
      assert.match(attachment.shown, /-1024x683\.jpg$/);
    }
    assert.deepEqual([featured.present, inContent.present, missing.present], [true, true, false]);
  });

  it("has comments of every status, a reply and a pingback, with e-mails and IPs an import must not write", () => {
    const comments = new Map(
      [...items.values()].flatMap((wp) =>
        all(wp, "wp:comment").map((c) => [Number(field(c, "wp:comment_id")), { wp, c }] as const),
      ),
    );
    for (const expected of Object.values(SEED_EXPORT.comments)) {
      const { wp, c } = comments.get(expected.id)!;
      assert.equal(Number(field(wp, "wp:post_id")), expected.postId);
      const fields = ["author", "author_email", "author_IP", "approved", "type", "parent", "content"].map((name) =>
        field(c, `wp:comment_${name}`),
      );
      assert.deepEqual(fields, [
        expected.author,
        expected.email,
        expected.ip,
        expected.approved,
        expected.type,
        String(expected.parent),
        expected.content,
      ]);
    }
    const { approved, reply, pending, spam, pingback, trash } = SEED_EXPORT.comments;
    assert.deepEqual(
      [approved.approved, pending.approved, spam.approved, trash.approved, pingback.approved],
      ["1", "0", "spam", "trash", "1"],
    );
    assert.deepEqual([reply.parent, pingback.type], [approved.id, "pingback"]);
    assert.match(approved.content, /\n\n.*<a href="https:/);
    for (const value of SEED_EXPORT.privateValues) assert.ok(xml.includes(value), value);
  });

  it("has the other items an import must tell apart", () => {
    const {
      draft,
      pending,
      scheduled,
      private: privatePost,
      trashed,
      page,
      podcastPage,
      archivePage,
      navMenuItem,
      revision,
    } = SEED_EXPORT.extras;
    const facts = (id: number) => ["wp:post_type", "wp:status", "wp:post_name"].map((name) => field(item(id), name));
    assert.deepEqual(facts(draft.id), ["post", "draft", ""]);
    assert.deepEqual(facts(pending.id), ["post", "pending", ""]);
    for (const id of [draft.id, pending.id]) assert.equal(field(item(id), "wp:post_date_gmt"), "0000-00-00 00:00:00");
    assert.deepEqual(facts(scheduled.id), ["post", "future", scheduled.slug]);
    assert.match(field(item(scheduled.id), "wp:post_date"), /^2031-/);
    assert.equal(field(item(scheduled.id), "title"), "Café à Tōkyō — 東京での対話");
    assert.equal(decodeURIComponent(scheduled.slug), "cafe-a-tokyo-東京での対話");
    assert.deepEqual(facts(privatePost.id), ["post", "private", privatePost.slug]);
    assert.deepEqual(facts(trashed.id).slice(0, 2), ["post", "trash"]);
    assert.match(trashed.slug, /__trashed$/);
    assert.deepEqual([...facts(page.id), field(item(page.id), "title")], ["page", "publish", "about", "About"]);
    for (const other of [podcastPage, archivePage])
      assert.deepEqual(
        [...facts(other.id), field(item(other.id), "link")],
        ["page", "publish", other.slug, `${SEED_EXPORT.siteUrl}/${other.slug}/`],
      );
    assert.deepEqual(facts(navMenuItem.id).slice(0, 2), ["nav_menu_item", "publish"]);
    assert.deepEqual(
      [...facts(revision.id).slice(0, 2), Number(field(item(revision.id), "wp:post_parent"))],
      ["revision", "inherit", SEED_EXPORT.posts[0]!.id],
    );
  });

  it("has a hostile post whose every alert is where SEED_EXPORT says", () => {
    const { hostile } = SEED_EXPORT;
    const wp = item(hostile.id);
    assert.equal(field(wp, "title"), '<script>alert("title")</script> Hostile & "quoted"');
    assert.deepEqual([field(wp, "wp:status"), field(wp, "wp:post_name")], ["publish", "../../../etc/evil"]);
    const html = content(hostile.id);
    for (const live of ["<script>alert(9)</script>", 'onerror="alert(1)"', 'href="javascript:alert(6)"'])
      assert.ok(html.includes(live), live);
    for (const shown of hostile.visibleText) assert.ok(textOf(html).includes(shown) && !html.includes(shown), shown);
    assert.deepEqual(
      terms(wp, "post_tag").map((t) => [t.text, t.attributes.nicename]),
      [[hostile.tag.name, hostile.tag.slug]],
    );
    assert.ok(field(wp, "excerpt:encoded").includes("<script>alert(11)</script>"));
    const comment = all(wp, "wp:comment")[0]!;
    assert.equal(field(comment, "wp:comment_author"), "<script>alert(5)</script>");
    assert.equal(field(comment, "wp:comment_author_url"), "javascript:alert(10)");
    assert.match(field(comment, "wp:comment_content"), /onclick="alert\(7\)".*javascript:alert\(8\)/);
    const alerts = Object.keys(hostile.alerts).map(Number);
    assert.deepEqual(
      alerts,
      Array.from({ length: 11 }, (_, i) => i + 1),
    );
  });

  it("splits a ]]> in a content field across two CDATA sections", () => {
    assert.ok(content(SEED_EXPORT.hostile.id).includes(SEED_EXPORT.hostile.cdataText));
    assert.ok(xml.includes("the sequence ]]]]><![CDATA[> ends"));
  });
});

describe("the uploads folder", () => {
  let dir = "";
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "wxr-uploads-"));
    await writeUploads(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("has real JPEGs for the present attachments, original and shown size, and not the missing one", async () => {
    const { featured, inContent, missing } = SEED_EXPORT.attachments;
    for (const attachment of [featured, inContent]) {
      const original = await sharp(path.join(dir, attachment.file)).metadata();
      assert.deepEqual([original.format, original.width, original.height], ["jpeg", 1600, 1067]);
      const shown = await sharp(path.join(dir, attachment.shown)).metadata();
      assert.equal(shown.width, attachment === featured ? 1600 : 1024);
    }
    assert.equal(existsSync(path.join(dir, missing.file)), false);
    assert.equal(existsSync(path.join(dir, missing.shown)), false);
  });
});

describe("the large export", () => {
  it("repeats the seed's posts to the number asked, with distinct ids, slugs and dates over years, in well under two seconds", () => {
    const start = performance.now();
    const large = largeExport(2000);
    assert.ok(performance.now() - start < 2000, "generated in under 2 s");
    assert.ok(large.length > 20_000_000, `${large.length} characters`);
    const posts = all(all(parseXml(large), "channel")[0]!, "item");
    assert.equal(posts.length, 2000);
    for (const name of ["wp:post_id", "wp:post_name", "link"])
      assert.equal(new Set(posts.map((p) => field(p, name))).size, 2000, name);
    assert.ok(posts.every((p) => field(p, "wp:status") === "publish"));
    const years = new Set(posts.map((p) => field(p, "wp:post_date").slice(0, 4)));
    assert.ok(years.size >= 8, `${years.size} years`);
    assert.ok(
      posts.filter((p) => field(p, "content:encoded").includes("Alexis: [00:00:00]")).length > 300,
      "transcripts",
    );
  });
});
