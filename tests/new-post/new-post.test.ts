/** The author command's pure functions (src/posts/new-post.ts): arguments, slugs, paths and the files' text. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import { readFrontMatter } from "../../src/markdown/front-matter.ts";
import {
  checkDate,
  checkPeople,
  conflictingPaths,
  FALLBACK_SLUG,
  NewPostError,
  parseGuest,
  parseNewPostArgs,
  planNewPost,
  postFileText,
  postPaths,
  postSlug,
  postUrl,
  speakerLabels,
  todayIn,
  transcriptFileText,
  UsageError,
  type NewPost,
} from "../../src/posts/new-post.ts";
import { parsePost } from "../../src/posts/schema.ts";
import { readEpisodeTranscript } from "../../src/transcript/episode.ts";

const ZONE = "America/Los_Angeles";
const HOST = "Alexis Monville";
/** Lowercase words of any script joined by hyphens: `playing-to-win`, `東京での対話`, `москва-2024`. */
const SLUG_RE = /^[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]+)*$/u;

const HOSTILE_TITLES = [
  `He said "hi" & <script>alert(1)</script>`,
  "Title: with colon # and hash",
  "- starts with dash",
  "* starts with a star",
  "[starts with a bracket]",
  "{starts with a brace}",
  "日本",
  "Café crème: l’été à Paris",
  "yes",
  "2024",
  "null",
  "'single' and \"double\" quotes",
  "ends with a colon:",
  "@at %percent `backtick` !bang &amp *alias | pipe > more ? question",
  "emoji 🎙️ and a tab\there",
];

const article = (title: string, extra: Partial<NewPost> = {}): NewPost => ({
  kind: "article",
  title,
  date: "2024-06-09",
  host: HOST,
  guests: [],
  tags: [],
  ...extra,
});
const episode = (title: string, extra: Partial<NewPost> = {}): NewPost =>
  article(title, {
    kind: "episode",
    guests: [{ name: "Maria Bracho", role: "CTO for LATAM at Red Hat" }, { name: "Jane Doe" }],
    ...extra,
  });

/** A file's text as the build reads it: front matter through the site's YAML, then the schema. */
function readBack(text: string, file = "content/posts/x.md") {
  const { data, body } = readFrontMatter(text);
  return { data, body, post: parsePost(data, file, ZONE, text) };
}

describe("post slugs", () => {
  it("are clean for hostile titles", () => {
    for (const title of HOSTILE_TITLES) assert.match(postSlug(title), SLUG_RE, title);
    assert.equal(postSlug(`He said "hi" & <script>alert(1)</script>`), "he-said-hi-script-alert-1-script");
    assert.equal(postSlug("Title: with colon # and hash"), "title-with-colon-and-hash");
    assert.equal(postSlug("- starts with dash"), "starts-with-dash");
    assert.equal(postSlug("Café crème"), "cafe-creme");
  });

  it("keep the letters and digits of every script", () => {
    assert.equal(postSlug("日本"), "日本");
    assert.equal(postSlug("東京での対話"), "東京での対話");
    assert.equal(postSlug("日本 2024"), "日本-2024");
    assert.equal(postSlug("Москва: взгляд"), "москва-взгляд");
  });

  it(`fall back to "${FALLBACK_SLUG}" when no letter or digit of any script is left`, () => {
    assert.equal(postSlug("🎙️"), "post");
    assert.equal(postSlug("!!! ???"), "post");
  });
});

