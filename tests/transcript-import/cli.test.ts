/** `npm run transcript:import` end to end, against a temporary copy of an episode under tests/.tmp/. */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, rmdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readFrontMatter } from "../../src/markdown/front-matter.ts";
import { parsePost } from "../../src/posts/schema.ts";
import { readEpisodeTranscript } from "../../src/transcript/episode.ts";
import { toSRT } from "../../src/transcript/export.ts";
import { MARIA, POSTS, ROOT, fixture, parseMarkdown, readEpisodeTranscript as readRealTranscript } from "./helpers.ts";

const TMP_PARENT = path.join(ROOT, "tests/.tmp");
const TMP = path.join(TMP_PARENT, `transcript-import-${process.pid}`);
const CONTENT = path.join(TMP, "content");
const EPISODE_DIR = path.join(CONTENT, "posts", MARIA);
const TARGET = path.join(EPISODE_DIR, "transcript.md");
const SLUG = MARIA.replace(/^\d{4}-\d{2}-\d{2}-/, "");

function run(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/transcript-import.ts", ...args, "--content", CONTENT],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, INIT_CWD: ROOT },
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes an input file into the temp folder and returns its path. */
function input(name: string, text: string): string {
  const file = path.join(TMP, name);
  writeFileSync(file, text);
  return file;
}

/** Checks the written transcript as the site build does (front matter, declared people, parse). */
function buildCheck(): ReturnType<typeof readEpisodeTranscript> {
  const index = readFileSync(path.join(EPISODE_DIR, "index.md"), "utf8");
  const post = parsePost(readFrontMatter(index).data, "index.md", "Europe/Paris", index);
  return readEpisodeTranscript(readFrontMatter(readFileSync(TARGET, "utf8")), "transcript.md", post);
}

describe("transcript:import command", () => {
  before(() => {
    rmSync(TMP, { recursive: true, force: true });
    mkdirSync(EPISODE_DIR, { recursive: true });
    copyFileSync(path.join(POSTS, MARIA, "index.md"), path.join(EPISODE_DIR, "index.md"));
    mkdirSync(path.join(CONTENT, "posts", "2024-07-01-folder-without-index"), { recursive: true });
    writeFileSync(path.join(CONTENT, "posts", "2024-02-02-a-single-file-post.md"), "---\ntitle: A post\n---\n");
  });
  after(() => {
    rmSync(TMP, { recursive: true, force: true });
    try {
      rmdirSync(TMP_PARENT); // only when empty: other tests may use it
    } catch {
      // not empty or already gone
    }
  });

  it("writes transcript.md from a Zoom file, with a one-line summary and no warnings", () => {
    const file = input("zoom.vtt", fixture("zoom.vtt"));
    const { status, stdout, stderr } = run(file, "--episode", SLUG);
    assert.equal(stderr, "");
    assert.equal(status, 0);
    assert.ok(existsSync(TARGET), "transcript.md is written");
    assert.match(
      stdout,
      /^Wrote .*transcript\.md: 3 turns, 2 speakers \(Alexis Monville, Maria Bracho\), 01:05 long \(from .*zoom\.vtt, Zoom WebVTT, detected\)\.\n$/,
    );
    const transcript = buildCheck();
    assert.deepEqual(transcript.diagnostics, [], "the site build accepts it");
    assert.deepEqual(
      transcript.turns.map((t) => [t.speaker, t.start]),
      [
        ["Alexis Monville", 1],
        ["Maria Bracho", 9],
        ["Alexis Monville", 62],
      ],
    );
  });

  it("refuses to overwrite without --force, leaving the file as it was", () => {
    const before = readFileSync(TARGET, "utf8");
    const file = input("captions.srt", toSRT(readRealTranscript(MARIA)));
    const { status, stdout, stderr } = run(file, "--episode", SLUG);
    assert.equal(status, 1);
    assert.equal(stdout, "");
    assert.match(
      stderr,
      /^transcript:import: error: .*transcript\.md already exists\. Use --force to overwrite it\.\n$/,
    );
    assert.equal(readFileSync(TARGET, "utf8"), before);
  });

  it("overwrites with --force (whole folder name, explicit format) and the result parses with 0 errors", () => {
    const file = path.join(TMP, "captions.srt");
    const { status, stdout, stderr } = run(file, "--episode", MARIA, "--format", "srt", "--force");
    assert.equal(stderr, "");
    assert.equal(status, 0);
    assert.match(
      stdout,
      /: 30 turns, 2 speakers \(Alexis Monville, Maria Bracho\), 31:00 long \(from .*captions\.srt, SubRip \(SRT\)\)\.\n$/,
    );
    const written = readFileSync(TARGET, "utf8");
    assert.match(
      written,
      /^---\nheading: "Transcript"\nspeakers:\n {2}Alexis: "Alexis Monville"\n {2}Maria: "Maria Bracho"\n---\n\nAlexis: \[00:00:00\] Welcome to another episode/,
    );
    assert.equal(parseMarkdown(written).diagnostics.length, 0);
    const transcript = buildCheck();
    assert.deepEqual(transcript.diagnostics, []);
    assert.equal(transcript.turns.length, 30);
  });

  it("warns (but writes) when a speaker is neither the host nor a guest, suggesting the likely name", () => {
    const file = input(
      "brackets.txt",
      "[00:00:00] Alexis Monville: Welcome.\n[00:00:05] Maria B.: Thank you!\n[00:00:09] Guest Star: Hello.\n",
    );
    const { status, stdout, stderr } = run(file, "-e", SLUG, "--force");
    assert.equal(status, 0);
    assert.match(stdout, /: 3 turns, 3 speakers \(Alexis Monville, Maria B\., Guest Star\)/);
    const warnings = stderr.trimEnd().split("\n");
    assert.equal(warnings.length, 2, stderr);
    assert.match(
      warnings[0] ?? "",
      /^transcript:import: warning: speaker "Maria B\." \(label Maria\) is neither the host nor a guest in .*index\.md \(Alexis Monville, Maria Bracho\)\. If this is Maria Bracho, change the name under "speakers:" in .*transcript\.md to "Maria Bracho"/,
    );
    assert.match(
      warnings[1] ?? "",
      /^transcript:import: warning: speaker "Guest Star" \(label Guest\) .* Add the guest to .*index\.md or fix the name .* The site build rejects people who are not declared\.$/,
    );
    const errors = buildCheck().diagnostics.filter((d) => d.severity === "error");
    assert.equal(errors.length, 2, "the build would indeed reject both");
    assert.equal(
      parseMarkdown(readFileSync(TARGET, "utf8")).diagnostics.length,
      0,
      "the transcript itself parses cleanly",
    );
  });

  it("exits 1 with a clear message for an unknown episode", () => {
    const { status, stdout, stderr } = run(path.join(TMP, "zoom.vtt"), "--episode", "no-such-episode");
    assert.equal(status, 1);
    assert.equal(stdout, "");
    assert.match(
      stderr,
      /^transcript:import: error: episode "no-such-episode" not found: no folder .*posts\/no-such-episode or .*posts\/YYYY-MM-DD-no-such-episode\./,
    );
  });

  it("exits 1 for a single-file post and for a folder without index.md", () => {
    const single = run(path.join(TMP, "zoom.vtt"), "--episode", "a-single-file-post");
    assert.equal(single.status, 1);
    assert.match(
      single.stderr,
      /"a-single-file-post" is the single-file post .*2024-02-02-a-single-file-post\.md, not an episode folder/,
    );
    const noIndex = run(path.join(TMP, "zoom.vtt"), "--episode", "folder-without-index");
    assert.equal(noIndex.status, 1);
    assert.match(noIndex.stderr, /2024-07-01-folder-without-index has no index\.md/);
    assert.ok(!existsSync(path.join(CONTENT, "posts", "2024-07-01-folder-without-index", "transcript.md")));
  });

  it("exits 1 for a missing input, an unknown format, an unreadable file and bad arguments", () => {
    const missing = run(path.join(TMP, "nope.vtt"), "--episode", SLUG, "--force");
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /input file not found: .*nope\.vtt/);

    const badFormat = run(path.join(TMP, "zoom.vtt"), "--episode", SLUG, "--format", "docx", "--force");
    assert.equal(badFormat.status, 1);
    assert.match(badFormat.stderr, /unknown --format "docx": use one of vtt, zoom, srt, otter, brackets/);

    const prose = run(input("notes.txt", "Some notes, no speakers.\n"), "--episode", SLUG, "--force");
    assert.equal(prose.status, 1);
    assert.match(prose.stderr, /notes\.txt: cannot tell the format of this file/);

    const broken = run(
      input("broken.srt", "1\n00:00:01,000 --> 00:00:02,000\nno speaker here\n"),
      "--episode",
      SLUG,
      "--force",
    );
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /broken\.srt: line 3: cannot tell who says "no speaker here"/);

    const noEpisode = run(path.join(TMP, "zoom.vtt"));
    assert.equal(noEpisode.status, 1);
    assert.match(noEpisode.stderr, /--episode is required\n\nUsage: npm run transcript:import/);

    const unknownOption = run(path.join(TMP, "zoom.vtt"), "--episode", SLUG, "--frce");
    assert.equal(unknownOption.status, 1);
    assert.match(unknownOption.stderr, /Unknown option '--frce'/);
  });

  it("exits 1 for an input file that is not UTF-8, naming it with the line and column, and writes nothing", () => {
    const before = readFileSync(TARGET, "utf8");
    const said = "[00:00:05] Maria Bracho: Merci, très bien.";
    const file = path.join(TMP, "latin-1.txt");
    writeFileSync(file, Buffer.from(`[00:00:00] Alexis Monville: Welcome.\n${said}\n`, "latin1"));
    const { status, stdout, stderr } = run(file, "--episode", SLUG, "--force");
    assert.equal(status, 1);
    assert.equal(stdout, "");
    assert.equal(
      stderr,
      `transcript:import: error: ${path.relative(ROOT, file)}:2:${said.indexOf("è") + 1}: not UTF-8: byte 0xE8 is "è" in Latin-1 (Windows-1252), which the file looks saved in: open it as Latin-1 and save it as UTF-8\n`,
    );
    assert.equal(readFileSync(TARGET, "utf8"), before, "transcript.md is left as it was");
  });

  it("prints usage with --help", () => {
    const { status, stdout } = run("--help");
    assert.equal(status, 0);
    assert.match(stdout, /^Usage: npm run transcript:import -- <file> --episode <slug>/);
    for (const f of ["vtt", "zoom", "srt", "otter", "brackets"]) assert.match(stdout, new RegExp(`\\n {23}${f}\\b`));
  });
});
