import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { DateTime } from "luxon";
import { checkContent } from "../../src/check/content.ts";
import { formatText, type CheckReport, type Diagnostic } from "../../src/check/report.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ARTICLE = "posts/2024-04-10-playing-to-win.md";
const EPISODE = "posts/2024-06-09-exploring-leadership-and-open-source-with-maria-bracho";

/** `npm run check` as a user runs it from the project's folder. */
function runCheck(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/check.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, INIT_CWD: ROOT },
  });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    lines: result.stdout.trimEnd().split("\n"),
  };
}

/**
 * The same check run in this process, printed as the command prints it: the scenarios below use
 * it, so that only the tests of the command itself start a process (about 0.6 s each).
 */
function checkHere(input: string) {
  const report = checkContent({ input: path.join(ROOT, input), cwd: ROOT });
  const stdout = formatText(report);
  return { code: report.errors.length ? 1 : 0, stdout, lines: stdout.trimEnd().split("\n") };
}

/** The line (from 1) of the first line of `file` that `test` accepts. */
function lineOf(file: string, test: (line: string) => boolean): number {
  const index = readFileSync(file, "utf8").split("\n").findIndex(test);
  assert.ok(index >= 0, `no such line in ${file}`);
  return index + 1;
}

const escapePattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const where = (d: Diagnostic) =>
  `${d.file}${d.line === null ? "" : `:${d.line}`}${d.column === undefined ? "" : `:${d.column}`}`;