describe("guests", () => {
  it("split at the first comma: name, then the role (commas and all)", () => {
    assert.deepEqual(parseGuest("Maria Bracho, CTO for LATAM, Red Hat"), {
      name: "Maria Bracho",
      role: "CTO for LATAM, Red Hat",
    });
    assert.deepEqual(parseGuest("  Jane Doe  ,  Author "), { name: "Jane Doe", role: "Author" });
  });

  it("have an optional role", () => {
    assert.deepEqual(parseGuest("Jane Doe"), { name: "Jane Doe" });
    assert.deepEqual(parseGuest("Jane Doe,"), { name: "Jane Doe" });
    assert.deepEqual(parseGuest("Jane Doe,   "), { name: "Jane Doe" });
  });

  it("need a name that can make a person page URL", () => {
    assert.throws(
      () => parseGuest(", CTO"),
      (e) => e instanceof UsageError && /has no name/.test(e.message),
    );
    assert.throws(() => parseGuest("   "), UsageError);
    assert.throws(
      () => parseGuest("🎙️, Guest"),
      (e) => e instanceof UsageError && /\/people\//.test(e.message) && /in any script/.test(e.message),
    );
    assert.throws(() => parseGuest("!!!"), UsageError);
  });

  it("may be written in any script", () => {
    assert.deepEqual(parseGuest("李明, 工程师"), { name: "李明", role: "工程师" });
    assert.deepEqual(parseGuest("Мария Иванова"), { name: "Мария Иванова" });
  });

  it("are each one person, distinct from the host", () => {
    assert.doesNotThrow(() => checkPeople(HOST, [{ name: "Maria Bracho" }, { name: "Jane Doe" }]));
    assert.throws(
      () => checkPeople(HOST, [{ name: "Maria Bracho" }, { name: "maria bracho" }]),
      (e) => e instanceof NewPostError && /Maria Bracho/.test(e.message),
    );
    assert.throws(
      () => checkPeople(HOST, [{ name: "Alexis Monville" }]),
      (e) => e instanceof NewPostError && /the host/.test(e.message),
    );
    // Names in other scripts are as distinct as they read; a name written two ways is one person.
    assert.doesNotThrow(() => checkPeople(HOST, [{ name: "李明" }, { name: "王芳" }]));
    assert.throws(
      () => checkPeople(HOST, [{ name: "Li Ming" }, { name: "li-ming" }]),
      (e) => e instanceof NewPostError && /Li Ming/.test(e.message),
    );
    assert.throws(
      () => planNewPost(episode("Twice", { guests: [{ name: "Jane Doe" }, { name: "Jane Doe", role: "Again" }] })),
      NewPostError,
    );
  });
});

describe("command line", () => {
  it("reads an article", () => {
    assert.deepEqual(
      parseNewPostArgs(["article", "  Playing to Win ", "--tag", "Books", "-t", " Strategy ", "--date", "2024-04-10"]),
      {
        help: false,
        kind: "article",
        title: "Playing to Win",
        guests: [],
        tags: ["Books", "Strategy"],
        date: "2024-04-10",
        content: undefined,
      },
    );
  });

  it("reads an episode with two guests, options in any order", () => {
    const args = parseNewPostArgs([
      "--guest",
      "Maria Bracho, CTO",
      "episode",
      "--content",
      "/tmp/c",
      "Open Source",
      "-g",
      "Jane Doe",
    ]);
    assert.equal(args.kind, "episode");
    assert.equal(args.title, "Open Source");
    assert.deepEqual(args.guests, [{ name: "Maria Bracho", role: "CTO" }, { name: "Jane Doe" }]);
    assert.deepEqual(args.tags, []);
    assert.equal(args.content, "/tmp/c");
  });

  it("takes a title that starts with a dash after --", () => {
    assert.equal(parseNewPostArgs(["article", "--tag", "X", "--", "- starts with dash"]).title, "- starts with dash");
    assert.throws(() => parseNewPostArgs(["article", "- starts with dash"]), UsageError);
  });

  it("answers --help without checking the rest", () => {
    assert.equal(parseNewPostArgs(["--help"]).help, true);
    assert.equal(parseNewPostArgs(["blog", "-h"]).help, true);
  });

  it("rejects a missing or unknown kind, a missing title and stray words", () => {
    const rejects = (argv: string[], pattern: RegExp) =>
      assert.throws(
        () => parseNewPostArgs(argv),
        (e) => e instanceof UsageError && pattern.test(e.message),
        argv.join(" "),
      );
    rejects([], /no kind given/);
    rejects(["blog", "Title"], /"blog" is not a kind of post: use article or episode/);
    rejects(["article"], /no title given/);
    rejects(["article", "   "], /no title given/);
    rejects(["article", "Playing", "to", "Win"], /put the title in quotes/);
    rejects(["article", "Title", "--guest", "Jane Doe"], /only an episode has guests/);
    rejects(["episode", "Title"], /at least one guest/);
    rejects(["article", "Title", "--author", "Me"], /--author/);
    rejects(["article", "Title", "--tag", "🎙️"], /--tag "🎙️": a tag needs a letter or digit \(in any script\)/);
  });

  it("takes tags in any script", () => {
    assert.deepEqual(parseNewPostArgs(["article", "東京での対話", "--tag", "日本語", "--tag", "日本"]).tags, [
      "日本語",
      "日本",
    ]);
  });
});

