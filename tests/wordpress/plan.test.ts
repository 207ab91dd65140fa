import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { readFrontMatter } from "../../src/markdown/front-matter.ts";
import { postSchema } from "../../src/posts/schema.ts";
import { loadSiteSettings } from "../../src/site/settings.ts";
import { planImport, type ImportSettings } from "../../src/wordpress/plan.ts";
import { siteAddresses, templatePages } from "../../src/site/addresses.ts";
import { parseWxr } from "../../src/wordpress/wxr.ts";
import { ROOT } from "../support/build.ts";

const SITE = "https://alexis.monville.com";
const NS = `xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"`;

interface Item {
  id: number;
  title: string;
  type?: string;
  status?: string;
  name?: string;
  date?: string;
  gmt?: string;
  link?: string;
  content?: string;
  terms?: string;
}

const item = (i: Item) => `<item>
  <title><![CDATA[${i.title}]]></title>
  <link>${i.link ?? `${SITE}/en/2024/06/09/${i.name ?? "x"}/`}</link>
  <content:encoded><![CDATA[${i.content ?? "<p>Some text.</p>"}]]></content:encoded>
  <excerpt:encoded><![CDATA[]]></excerpt:encoded>
  <wp:post_id>${i.id}</wp:post_id>
  <wp:post_date><![CDATA[${i.date ?? "2024-06-09 10:00:00"}]]></wp:post_date>
  <wp:post_date_gmt><![CDATA[${i.gmt ?? "2024-06-09 17:00:00"}]]></wp:post_date_gmt>
  <wp:post_name><![CDATA[${i.name ?? ""}]]></wp:post_name>
  <wp:status><![CDATA[${i.status ?? "publish"}]]></wp:status>
  <wp:post_type><![CDATA[${i.type ?? "post"}]]></wp:post_type>
  ${i.terms ?? ""}
</item>`;

const wxr = (...items: Item[]) =>
  parseWxr(
    `<rss version="2.0" ${NS}><channel><title>Blog</title><link>${SITE}</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>${SITE}</wp:base_site_url><wp:base_blog_url>${SITE}</wp:base_blog_url>${items.map(item).join("")}</channel></rss>`,
  );

const CONTENT = path.join(ROOT, "content");
const read = (file: string) => readFileSync(file, "utf8");
const siteTemplates = templatePages(CONTENT, loadSiteSettings(path.join(CONTENT, "_data/site.json")), read);

const settings: ImportSettings = {
  timeZone: "America/Los_Angeles",
  hostName: "Alexis Monville",
  feedPath: "/feed.xml",
  existingPages: new Map([["about", "/about/"]]),
  siteAddresses: siteAddresses(siteTemplates),
  uploadFile: () => null,
  hasUploads: false,
  today: "2026-11-29",
};

const fileText = (plan: ReturnType<typeof planImport>, path: string) => plan.files.find((f) => f.path === path)?.text;