describe("npm run check", () => {
  const folders: string[] = [];
  after(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  /** A copy of content/ at tests/.tmp/check-<random>/content; returns its path relative to the project, as messages show it. */
  function copyOfContent(): string {
    mkdirSync(path.join(ROOT, "tests/.tmp"), { recursive: true });
    const folder = mkdtempSync(path.join(ROOT, "tests/.tmp", "check-"));
    folders.push(folder);
    cpSync(path.join(ROOT, "content"), path.join(folder, "content"), { recursive: true });
    return path.relative(ROOT, path.join(folder, "content"));
  }
  const at = (...parts: string[]) => path.join(ROOT, ...parts);

  it("finds no error in the real content, and says what it checked", () => {
    const report = checkContent({ input: "content", cwd: ROOT });
    assert.deepEqual(report.errors, []);
    assert.ok(
      report.posts >= 12 && report.transcripts >= 5,
      `${report.posts} posts, ${report.transcripts} transcripts`,
    );

    const run = runCheck();
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(
      run.lines.at(-1),
      `Checked ${report.posts} posts and ${report.transcripts} transcripts: 0 errors, ${report.warnings.length} warning${report.warnings.length === 1 ? "" : "s"}.`,
    );

    const json = runCheck("--json");
    assert.equal(json.code, 0);
    const parsed = JSON.parse(json.stdout) as CheckReport & { ok: boolean };
    assert.equal(parsed.ok, true);
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.posts, report.posts);
    assert.equal(parsed.transcripts, report.transcripts);
  });

  it("stops on a bad front matter field with file:line: field, as the build does", () => {
    const input = copyOfContent();
    const file = at(input, ARTICLE);
    writeFileSync(file, readFileSync(file, "utf8").replace("date: 2024-04-10", "date: 2024-13-45"));
    const line = lineOf(file, (l) => l.startsWith("date:"));

    const run = checkHere(input);
    assert.equal(run.code, 1);
    assert.ok(
      run.lines.includes(
        `${input}/${ARTICLE}:${line}: field "date" "2024-13-45" is not a date (write YYYY-MM-DD, e.g. 2024-06-09)`,
      ),
      run.stdout,
    );
    assert.match(run.lines.at(-1)!, /: 1 error, /);
  });

  it("reports a transcript's undeclared speaker label at its file and line", () => {
    const input = copyOfContent();
    const file = at(input, EPISODE, "transcript.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Maria: Hi, Alexis.", "Maira: Hi, Alexis."));
    const line = lineOf(file, (l) => l.startsWith("Maira: Hi, Alexis."));

    const run = checkHere(input);
    assert.equal(run.code, 1);
    const pattern = new RegExp(
      `^${escapePattern(`${input}/${EPISODE}/transcript.md:${line}`)}(:\\d+)?: "Maira:" is not a declared speaker`,
    );
    assert.ok(
      run.lines.some((l) => pattern.test(l)),
      run.stdout,
    );
  });

  it("prints a transcript's doubtful timestamp as a warning and exits with 0", () => {
    const input = copyOfContent();
    const file = at(input, EPISODE, "transcript.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("[00:01:00]", "[00:01:0"));
    const line = lineOf(file, (l) => l.includes("[00:01:0 "));

    const run = checkHere(input);
    assert.equal(run.code, 0, run.stdout);
    const pattern = new RegExp(
      `^${escapePattern(`${input}/${EPISODE}/transcript.md:${line}`)}(:\\d+)?: warning: "\\[00:01:0" looks like a timestamp but is malformed`,
    );
    assert.ok(
      run.lines.some((l) => pattern.test(l)),
      run.stdout,
    );
    assert.match(run.lines.at(-1)!, /: 0 errors, [1-9]\d* warnings?\.$/);
  });

  it("reports a link to a post that does not exist at the link's line, and nothing in code", () => {
    const input = copyOfContent();
    const file = at(input, ARTICLE);
    const text = [
      "",
      "See [Mindsets](/en/2024/05/20/mindsets-for-the-future/#top) and [the same](/en/2024/05/20/mindsets-for-the-future),",
      "then `code that spans",
      "two lines` and [a lost post](/en/2023/02/30/no-such-post/).",
      "",
      "```markdown",
      "[an example, not a link](/en/2023/01/01/example/)",
      "```",
      "",
      "Other pages are not posts: [tags](/tags/strategy/), [about](/about/).",
      "",
    ].join("\n");
    writeFileSync(file, readFileSync(file, "utf8") + text);
    const line = lineOf(file, (l) => l.includes("no-such-post"));

    const run = checkHere(input);
    assert.equal(run.code, 1);
    const links = run.lines.filter((l) => l.includes("link to"));
    assert.deepEqual(links, [
      `${input}/${ARTICLE}:${line}: link to /en/2023/02/30/no-such-post/ leads nowhere: no post has this URL or lists it under redirect_from`,
    ]);
  });

  it("reports a featured image, a card and an image of the text that do not exist", () => {
    const input = copyOfContent();
    const file = at(input, ARTICLE);
    const source = readFileSync(file, "utf8").replace(
      "kind: article\n",
      'kind: article\nimage:\n  src: cover.jpg\n  alt: "A chess board"\ncard:\n  alt: "The book\'s cover"\n  src: /assets/share.png\n',
    );
    writeFileSync(file, `${source}\n![The cover](/assets/podcast-cover.png) ![A chart](/assets/chart.png)\n`);
    const srcLine = lineOf(file, (l) => l.startsWith("  src: cover"));
    const cardLine = lineOf(file, (l) => l.startsWith("  src: /assets/share"));
    const chartLine = lineOf(file, (l) => l.includes("chart.png"));

    const run = checkHere(input);
    assert.equal(run.code, 1);
    assert.deepEqual(
      run.lines.filter((l) => l.includes("no such file")),
      [
        `${input}/${ARTICLE}:${srcLine}: field "image.src" cover.jpg: no such file ${input}/posts/cover.jpg`,
        `${input}/${ARTICLE}:${cardLine}: field "card.src" /assets/share.png: no such file ${input}/assets/share.png`,
        `${input}/${ARTICLE}:${chartLine}: image /assets/chart.png: no such file ${input}/assets/chart.png`,
      ],
    );
  });

  it("reports an image that does not exist in a page that is not a post, and accepts one that does", () => {
    const input = copyOfContent();
    const folder = at(input, "pages/speaking");
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "stage.jpg"), "not checked as an image, only as a file");
    writeFileSync(
      path.join(folder, "index.md"),
      '---\nlayout: base.njk\ntitle: "Speaking"\npermalink: /en/speaking/\n---\n\n# Speaking\n\n![On stage](stage.jpg)\n\n![Lost](lost.jpg)\n',
    );
    const about = at(input, "about.md");
    writeFileSync(about, `${readFileSync(about, "utf8")}\n![A portrait](portrait.png)\n`);

    const run = checkHere(input);
    assert.equal(run.code, 1);
    assert.deepEqual(
      run.lines.filter((l) => l.includes("no such file")),
      [
        `${input}/about.md:${lineOf(about, (l) => l.includes("portrait.png"))}: image portrait.png: no such file ${input}/portrait.png`,
        `${input}/pages/speaking/index.md:11: image lost.jpg: no such file ${input}/pages/speaking/lost.jpg`,
      ],
    );
  });

  it("reports an image from another site, which the Content-Security-Policy would keep readers from seeing", () => {
    const input = copyOfContent();
    const file = at(input, ARTICLE);
    writeFileSync(
      file,
      `${readFileSync(file, "utf8")}\n![A chart](https://cdn.example/chart.png)\n\n![A dot](data:image/gif;base64,R0lGODlhAQABAAAAACw=)\n`,
    );
    const run = checkHere(input);
    assert.equal(run.code, 1);
    assert.deepEqual(
      run.lines.filter((l) => l.includes("Content-Security-Policy")),
      [
        `${input}/${ARTICLE}:${lineOf(file, (l) => l.includes("cdn.example"))}: image https://cdn.example/chart.png: the site's Content-Security-Policy (img-src 'self' data:) shows no image from another site, so readers would see none: save the image beside the post and point to it (![what it shows](photo.jpg))`,
      ],
    );
  });

  it("reports a page of content/pages/ at an address of the site's own pages or folders, naming its file, line and the page it would replace", () => {
    const input = copyOfContent();
    mkdirSync(at(input, "pages"), { recursive: true });
    writeFileSync(
      at(input, "pages/podcast.md"),
      '---\nlayout: base.njk\ntitle: "Podcast"\npermalink: /podcast/\n---\n\nThe old podcast page.\n',
    );
    writeFileSync(
      at(input, "pages/feed.md"),
      '---\nlayout: base.njk\ntitle: "Feed"\npermalink: /feed.xml\n---\n\nOld.\n',
    );
    writeFileSync(
      at(input, "pages/team.md"),
      '---\nlayout: base.njk\ntitle: "Team"\npermalink: /team/\n---\n\nFree.\n',
    );
    const run = checkHere(input);
    assert.equal(run.code, 1);
    assert.deepEqual(
      run.lines.filter((l) => l.includes('field "permalink"')),
      [
        `${input}/pages/feed.md:4: field "permalink" /feed.xml is the address of the site's page feed-atom.njk: give the page another address, e.g. /pages/feed/`,
        `${input}/pages/podcast.md:4: field "permalink" /podcast/ is the address of the site's page podcast.njk: give the page another address, e.g. /pages/podcast/`,
      ],
    );
  });

  it("reports two posts at one URL, one slug or one old path, naming both files", () => {
    const input = copyOfContent();
    const post = (name: string, front: string) =>
      writeFileSync(at(input, "posts", name), `---\n${front}kind: article\n---\n\nText.\n`);
    post("2024-04-10-copy.md", 'title: "Playing to Win"\ndate: 2024-04-10\n');
    post("2025-01-02-again.md", 'title: "Again"\nslug: playing-to-win\ndate: 2025-01-02\nredirect_from: [/old/]\n');
    post("2025-01-03-third.md", 'title: "Third"\ndate: 2025-01-03\nredirect_from:\n  - /old/\n');

    const run = checkHere(input);
    assert.equal(run.code, 1);
    const [copy, original, again, third] = [
      "2024-04-10-copy.md",
      "2024-04-10-playing-to-win.md",
      "2025-01-02-again.md",
      "2025-01-03-third.md",
    ].map((f) => `${input}/posts/${f}`);
    const titleLine = lineOf(at(original!), (l) => l.startsWith("title:"));
    const slugLine = lineOf(at(again!), (l) => l.startsWith("slug:"));
    const oldLine = lineOf(at(third!), (l) => l.includes("/old/"));
    const expected = [
      `${original}:${titleLine}: URL /en/2024/04/10/playing-to-win/ is also the URL of ${copy}: give one of them another slug or date`,
      `${again}:${slugLine}: slug "playing-to-win" is also the slug of ${copy}: give one of them another slug`,
      `${third}:${oldLine}: redirect_from of "Third": /old/ already redirects to /en/2025/01/02/playing-to-win/ (${again})`,
    ];
    for (const line of expected) assert.ok(run.lines.includes(line), `${line}\nnot in:\n${run.stdout}`);
    assert.match(run.lines.at(-1)!, /: 3 errors, /);
  });

  it("refuses a redirect that leaves the site or takes the site's own address, and an audio address that carries markup, naming the file, the field and the address", () => {
    const input = copyOfContent();
    const article = at(input, ARTICLE);
    writeFileSync(
      article,
      readFileSync(article, "utf8").replace(
        "kind: article\n",
        'kind: article\nredirect_from: ["/search/", "/\\\\evil.example"]\n',
      ),
    );
    const feeds = at(input, "posts/2025-01-04-feeds.md");
    writeFileSync(
      feeds,
      `---\ntitle: "Feeds"\ndate: 2025-01-04\nkind: article\nredirect_from: [/podcast.xml]\n---\n\nText.\n`,
    );
    const episode = at(input, EPISODE, "index.md");
    writeFileSync(
      episode,
      readFileSync(episode, "utf8").replace(
        "kind: episode\n",
        'kind: episode\naudio:\n  url: "https://cdn.example/a.mp3)<textarea>"\n  type: audio/mpeg\n  length: 1000\n  duration: "00:31:00"\n',
      ),
    );
    writeFileSync(
      at(input, "_data/redirects.json"),
      '[\n  { "from": "/", "to": "/archive/" },\n  { "from": "/old/", "to": "/\\\\evil.example" }\n]\n',
    );

    const run = checkHere(input);
    assert.equal(run.code, 1);
    const redirectLine = lineOf(article, (l) => l.startsWith("redirect_from:"));
    const expected = [
      `${input}/${ARTICLE}:${redirectLine}: field "redirect_from.0" /search/ is an address the site writes itself (the search page): no redirect can take it`,
      `${input}/${ARTICLE}:${redirectLine}: field "redirect_from.1" /\\evil.example is not a path of this site: a browser would open evil.example, another site (it reads "\\" as "/")`,
      `${input}/posts/2025-01-04-feeds.md:5: redirect_from of "Feeds": /podcast.xml is the address of a page of the site`,
      `${input}/${EPISODE}/index.md:${lineOf(episode, (l) => l.startsWith("audio:"))}: field "audio.url" https://cdn.example/a.mp3)<textarea> has ")", "<" and ">", which would end the address in a page or a link: write them %29, %3C and %3E`,
      `${input}/_data/redirects.json:2: entry [0] field "from" / is an address the site writes itself (the home page): no redirect can take it`,
      `${input}/_data/redirects.json:3: entry [1] (from /old/) field "to" /\\evil.example is not a path of this site: a browser would open evil.example, another site (it reads "\\" as "/")`,
    ];
    for (const line of expected) assert.ok(run.lines.includes(line), `${line}\nnot in:\n${run.stdout}`);
    assert.match(run.lines.at(-1)!, /: 6 errors, /);
  });

  it("lists drafts and scheduled posts without failing", () => {
    const input = copyOfContent();
    const future = DateTime.now().plus({ years: 1 }).toISODate();
    writeFileSync(
      at(input, "posts/2025-02-01-a-draft.md"),
      `---\ntitle: "A draft"\ndate: 2025-02-01\nkind: article\ndraft: true\n---\n\nText.\n`,
    );
    writeFileSync(
      at(input, `posts/${future}-later.md`),
      `---\ntitle: "Later"\ndate: ${future}\nkind: article\n---\n\nText.\n`,
    );

    const run = checkHere(input);
    assert.equal(run.code, 0, run.stdout);
    assert.ok(run.lines.includes(`${input}/posts/2025-02-01-a-draft.md: draft`), run.stdout);
    assert.ok(run.lines.includes(`${input}/posts/${future}-later.md: scheduled for ${future}`), run.stdout);
    assert.match(run.lines.at(-1)!, /: 0 errors, /);
  });

  it("--json gives the same findings as the text, as one JSON document", () => {
    const input = copyOfContent();
    const article = at(input, ARTICLE);
    writeFileSync(article, readFileSync(article, "utf8").replace("date: 2024-04-10", "date: 2024-13-45"));
    const transcript = at(input, EPISODE, "transcript.md");
    writeFileSync(
      transcript,
      readFileSync(transcript, "utf8")
        .replace("Maria: Hi, Alexis.", "Maira: Hi, Alexis.")
        .replace("[00:01:00]", "[00:01:0"),
    );
    writeFileSync(
      at(input, "posts/2025-02-01-a-draft.md"),
      `---\ntitle: "A draft"\ndate: 2025-02-01\nkind: article\ndraft: true\n---\n\nText.\n`,
    );

    const text = runCheck("--input", input);
    const json = runCheck("--input", input, "--json");
    assert.equal(json.code, 1);
    assert.equal(text.code, 1);
    const report = JSON.parse(json.stdout) as CheckReport & { ok: boolean };
    assert.equal(report.ok, false);
    assert.ok(report.errors.length >= 2 && report.warnings.length >= 1, json.stdout);
    // messages carry no file:line of their own: the fields do
    for (const d of [...report.errors, ...report.warnings]) assert.ok(!d.message.startsWith(d.file), d.message);
    assert.deepEqual(report.unpublished, [
      { file: `${input}/posts/2025-02-01-a-draft.md`, reason: "draft", date: "2025-02-01" },
    ]);
    // the text prints the same, in order: errors, warnings, unpublished posts, the summary
    assert.deepEqual(text.lines, [
      ...report.errors.map((d) => `${where(d)}: ${d.message}`),
      ...report.warnings.map((d) => `${where(d)}: warning: ${d.message}`),
      `${input}/posts/2025-02-01-a-draft.md: draft`,
      `Checked ${report.posts} posts and ${report.transcripts} transcripts: ${report.errors.length} errors, ${report.warnings.length} warning${report.warnings.length === 1 ? "" : "s"}.`,
    ]);
  });

  it("names a post, a transcript and a data file that are not UTF-8 at the line and column of the first byte, and says to save them as UTF-8", () => {
    const input = copyOfContent();
    /** Writes `file` with `latin1` saved as Latin-1 after `before`; returns the line where `latin1` starts. */
    const saveAsLatin1 = (file: string, before: string, latin1: string, after = "") => {
      writeFileSync(file, Buffer.concat([Buffer.from(before), Buffer.from(latin1, "latin1"), Buffer.from(after)]));
      return before.split("\n").length;
    };
    const article = at(input, ARTICLE);
    const articleLine = saveAsLatin1(article, `${readFileSync(article, "utf8")}\n`, "Café crème\n");
    const transcript = at(input, EPISODE, "transcript.md");
    const [head, tail] = readFileSync(transcript, "utf8").split("Maria: Hi, Alexis.");
    const transcriptLine = saveAsLatin1(transcript, head!, "Maria: Hi, Alexis. Café.", tail);
    saveAsLatin1(at(input, "_data/redirects.json"), "[\n", '  { "from": "/vieux-café/", "to": "/" }\n', "]\n");

    const run = checkHere(input);
    assert.equal(run.code, 1);
    const latin1 = (file: string, place: string) =>
      `${input}/${file}:${place}: not UTF-8: byte 0xE9 is "é" in Latin-1 (Windows-1252), which the file looks saved in: open it as Latin-1 and save it as UTF-8`;
    for (const line of [
      latin1(ARTICLE, `${articleLine}:4`),
      latin1(`${EPISODE}/transcript.md`, `${transcriptLine}:23`),
      latin1("_data/redirects.json", "2:24"),
    ])
      assert.ok(run.lines.includes(line), `${line}\nnot in:\n${run.stdout}`);

    const json = JSON.parse(runCheck("--input", input, "--json").stdout) as CheckReport;
    assert.ok(
      json.errors.some(
        (d) =>
          d.file === `${input}/${ARTICLE}` &&
          d.line === articleLine &&
          d.column === 4 &&
          d.message.startsWith("not UTF-8: "),
      ),
      JSON.stringify(json.errors),
    );
  });

  it("names a site.json that is not UTF-8", () => {
    const input = copyOfContent();
    const settings = at(input, "_data/site.json");
    const source = readFileSync(settings, "utf8");
    writeFileSync(settings, Buffer.from(source.replace(/"title": "[^"]*"/, '"title": "Café"'), "latin1"));
    const line = lineOf(settings, (l) => l.includes('"title": "Caf'));

    const run = checkHere(input);
    assert.equal(run.code, 1);
    assert.match(
      run.stdout,
      new RegExp(
        `^${escapePattern(`${input}/_data/site.json:${line}:16`)}: not UTF-8: byte 0xE9 is "é" in Latin-1`,
        "m",
      ),
    );
  });

  it("names a content folder that is not there, and an unknown option", () => {
    const missing = runCheck("--input", "tests/.tmp/no-such-content");
    assert.equal(missing.code, 1);
    assert.equal(
      missing.lines[0],
      "tests/.tmp/no-such-content: no content folder here (give the folder that holds _data/ and posts/)",
    );

    const unknown = runCheck("--jsn");
    assert.equal(unknown.code, 1);
    assert.equal(unknown.stdout, "");
    assert.match(unknown.stderr, /^check: error: Unknown option '--jsn'/);
  });
});