describe("dates", () => {
  it("default to today in the site's time zone", () => {
    const now = DateTime.fromISO("2024-06-10T05:00:00Z");
    assert.equal(todayIn("America/Los_Angeles", now), "2024-06-09");
    assert.equal(todayIn("Europe/Paris", now), "2024-06-10");
    assert.throws(() => todayIn("Mars/Olympus", now), NewPostError);
  });

  it("given with --date must be real days written YYYY-MM-DD", () => {
    assert.equal(checkDate("2024-02-29", ZONE), "2024-02-29");
    for (const bad of ["2023-02-29", "2024-13-01", "2024-6-9", "06/09/2024", "2024-06-09T10:00", "today"]) {
      assert.throws(
        () => checkDate(bad, ZONE),
        (e) => e instanceof UsageError && e.message.includes(bad),
        bad,
      );
    }
  });
});

describe("paths and URLs", () => {
  it("put an article in one file and an episode in a folder", () => {
    assert.deepEqual(postPaths("article", "2024-04-10", "playing-to-win"), {
      main: "posts/2024-04-10-playing-to-win.md",
    });
    assert.deepEqual(postPaths("episode", "2024-06-09", "open-source"), {
      folder: "posts/2024-06-09-open-source",
      main: "posts/2024-06-09-open-source/index.md",
      transcript: "posts/2024-06-09-open-source/transcript.md",
    });
  });

  it("conflict with either kind of post for the same date and slug", () => {
    assert.deepEqual(conflictingPaths("2024-06-09", "x"), ["posts/2024-06-09-x.md", "posts/2024-06-09-x"]);
  });

  it("give the URL the schema derives", () => {
    assert.equal(postUrl("2024-06-09", "open-source"), "/en/2024/06/09/open-source/");
    for (const title of HOSTILE_TITLES) {
      const plan = planNewPost(article(title));
      assert.equal(readBack(plan.files[0]!.text).post.url, plan.url, title);
      assert.equal(plan.url, `/en/2024/06/09/${postSlug(title)}/`);
    }
  });
});