describe("planning an import", () => {
  it("writes a post the schema accepts, at its old permalink, its categories and tags as tags", () => {
    const plan = planImport(
      wxr({
        id: 5,
        title: "Books &amp; Ideas",
        name: "books-and-ideas",
        terms: `<category domain="category" nicename="books-reading"><![CDATA[Books &amp; Reading]]></category><category domain="category" nicename="uncategorized"><![CDATA[Uncategorized]]></category><category domain="post_tag" nicename="books"><![CDATA[books]]></category>`,
      }),
      "export.xml",
      settings,
    );
    const text = fileText(plan, "posts/2024-06-09-books-and-ideas.md")!;
    const { data } = readFrontMatter(text);
    const post = postSchema(settings.timeZone).parse(data);
    assert.equal(post.title, "Books & Ideas");
    assert.equal(post.url, "/en/2024/06/09/books-and-ideas/");
    assert.deepEqual(
      post.tags.map((t) => t.name),
      ["Books & Reading", "books"],
    );
    assert.deepEqual(post.redirect_from, ["/?p=5", "/2024/06/09/books-and-ideas/"]);
    assert.equal(plan.report.posts.articles, 1);
  });

  it("imports a page at its old address with its title as the only h1, unless the site has a page of that name", () => {
    const plan = planImport(
      wxr(
        { id: 12, title: "About", type: "page", name: "about", link: `${SITE}/en/about/` },
        {
          id: 13,
          title: "Speaking <b>&amp;</b> workshops",
          type: "page",
          name: "speaking",
          link: `${SITE}/speaking/`,
          content: "<h1>Talks</h1><p>Keynotes.</p>",
        },
      ),
      "export.xml",
      settings,
    );
    const text = fileText(plan, "pages/speaking.md")!;
    const { data, body } = readFrontMatter(text);
    assert.deepEqual(data, { layout: "base.njk", title: "Speaking <b>&</b> workshops", permalink: "/speaking/" });
    assert.equal(body.trim(), "# Speaking &lt;b&gt;&amp;&lt;/b&gt; workshops\n\n## Talks\n\nKeynotes.");
    assert.equal(fileText(plan, "pages/about.md"), undefined);
    assert.match(
      plan.report.skipped[0]!.reason,
      /the site has its own page "about" \(\/about\/\): the old \/en\/about\/ redirects there/,
    );
    assert.deepEqual(JSON.parse(fileText(plan, "_data/redirects.json")!)[0], { from: "/en/about/", to: "/about/" });
    assert.equal(plan.report.pages, 1);
  });

  it("brings a page's images from the uploads into its folder, and lists those the uploads lack", () => {
    const content = `<p>On stage:</p><p><img src="${SITE}/wp-content/uploads/2023/05/stage.jpg" alt="Alexis on stage"></p><p><img src="${SITE}/wp-content/uploads/2023/05/lost.jpg" alt="A lost photo"></p>`;
    const uploads = {
      ...settings,
      hasUploads: true,
      uploadFile: (relative: string) => (relative === "2023/05/stage.jpg" ? "/uploads/2023/05/stage.jpg" : null),
    };
    const plan = planImport(
      wxr({ id: 13, title: "Speaking", type: "page", name: "speaking", link: `${SITE}/speaking/`, content }),
      "export.xml",
      uploads,
    );
    const { data, body } = readFrontMatter(fileText(plan, "pages/speaking/index.md")!);
    assert.equal(data.permalink, "/speaking/");
    assert.match(body, /!\[Alexis on stage\]\(stage\.jpg\)/);
    assert.deepEqual(
      plan.files.find((f) => f.path === "pages/speaking/stage.jpg"),
      { path: "pages/speaking/stage.jpg", copyFrom: "/uploads/2023/05/stage.jpg" },
    );
    assert.equal(fileText(plan, "pages/speaking.md"), undefined);
    assert.equal(plan.report.images.copied, 1);
    assert.deepEqual(plan.report.images.missing, [
      { url: `${SITE}/wp-content/uploads/2023/05/lost.jpg`, path: "pages/speaking/lost.jpg" },
    ]);
    // Without an uploads folder, the page stays one file and its images are listed to fetch.
    const bare = planImport(
      wxr({ id: 13, title: "Speaking", type: "page", name: "speaking", link: `${SITE}/speaking/`, content }),
      "export.xml",
      settings,
    );
    assert.ok(fileText(bare, "pages/speaking.md"));
    assert.deepEqual(
      bare.report.images.toFetch.map((need) => need.path),
      ["pages/speaking/stage.jpg", "pages/speaking/lost.jpg"],
    );
  });

  it("gives two posts of the same day and slug two addresses, and says when WordPress's time zone was another", () => {
    const plan = planImport(
      wxr(
        { id: 1, title: "Same", name: "same" },
        { id: 2, title: "Same", name: "same" },
        { id: 3, title: "In UTC", name: "in-utc", date: "2024-06-10 01:00:00", gmt: "2024-06-10 01:00:00" },
      ),
      "export.xml",
      settings,
    );
    assert.deepEqual(
      plan.files.map((f) => f.path).filter((p) => p.startsWith("posts/")),
      ["posts/2024-06-09-same.md", "posts/2024-06-09-same-2.md", "posts/2024-06-10-in-utc.md"],
    );
    const warnings = plan.report.warnings.join("\n");
    assert.match(
      warnings,
      /item 2 “Same” \(export\.xml:\d+\): another post of 2024-06-09 has the slug "same": this one's address ends in \/same-2\//,
    );
    assert.match(
      warnings,
      /item 3 “In UTC” \(export\.xml:\d+\): WordPress dated it 2024-06-10 01:00:00 but 2024-06-10 01:00:00 UTC is 2024-06-09 in America\/Los_Angeles: .* the post keeps the day of its old URL, 2024-06-10/,
    );
  });

  it("gives a page another address when the site uses its old one, says so, and redirects the old one where no page of the site is", () => {
    const page = (id: number, name: string, link: string) => ({ id, title: `Old ${name}`, type: "page", name, link });
    const plan = planImport(
      wxr(
        page(20, "podcast", `${SITE}/podcast/`),
        page(21, "archive", `${SITE}/Archive`),
        page(22, "home", `${SITE}/?page_id=22`),
        page(23, "feed", `${SITE}/feed.xml`),
        page(24, "speaking", `${SITE}/en/speaking/`),
        page(25, "copy", `${SITE}/en/2024/06/09/a-post/`),
        page(26, "style", `${SITE}/assets/site.css/`),
        page(27, "podcast-2", `${SITE}/pages/podcast/`),
        { id: 5, title: "A post", name: "a-post" },
        page(28, "about", `${SITE}/?page_id=28`),
      ),
      "export.xml",
      settings,
    );
    const permalinks = Object.fromEntries(
      plan.files
        .filter((f) => f.path.startsWith("pages/"))
        .map((f) => [f.path, readFrontMatter(f.text!).data.permalink]),
    );
    assert.deepEqual(permalinks, {
      "pages/podcast.md": "/pages/podcast-2/",
      "pages/archive.md": "/pages/archive/",
      "pages/home.md": "/pages/home/",
      "pages/feed.md": "/pages/feed/",
      "pages/speaking.md": "/pages/speaking/",
      "pages/copy.md": "/pages/copy/",
      "pages/style.md": "/pages/style/",
      "pages/podcast-2.md": "/pages/podcast/",
    });
    const warnings = plan.report.warnings.join("\n");
    assert.match(
      warnings,
      /^pages\/podcast\.md: its old address \/podcast\/ is the address of the site's page podcast\.njk: the page is at \/pages\/podcast-2\/ instead$/m,
    );
    assert.match(
      warnings,
      /^pages\/archive\.md: its old address \/Archive is the address of the site's page archive\.njk: the page is at \/pages\/archive\/ instead$/m,
    );
    assert.match(warnings, /^pages\/home\.md: its old address \/ is the address of the site's page index\.njk: /m);
    assert.match(
      warnings,
      /^pages\/feed\.md: its old address \/feed\.xml is the address of the site's page feed-atom\.njk: /m,
    );
    assert.match(
      warnings,
      /^pages\/copy\.md: its old address \/en\/2024\/06\/09\/a-post\/ is the address of the post posts\/2024-06-09-a-post\.md: /m,
    );
    assert.match(
      warnings,
      /^pages\/speaking\.md: its old address \/en\/speaking\/ is under \/en\/, where the site has the posts and the years' pages: the page is at \/pages\/speaking\/ instead, and \/en\/speaking\/ redirects there$/m,
    );
    assert.match(
      warnings,
      /^pages\/style\.md: its old address \/assets\/site\.css\/ is under \/assets\/, where the site has the files of content\/assets: the page is at \/pages\/style\/ instead$/m,
    );
    const redirects = JSON.parse(fileText(plan, "_data/redirects.json")!) as { from: string; to: string }[];
    assert.deepEqual(
      redirects.filter((r) => r.to.startsWith("/pages/") || r.from === "/"),
      [{ from: "/en/speaking/", to: "/pages/speaking/" }],
    );
    assert.equal(plan.report.pages, 8);
  });

  it("knows the site's addresses from its templates' permalinks and settings, and the folders its build fills", () => {
    const { pages, folders } = siteAddresses(siteTemplates);
    for (const address of [
      "/",
      "/search/",
      "/podcast/",
      "/archive/",
      "/tags/",
      "/people/",
      "/about/",
      "/feed.xml",
      "/feed.json",
      "/podcast.xml",
      "/sitemap.xml",
      "/404.html",
    ])
      assert.ok(pages.has(address), address);
    assert.deepEqual([...folders.keys()].sort(), ["/assets/", "/en/", "/img/", "/pagefind/", "/people/", "/tags/"]);
    const dir = mkdtempSync(path.join(tmpdir(), "site-templates-"));
    try {
      writeFileSync(path.join(dir, "talks.njk"), "---\npermalink: /speaking/\n---\n");
      writeFileSync(path.join(dir, "workshops.md"), "---\ntitle: Workshops\n---\n");
      writeFileSync(path.join(dir, "shop.njk"), '---\npermalink: "{{ site.shop.url }}"\n---\n');
      writeFileSync(path.join(dir, "list.njk"), '---\npermalink: "{{ item.url }}"\n---\n');
      const templates = templatePages(dir, { shop: { url: "/boutique/" } }, read);
      assert.deepEqual(templates.map((t) => [t.file, t.address]).sort(), [
        ["shop.njk", "/boutique/"],
        ["talks.njk", "/speaking/"],
        ["workshops.md", "/workshops/"],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
