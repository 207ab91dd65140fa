/**
 * Starts a post: writes its Markdown file (and an episode's transcript skeleton) in content/posts/.
 *
 *   npm run new -- article "Title" [--tag <tag> ...] [--date YYYY-MM-DD] [--lang <lang>] [--translation-of <post>] [--content <dir>]
 *   npm run new -- episode "Title" --guest "Name, Role" [--guest ...] [--tag <tag> ...] [--date YYYY-MM-DD] [--lang <lang>] [--translation-of <post>] [--content <dir>]
 *
 * Prints the created file(s) and the post's URL. `--lang fr` writes `lang: fr` (a language with a
 * dictionary in content/_data/i18n/); `--translation-of` gives the new post the original's
 * `translationKey`, adding one (its slug) to the original when it has none. Exit code 0 when written, 1 on any error (nothing
 * is written then): usage mistakes, an invalid date, or a post that already exists for that date
 * and slug (never overwritten).
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { listContent, readPost, type PostFile } from "../src/check/files.ts";
import { NotUtf8Error, readUtf8File } from "../src/files/utf8.ts";
import { DICTIONARIES_DIR, DictionaryError, knownLanguages, readDictionaries } from "../src/i18n/dictionary.ts";
import { readFrontMatter } from "../src/markdown/front-matter.ts";
import { isPostFile } from "../src/posts/front-matter.ts";
import {
  checkDate,
  checkLanguage,
  NewPostError,
  parseNewPostArgs,
  planNewPost,
  todayIn,
  translationLanguage,
  USAGE,
  UsageError,
  withTranslationKey,
  type NewPostArgs,
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

/** The languages with a dictionary (content/_data/i18n/<lang>.json), read as the build reads them. */
function siteLanguages(contentDir: string, language: string): string[] {
  const dir = path.join(contentDir, "_data", DICTIONARIES_DIR);
  if (!existsSync(dir)) fail(`no dictionaries at ${shown(dir)}: a language needs one, <lang>.json`);
  try {
    return knownLanguages(readDictionaries(dir, language, shown(dir)));
  } catch (error) {
    if (error instanceof DictionaryError || error instanceof NotUtf8Error) return fail(error.message);
    throw error;
  }
}

/** The post `--translation-of` names: a file or folder (from the current folder or the content folder), else a slug or folder name under posts/. */
function findOriginal(contentDir: string, given: string): string {
  const postsDir = path.join(contentDir, "posts");
  const asPath = [path.resolve(callerDir, given), path.resolve(contentDir, given)].find((p) => existsSync(p));
  if (asPath) {
    const file = statSync(asPath).isDirectory() ? path.join(asPath, "index.md") : asPath;
    if (!file.startsWith(postsDir + path.sep)) fail(`--translation-of ${given}: not a post of ${shown(postsDir)}`);
    if (!existsSync(file) || !isPostFile(file))
      fail(`--translation-of ${given}: not a post (give its .md file, its folder or its slug)`);
    return file;
  }
  // A slug, a folder's name, or an address (/en/2024/04/10/playing-to-win/): its last part.
  const wanted = path.basename(given.replace(/[\\/]+$/, "")).replace(/\.md$/, "");
  const slugOf = (name: string) => name.replace(/^\d{4}-\d{2}-\d{2}-/, "");
  const matches = existsSync(postsDir)
    ? readdirSync(postsDir, { withFileTypes: true }).filter((e) => {
        const name = e.isDirectory() ? e.name : e.name.replace(/\.md$/, "");
        return (e.isDirectory() || e.name.endsWith(".md")) && (name === wanted || slugOf(name) === wanted);
      })
    : [];
  if (matches.length === 0)
    fail(
      `--translation-of ${given}: no post ${shown(path.join(postsDir, `YYYY-MM-DD-${wanted}.md`))} or folder of that slug`,
    );
  if (matches.length > 1)
    fail(
      `--translation-of ${given} is ambiguous: ${matches.map((e) => e.name).join(", ")}. Give the whole file or folder name.`,
    );
  const [match] = matches;
  return path.join(postsDir, match!.name, ...(match!.isDirectory() ? ["index.md"] : []));
}

/** The translation: the language the new post is in, its key, and the original's new text when the key is added to it. */
interface Translation {
  lang: string;
  key: string;
  original: { file: string; text?: string };
}

/**
 * What `--translation-of` asks: the original, read as the build reads it, gives its key (or its
 * slug, added to it); no other post may already be this language's version, nor hold the new key.
 */