describe("an article's file", () => {
  it("gives back every hostile title exactly, through the site's YAML and the schema", () => {
    for (const title of HOSTILE_TITLES) {
      const text = postFileText(article(title));
      const { data, post } = readBack(text);
      assert.equal(data.title, title, text);
      assert.equal(post.title, title);
      assert.match(post.slug, SLUG_RE);
    }
  });

  it("quotes what YAML would misread, with js-yaml's own rules", () => {
    const text = postFileText(article("Title: with colon # and hash"));
    assert.match(text, /^title: "Title: with colon # and hash"$/m);
    assert.match(postFileText(article("- starts with dash")), /^title: "- starts with dash"$/m);
  });

  it("has title, date, kind and tags, a description to write, and no slug unless the title has none", () => {
    const { data, body, post } = readBack(postFileText(article("Playing to Win", { tags: ["Books", "Strategy"] })));
    assert.deepEqual(data, {
      title: "Playing to Win",
      date: "2024-06-09",
      kind: "article",
      tags: ["Books", "Strategy"],
    });
    assert.equal(post.kind, "article");
    assert.equal(post.date.toISODate(), "2024-06-09");
    assert.equal(post.description, undefined);
    assert.deepEqual(post.tags, [
      { name: "Books", slug: "books" },
      { name: "Strategy", slug: "strategy" },
    ]);
    assert.match(postFileText(article("Playing to Win")), /^# description: /m);
    assert.match(body, /^\s*<!--[\s\S]*-->\s*$/);
  });

  it("writes tags: [] when there is none", () => {
    const text = postFileText(article("No tags"));
    assert.match(text, /^tags: \[\]$/m);
    assert.deepEqual(readBack(text).post.tags, []);
  });

  it("takes its slug from a title in any script, as the schema does, with no slug: written", () => {
    const { data, post } = readBack(postFileText(article("東京での対話", { tags: ["日本語", "日本"] })));
    assert.equal(data.slug, undefined);
    assert.equal(post.url, "/en/2024/06/09/東京での対話/");
    assert.deepEqual(post.tags, [
      { name: "日本語", slug: "日本語" },
      { name: "日本", slug: "日本" },
    ]);
    const plan = planNewPost(article("東京での対話"));
    assert.equal(plan.url, post.url);
    assert.equal(plan.files[0]!.path, "posts/2024-06-09-東京での対話.md");
  });

  it(`names its slug "${FALLBACK_SLUG}" when the title has no letter or digit in any script`, () => {
    const { data, post } = readBack(postFileText(article("🎙️!")));
    assert.equal(data.slug, "post");
    assert.equal(post.title, "🎙️!");
    assert.equal(post.url, "/en/2024/06/09/post/");
    assert.equal(planNewPost(article("🎙️!")).files[0]!.path, "posts/2024-06-09-post.md");
  });
});

describe("an episode's files", () => {
  const title = `He said "hi" & <script>alert(1)</script>`;
  const plan = planNewPost(episode(title, { tags: ["Open source"] }));
  const [index, transcript] = plan.files;

  it("are index.md and transcript.md in the episode's folder", () => {
    assert.equal(plan.folder, "posts/2024-06-09-he-said-hi-script-alert-1-script");
    assert.deepEqual(
      plan.files.map((f) => f.path),
      [
        "posts/2024-06-09-he-said-hi-script-alert-1-script/index.md",
        "posts/2024-06-09-he-said-hi-script-alert-1-script/transcript.md",
      ],
    );
    assert.equal(plan.url, "/en/2024/06/09/he-said-hi-script-alert-1-script/");
  });

  it("name the site's author as host and every guest, with their roles", () => {
    const { data, post } = readBack(index!.text);
    assert.equal(data.title, title);
    assert.deepEqual(post.host, { name: HOST });
    assert.deepEqual(post.guests, [{ name: "Maria Bracho", role: "CTO for LATAM at Red Hat" }, { name: "Jane Doe" }]);
    assert.equal(post.kind, "episode");
    assert.deepEqual(post.tags, [{ name: "Open source", slug: "open-source" }]);
  });

  it("keep guests' names and roles exact, commas and quotes included", () => {
    const guests = [{ name: "Jean-Luc O'Neil", role: `CEO, "Acme: #1" & co` }];
    assert.deepEqual(readBack(postFileText(episode("X", { guests }))).post.guests, guests);
  });

  it("start a transcript that reads back cleanly: no error, a warning per speaker until it is in", () => {
    const { post } = readBack(index!.text);
    const read = readFrontMatter(transcript!.text);
    assert.deepEqual(read.data, {
      heading: "Transcript",
      speakers: { Alexis: HOST, Maria: "Maria Bracho", Jane: "Jane Doe" },
    });
    assert.match(transcript!.text, /^heading: "Transcript"$/m);
    assert.equal(read.body.trim(), "");
    const parsed = readEpisodeTranscript(read, "transcript.md", post);
    assert.deepEqual(
      parsed.diagnostics.filter((d) => d.severity === "error"),
      [],
    );
    assert.deepEqual(
      parsed.diagnostics.map((d) => d.message),
      ["Alexis", "Maria", "Jane"].map(
        (label) =>
          `transcript.md:1: speaker "${label}" is declared under "speakers:" but never speaks. Remove it from the front matter or check the labels in the transcript.`,
      ),
    );
    assert.equal(parsed.turns.length, 0);
    assert.equal(parsed.heading, "Transcript");
  });

  it("keep their instructions out of the body, where even an HTML comment is an error", () => {
    const { post } = readBack(index!.text);
    const commented = transcript!.text.replace(/\n$/, "\n\n<!-- Paste the transcript here. -->\n");
    const parsed = readEpisodeTranscript(readFrontMatter(commented), "transcript.md", post);
    assert.ok(
      parsed.diagnostics.some((d) => d.severity === "error" && /text before the first speaker turn/.test(d.message)),
    );
  });

  it("tell the author how to fill the transcript, in YAML comments", () => {
    assert.match(transcript!.text, /^# .*Paste it/m);
    assert.match(
      transcript!.text,
      /^#\s+npm run transcript:import -- <file> --episode he-said-hi-script-alert-1-script --force$/m,
    );
  });

  it("give a transcript whose first turn parses once pasted under the labels", () => {
    const { post } = readBack(index!.text);
    const filled = `${transcriptFileText(episode(title), plan.slug)}\nAlexis: Welcome, Maria and Jane.\n\nMaria: Thank you.\n\nJane: Hello.\n`;
    const parsed = readEpisodeTranscript(readFrontMatter(filled), "transcript.md", post);
    assert.deepEqual(parsed.diagnostics, []);
    assert.deepEqual(
      parsed.turns.map((t) => t.speaker),
      [HOST, "Maria Bracho", "Jane Doe"],
    );
  });
});

describe("speaker labels", () => {
  it("are first names, or full names when two people share one", () => {
    assert.deepEqual(speakerLabels([HOST, "Maria Bracho"]), { Alexis: HOST, Maria: "Maria Bracho" });
    assert.deepEqual(speakerLabels([HOST, "Alexis Smith", "Maria Bracho"]), {
      "Alexis Monville": HOST,
      "Alexis Smith": "Alexis Smith",
      Maria: "Maria Bracho",
    });
    assert.deepEqual(speakerLabels(["Cher"]), { Cher: "Cher" });
  });
});
