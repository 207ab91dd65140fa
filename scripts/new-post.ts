/**
 * Starts a post: writes its Markdown file (and an episode's transcript skeleton) in content/posts/.
 *
 *   npm run new -- article "Title" [--tag <tag> ...] [--date YYYY-MM-DD] [--content <dir>]
 *   npm run new -- episode "Title" --guest "Name, Role" [--guest ...] [--tag <tag> ...] [--date YYYY-MM-DD] [--content <dir>]
 *
 * Prints the created file(s) and the post's URL. Exit code 0 when written, 1 on any error (nothing
 * is written then): usage mistakes, an invalid date, or a post that already exists for that date
 * and slug (never overwritten).
 */
import { existsSync, mkdirSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readFrontMatter } from "../src/markdown/front-matter.ts";
import {
  checkDate,
  NewPostError,
  parseNewPostArgs,
  planNewPost,
  todayIn,
  USAGE,
  UsageError,
  type NewPostPlan,
} from "../src/posts/new-post.ts";
import { FrontMatterError, parsePost, type Post } from "../src/posts/schema.ts";
import { loadSiteSettings, type SiteSettings } from "../src/site/settings.ts";
import { readEpisodeTranscript } from "../src/transcript/episode.ts";
import { callerDir, fail, projectRoot, runCli, shown } from "./cli.ts";

const NAME = "new";


function readSite(contentDir: string): SiteSettings {
  const file = path.join(contentDir, "_data", "site.json");
  if (!existsSync(file)) fail(`no site settings at ${shown(file)} (--content is ${shown(contentDir)})`);
  try {
    return loadSiteSettings(file);
  } catch (error) {
    return fail(`cannot read ${shown(file)}: ${(error as Error).message}`);
  }
}

/** The files must read back as the build reads them: check them before writing anything. */
function check(plan: NewPostPlan, contentDir: string, timeZone: string): void {
  const [main, transcript] = plan.files;
  if (!main) return;
  const file = shown(path.join(contentDir, main.path));
  let post: Post;
  try {
    post = parsePost(readFrontMatter(main.text).data, file, timeZone, main.text);
  } catch (error) {
    if (error instanceof FrontMatterError) fail(error.message);
    throw error;
  }
  if (post.url !== plan.url) fail(`${file} would be at ${post.url}, not ${plan.url} (this is a bug in the command)`);
  if (transcript) {
    const relative = shown(path.join(contentDir, transcript.path));
    const errors = readEpisodeTranscript(readFrontMatter(transcript.text), relative, post).diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) fail(`the transcript skeleton does not read back cleanly (this is a bug in the command):\n${errors.map((d) => `  ${d.message}`).join("\n")}`);
  }
}

function write(plan: NewPostPlan, contentDir: string): string[] {
  const postsDir = path.join(contentDir, "posts");
  if (!existsSync(postsDir) || !statSync(postsDir).isDirectory()) fail(`no posts folder at ${shown(postsDir)} (--content is ${shown(contentDir)})`);
  for (const conflict of plan.conflicts) {
    const existing = path.join(contentDir, conflict);
    if (existsSync(existing)) {
      fail(`${shown(existing)} already exists: there is a post for that date with the slug "${plan.slug}". It is not overwritten: edit it, or choose another title or --date.`);
    }
  }
  const folder = plan.folder ? path.join(contentDir, plan.folder) : null;
  const written: string[] = [];
  let createdFolder = false;
  try {
    if (folder) {
      mkdirSync(folder); // not recursive: fails if another command created it meanwhile
      createdFolder = true;
    }
    for (const file of plan.files) {
      const target = path.join(contentDir, file.path);
      writeFileSync(target, file.text, { encoding: "utf8", flag: "wx" });
      written.push(target);
    }
  } catch (error) {
    // Leave nothing half-made behind: what this run created goes, what was there stays.
    for (const file of written) rmSync(file, { force: true });
    if (folder && createdFolder) rmdirSync(folder);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") fail(`${shown(folder ?? path.join(contentDir, plan.files[0]?.path ?? ""))} already exists: it is not overwritten.`);
    return fail(`cannot write the post: ${(error as Error).message}`);
  }
  return written;
}

function main(argv: string[]): void {
  let args: ReturnType<typeof parseNewPostArgs>;
  try {
    args = parseNewPostArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) fail(`${error.message}\n\n${USAGE}`);
    throw error;
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const contentDir = args.content !== undefined ? path.resolve(callerDir, args.content) : path.join(projectRoot, "content");
  const site = readSite(contentDir);
  let plan: NewPostPlan;
  try {
    const date = args.date !== undefined ? checkDate(args.date, site.timeZone) : todayIn(site.timeZone);
    plan = planNewPost({ kind: args.kind, title: args.title, date, host: site.author.name, guests: args.guests, tags: args.tags });
  } catch (error) {
    if (error instanceof UsageError || error instanceof NewPostError) fail(error.message);
    throw error;
  }
  check(plan, contentDir, site.timeZone);
  const written = write(plan, contentDir);
  for (const file of written) console.log(`Created ${shown(file)}`);
  console.log(`URL: ${plan.url}`);
  if (args.kind === "episode") {
    console.log(`Paste the transcript into transcript.md, or import it: npm run transcript:import -- <file> --episode ${plan.slug} --force`);
  }
}

runCli(NAME, main);
