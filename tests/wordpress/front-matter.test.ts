/**
 * Bad input never escapes the front matter: whatever a field of the export holds, the files the
 * import writes read back with the keys the import meant and each value as it was meant.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import matter from "gray-matter";
import { load } from "js-yaml";
import { commentText } from "../../src/wordpress/html.ts";
import { planImport, type ImportPlan, type ImportSettings } from "../../src/wordpress/plan.ts";
import { plainText } from "../../src/wordpress/post.ts";
import { parseWxr, type WxrExport } from "../../src/wordpress/wxr.ts";
import { frontMatter } from "../../src/wordpress/yaml.ts";
import { interviewHtml, SEED_EXPORT, smallExport, type SmallItem } from "../support/wxr-fixture.ts";

const SITE = SEED_EXPORT.siteUrl;
const settings: ImportSettings = {
  timeZone: "America/Los_Angeles",
  hostName: "Alexis Monville",
  feedPath: "/feed.xml",
  existingPages: new Map(),
  siteAddresses: {
    pages: new Map([["/", "the home page"]]),
    folders: new Map([["/en/", { what: "the posts", redirects: true }]]),
  },
  uploadFile: () => null,
  hasUploads: false,
  today: "2026-11-29",
};

const EPISODE_KEYS = ["title", "date", "slug", "kind", "tags", "host", "guests", "redirect_from"];
const plan = (items: SmallItem[], wxr = parseWxr(smallExport(items))) => planImport(wxr, "export.xml", settings);
const fileText = (result: ImportPlan, path: string) =>
  result.files.find((f) => f.path === path)?.text ?? assert.fail(`${path} is not written`);
const frontOf = (result: ImportPlan, path: string) => matter(fileText(result, path), {}).data;
const warningsOf = (result: ImportPlan, id: number) =>
  result.report.warnings.filter((w) => w.startsWith(`item ${id} `));

/** The YAML commented out after "# The old post's audio…", uncommented and read. */
function commentedAudio(text: string): unknown {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.startsWith("# The old post's audio"));
  if (start < 0) return undefined;
  const commented = lines.slice(start + 1).filter((line) => line.startsWith("#"));
  return load(commented.map((line) => line.replace(/^# ?/, "")).join("\n"));
}

describe("what an export's enclosure can write into the front matter", () => {
  const episode = (id: number, slug: string, type: string): SmallItem => ({
    id,
    title: `Episode ${id}`,
    slug,
    content: interviewHtml(),
    enclosure: { url: "https://media.example.com/le-podcast/episode.mp3", length: "", type },
  });

  it("writes no key of a type that holds a line feed or a carriage return, and reports the type it left out", () => {
    const result = plan([
      episode(1, "line-feed", "audio/mpeg\neleventyComputed:\n  permalink: /../../outside.html"),
      episode(2, "carriage-return", "audio/mpeg\rdraft: true"),
    ]);
    for (const [id, slug] of [
      [1, "line-feed"],
      [2, "carriage-return"],
    ] as const) {
      const path = `posts/2024-06-09-${slug}/index.md`;
      assert.deepEqual(Object.keys(frontOf(result, path)), EPISODE_KEYS, path);
      assert.deepEqual(commentedAudio(fileText(result, path)), {
        audio: {
          url: "https://media.example.com/le-podcast/episode.mp3",
          type: "audio/mpeg",
          length: "<size in bytes>",
          duration: "hh:mm:ss",
        },
      });
      assert.match(
        warningsOf(result, id).join("\n"),
        /: its <enclosure> type "audio\/mpeg\\[nr].*" is not an audio MIME type: left out$/m,
      );
    }
  });

  it("links an article's audio only at an address that cannot end the Markdown link, and reports the one it left out", () => {
    const url = "https://media.example.com/a.mp3)![x](https://evil.example/x.png";
    const result = plan([{ id: 3, title: "An article", slug: "article", meta: [["audio_file", url]] }]);
    const text = fileText(result, "posts/2024-06-09-article.md");
    assert.ok(!text.includes("evil.example"), text);
    assert.deepEqual(
      warningsOf(result, 3).map((w) => w.replace(/\(export\.xml:\d+\)/, "(export.xml:N)")),
      [
        `item 3 “An article” (export.xml:N): its audio_file field ${JSON.stringify(url)} is not an http(s) address: left out`,
      ],
    );
  });
});

/** Strings a field of an export can hold that YAML, Markdown or a line-based reader could take for structure. */
const AWKWARD = [
  "line\nfeed",
  "carriage\rreturn",
  "\neleventyComputed:\n  permalink: /../../outside.html",
  "\rdraft: true",
  "key: value",
  "# not a comment",
  "a #hash",
  `"double" and 'single' quotes`,
  "---",
  "\n---\ndraft: true\n---\n",
  "line\u2028separator\u2029paragraph",
  "nul\u0000byte",
  "tab\tand\u0085next line",
  "[link](https://evil.example)",
];
/** Where the awkward string goes in the export: XML cannot carry some of them (NUL), so it is put into the parsed export. */
const MARK = "Zqawkwardqz";

function withValue<T>(node: T, value: string): T {
  if (typeof node === "string") return node.replaceAll(MARK, value) as T;
  if (node instanceof Map) return new Map([...node].map(([key, inner]) => [key, withValue(inner, value)])) as T;
  if (Array.isArray(node)) return node.map((inner) => withValue(inner, value)) as T;
  if (node && typeof node === "object")
    return Object.fromEntries(Object.entries(node).map(([key, inner]) => [key, withValue(inner, value)])) as T;
  return node;
}

const NOTES = `I talk with Maria Bracho, CTO ${MARK} at Example, about trust.`;
const ITEMS: SmallItem[] = [
  // Complete audio: written as audio:.
  {
    id: 1,
    title: `Title ${MARK} end`,
    slug: "first",
    excerpt: `Excerpt ${MARK} end`,
    tags: [`Tag ${MARK} end`],
    link: `${SITE}/en/2024/06/09/old-${MARK}/`,
    content: interviewHtml(NOTES),
    enclosure: { url: `https://media.example.com/${MARK}.mp3`, length: "31415926", type: `audio/${MARK}` },
    meta: [["duration", "00:31:00"]],
  },
  // Incomplete audio: written as a comment.
  {
    id: 2,
    title: "Second",
    slug: "second",
    content: interviewHtml(),
    enclosure: { url: `https://media.example.com/b-${MARK}.mp3`, length: "", type: `audio/mpeg${MARK}` },
  },
  { id: 3, title: `Page ${MARK} end`, slug: "page", type: "page", link: `${SITE}/page-${MARK}/` },
];

/** What the import wrote of `value` in `field`: the value itself (or `as` it), or the fallback and a report naming the item and the field. */
function writtenOrReported(
  result: ImportPlan,
  id: number,
  field: string,
  value: string,
  written: unknown,
  options: { as?: unknown; fallback?: unknown } = {},
): void {
  const reported = warningsOf(result, id).some((w) =>
    w.includes(`: its ${field} ${JSON.stringify(value).slice(0, 10)}`),
  );
  assert.deepEqual(
    written,
    reported ? options.fallback : "as" in options ? options.as : value,
    `${field} of item ${id}: ${JSON.stringify(value)}`,
  );
}

/** The path of an address, when it is one. */
const pathOf = (address: string) => (URL.canParse(address) ? new URL(address).pathname : address);

describe("an awkward string in any field the import writes", () => {
  for (const awkward of AWKWARD) {
    it(`reads back as itself and adds no key: ${JSON.stringify(awkward)}`, () => {
      const wxr: WxrExport = withValue(parseWxr(smallExport(ITEMS)), awkward);
      const result = plan([], wxr);
      const the = (text: string) => text.replaceAll(MARK, awkward);

      const first = frontOf(result, "posts/2024-06-09-first/index.md");
      assert.deepEqual(Object.keys(first), [
        ...EPISODE_KEYS.slice(0, 4),
        "description",
        ...EPISODE_KEYS.slice(4),
        ...("audio" in first ? ["audio"] : []),
      ]);
      assert.equal(first.title, plainText(the(`Title ${MARK} end`)));
      assert.equal(
        first.description,
        commentText(the(`Excerpt ${MARK} end`))
          .replace(/\s+/g, " ")
          .trim(),
      );
      assert.deepEqual(first.tags, [plainText(the(`Tag ${MARK} end`))]);
      const guests = first.guests as { name: string; role?: string }[];
      assert.deepEqual(
        guests.map((g) => Object.keys(g).filter((k) => k !== "role")),
        [["name"]],
      );
      assert.equal(guests[0]!.name, "Maria Bracho");
      const audio = first.audio as { url: string; type: string } | undefined;
      writtenOrReported(result, 1, "<enclosure> url", the(`https://media.example.com/${MARK}.mp3`), audio?.url);
      if (audio)
        writtenOrReported(result, 1, "<enclosure> type", the(`audio/${MARK}`), audio.type, { fallback: "audio/mpeg" });
      const link = the(`${SITE}/en/2024/06/09/old-${MARK}/`);
      const oldPath = (first.redirect_from as string[]).find((p) => p.startsWith("/en/"));
      writtenOrReported(result, 1, "link", link, oldPath, { as: pathOf(link) });

      const second = fileText(result, "posts/2024-06-09-second/index.md");
      assert.deepEqual(Object.keys(matter(second, {}).data), EPISODE_KEYS);
      const draft = commentedAudio(second) as { audio: { url: string; type: string } } | undefined;
      writtenOrReported(result, 2, "<enclosure> url", the(`https://media.example.com/b-${MARK}.mp3`), draft?.audio.url);
      if (draft)
        writtenOrReported(result, 2, "<enclosure> type", the(`audio/mpeg${MARK}`), draft.audio.type, {
          fallback: "audio/mpeg",
        });

      const page = frontOf(result, "pages/page.md");
      assert.deepEqual(Object.keys(page), ["layout", "title", "permalink"]);
      assert.equal(page.title, plainText(the(`Page ${MARK} end`)));
      const pageLink = the(`${SITE}/page-${MARK}/`);
      writtenOrReported(result, 3, "link", pageLink, page.permalink, { as: pathOf(pageLink), fallback: "/page/" });
    });
  }

  it("is written by the YAML library wherever it stands, comments included", () => {
    for (const awkward of AWKWARD) {
      const data = {
        title: awkward,
        tags: [awkward, `x${awkward}`],
        guests: [{ name: awkward, role: awkward }],
        empty: "",
        n: 3,
      };
      const text = `${frontMatter(data, { comment: `Fill in:\n${awkward}\nthen remove the # signs` })}\nbody\n`;
      assert.deepEqual(matter(text, {}).data, data, JSON.stringify(awkward));
      const comment = text.split("\n").slice(text.split("\n").findIndex((line) => line.startsWith("# Fill in")));
      assert.ok(
        comment.slice(0, comment.indexOf("---")).every((line) => line.startsWith("#")),
        JSON.stringify(awkward),
      );
    }
  });
});