function translation(contentDir: string, site: SiteSettings, args: NewPostArgs, known: string[]): Translation {
  const file = findOriginal(contentDir, args.translationOf!);
  const read = readPost({ path: file, file: shown(file) }, site.timeZone, site.language);
  if (!read.value)
    return fail(
      `--translation-of: ${shown(file)} cannot be read:\n${read.errors.map((e) => `  ${e.line ? `line ${e.line}: ` : ""}${e.message}`).join("\n")}`,
    );
  const original = read.value;
  const lang = translationLanguage(args.lang, original.post.lang, known);
  const key = original.post.translationKey ?? original.post.slug;
  const content = listContent(contentDir, shown);
  const others = (content.value?.posts ?? [])
    .filter((p) => p.path !== file)
    .flatMap((at): PostFile[] => {
      const post = readPost(at, site.timeZone, site.language).value;
      return post ? [post] : [];
    });
  const holder = others.find((p) => p.post.translationKey === key);
  if (holder && !original.post.translationKey)
    fail(
      `${holder.file} already has the translationKey "${key}": give ${shown(file)} a translationKey of its own by hand, then run this again`,
    );
  const version = others.find((p) => p.post.translationKey === key && p.post.lang === lang);
  if (version) fail(`${shown(file)} already has a ${lang} version: ${version.file} (translationKey "${key}")`);
  if (original.post.translationKey) return { lang, key, original: { file } };
  const text = withTranslationKey(readUtf8File(file, shown(file)), key);
  const again = parsePost(readFrontMatter(text).data, shown(file), site.timeZone, text, site.language);
  if (again.translationKey !== key || again.url !== original.post.url)
    fail(`cannot add the translationKey to ${shown(file)} (this is a bug in the command)`);
  return { lang, key, original: { file, text } };
}

/** The files must read back as the build reads them: check them before writing anything. */
function check(plan: NewPostPlan, contentDir: string, site: SiteSettings): void {
  const [main, transcript] = plan.files;
  if (!main) return;
  const file = shown(path.join(contentDir, main.path));
  let post: Post;
  try {
    post = parsePost(readFrontMatter(main.text).data, file, site.timeZone, main.text, site.language);
  } catch (error) {
    if (error instanceof FrontMatterError) fail(error.message);
    throw error;
  }
  if (post.url !== plan.url) fail(`${file} would be at ${post.url}, not ${plan.url} (this is a bug in the command)`);
  if (transcript) {
    const relative = shown(path.join(contentDir, transcript.path));
    const errors = readEpisodeTranscript(readFrontMatter(transcript.text), relative, post).diagnostics.filter(
      (d) => d.severity === "error",
    );
    if (errors.length > 0)
      fail(
        `the transcript skeleton does not read back cleanly (this is a bug in the command):\n${errors.map((d) => `  ${d.message}`).join("\n")}`,
      );
  }
}

function write(plan: NewPostPlan, contentDir: string): string[] {
  const postsDir = path.join(contentDir, "posts");
  if (!existsSync(postsDir) || !statSync(postsDir).isDirectory())
    fail(`no posts folder at ${shown(postsDir)} (--content is ${shown(contentDir)})`);
  for (const conflict of plan.conflicts) {
    const existing = path.join(contentDir, conflict);
    if (existsSync(existing)) {
      fail(
        `${shown(existing)} already exists: there is a post for that date with the slug "${plan.slug}". It is not overwritten: edit it, or choose another title or --date.`,
      );
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
    if (code === "EEXIST")
      fail(
        `${shown(folder ?? path.join(contentDir, plan.files[0]?.path ?? ""))} already exists: it is not overwritten.`,
      );
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
  const contentDir =
    args.content !== undefined ? path.resolve(callerDir, args.content) : path.join(projectRoot, "content");
  const site = readSite(contentDir);
  let plan: NewPostPlan;
  let linked: Translation | undefined;
  try {
    const known =
      args.lang !== undefined || args.translationOf !== undefined ? siteLanguages(contentDir, site.language) : [];
    const lang =
      args.lang !== undefined
        ? checkLanguage(args.lang, known, shown(path.join(contentDir, "_data", DICTIONARIES_DIR)))
        : undefined;
    linked = args.translationOf !== undefined ? translation(contentDir, site, args, known) : undefined;
    const date = args.date !== undefined ? checkDate(args.date, site.timeZone) : todayIn(site.timeZone);
    const languages = {
      siteLanguage: site.language,
      ...((linked?.lang ?? lang) ? { lang: linked?.lang ?? lang } : {}),
      ...(linked ? { translationKey: linked.key } : {}),
    };
    plan = planNewPost({
      kind: args.kind,
      title: args.title,
      date,
      host: site.author.name,
      guests: args.guests,
      tags: args.tags,
      ...languages,
    });
  } catch (error) {
    if (error instanceof UsageError || error instanceof NewPostError) fail(error.message);
    throw error;
  }
  check(plan, contentDir, site);
  const written = write(plan, contentDir);
  for (const file of written) console.log(`Created ${shown(file)}`);
  console.log(`URL: ${plan.url}`);
  if (linked?.original.text !== undefined) {
    writeFileSync(linked.original.file, linked.original.text, "utf8");
    console.log(`Added translationKey: ${linked.key} to ${shown(linked.original.file)}, the post it translates`);
  } else if (linked) console.log(`A version of ${shown(linked.original.file)} (translationKey: ${linked.key})`);
  if (args.kind === "episode") {
    console.log(
      `Paste the transcript into transcript.md, or import it: npm run transcript:import -- <file> --episode ${plan.slug} --force`,
    );
  }
}

runCli(NAME, main);
