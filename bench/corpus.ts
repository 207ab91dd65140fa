/**
 * A generated blog for benchmarks: `posts` posts made from the real content's text, in an input
 * folder laid out like the project's (content/ beside a `layouts` symlink), so the project's build
 * runs on it unchanged.
 *   npx tsx bench/corpus.ts <dir> <count> [episodeShare] [transcriptWords] [seed]
 * Articles reuse the real articles' bodies; episodes reuse the real episodes' show notes, host,
 * guests and transcripts, the transcript's paragraphs repeated until about `transcriptWords`
 * words, each turn starting with a `[hh:mm:ss]` mark that keeps increasing. Titles get a number
 * so titles and slugs are unique; dates go back from 2024-06-09 one or two days apart; tags are
 * drawn from the real vocabulary. The same arguments always give the same files. `french` posts
 * more (`lang: fr`, none by default) are made the same way from the French fixtures
 * (tests/fixtures/french/: two articles, an episode and its transcript), for a search page per language.
 * Put `dir` inside the project (bench/.tmp/…, git-ignored): Eleventy resolves paths from the cwd.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { readFrontMatter } from "../src/markdown/front-matter.ts";
import { slugify } from "../src/posts/slug.ts";
import { formatHms } from "../src/text/clock.ts";
import { getOrMake } from "../src/maps/get-or-make.ts";

export const ROOT = path.resolve(import.meta.dirname, "..");
const CONTENT = path.join(ROOT, "content");
const POSTS = path.join(CONTENT, "posts");
const FRENCH_POSTS = path.join(ROOT, "tests", "fixtures", "french");

/** The tag vocabulary of docs/authoring.md. */
const TAGS = [
  "AI",
  "Books",
  "Career",
  "Change",
  "Culture",
  "Decision-making",
  "Emerging leadership",
  "Engineering leadership",
  "Open source",
  "Outcomes",
  "Platform engineering",
  "Startups",
  "Strategy",
];

export interface CorpusOptions {
  posts: number;
  /** French posts besides (`lang: fr`), from the French fixtures; 0 by default. */
  french?: number;
  episodeShare?: number;
  transcriptWords?: number;
  seed?: number;
}

export interface CorpusSummary {
  posts: number;
  episodes: number;
  /** Of `posts`, in French. */
  french: number;
  /** Words in all posts' bodies and transcripts (front matter excluded). */
  words: number;
}

interface Person {
  name: string;
  role?: string;
}

interface ArticleSource {
  title: string;
  description?: string;
  newsletter: boolean;
  body: string;
}

interface EpisodeSource extends ArticleSource {
  host: Person;
  guests: Person[];
  heading?: string;
  speakers: Record<string, string>;
  /** The transcript's paragraphs, without their timestamps. */
  paragraphs: string[];
}

/** mulberry32: a small, fast, seedable generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
const TIMESTAMP = /\s*\[(?:\d{1,2}:)?\d{1,2}:\d{2}\]\s*/g;
/** A YAML double-quoted scalar (JSON's string syntax is a subset of it). */
const quote = (text: string) => JSON.stringify(text);

function readSources(posts = POSTS): { articles: ArticleSource[]; episodes: EpisodeSource[] } {
  const articles: ArticleSource[] = [];
  const episodes: EpisodeSource[] = [];
  for (const entry of readdirSync(posts, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) {
      const dir = path.join(posts, entry.name);
      const { data, body } = readFrontMatter(readFileSync(path.join(dir, "index.md"), "utf8"));
      const transcript = readFrontMatter(readFileSync(path.join(dir, "transcript.md"), "utf8"));
      episodes.push({
        title: String(data.title),
        description: data.description as string | undefined,
        newsletter: data.newsletter === true,
        body: body.trim(),
        host: data.host as Person,
        guests: data.guests as Person[],
        heading: transcript.data.heading as string | undefined,
        speakers: transcript.data.speakers as Record<string, string>,
        paragraphs: transcript.body
          .split(/\n\s*\n/)
          .map((p) => p.replace(TIMESTAMP, " ").trim())
          .filter(Boolean),
      });
    } else if (entry.name.endsWith(".md")) {
      const { data, body } = readFrontMatter(readFileSync(path.join(posts, entry.name), "utf8"));
      articles.push({
        title: String(data.title),
        description: data.description as string | undefined,
        newsletter: data.newsletter === true,
        body: body.trim(),
      });
    }
  }
  if (!articles.length || !episodes.length) throw new Error(`no articles or no episodes in ${posts}`);
  return { articles, episodes };
}

/** A transcript of about `target` words: the source's paragraphs repeated, every turn timed. */
function makeTranscript(source: EpisodeSource, target: number): { body: string; words: number } {
  const labels = new Set(Object.keys(source.speakers));
  const out: string[] = [];
  let words = 0;
  let seconds = 0;
  for (let i = 0; words < target; i++) {
    const paragraph = source.paragraphs[i % source.paragraphs.length]!;
    const label = /^([^\s:\\]+):\s+/.exec(paragraph);
    out.push(
      label && labels.has(label[1]!)
        ? `${label[1]}: [${formatHms(seconds)}] ${paragraph.slice(label[0].length)}`
        : paragraph,
    );
    const n = wordCount(paragraph);
    words += n;
    seconds += Math.max(1, Math.round(n / 2.5)); // about 150 words a minute
  }
  return { body: `${out.join("\n\n")}\n`, words };
}

function pickTags(rand: () => number): string[] {
  const pool = [...TAGS];
  const count = 1 + Math.floor(rand() * 4);
  const tags: string[] = [];
  for (let i = 0; i < count; i++) tags.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
  return tags;
}

function personYaml(person: Person, indent: string): string {
  return `${indent}name: ${quote(person.name)}${person.role ? `\n${indent.replace("- ", "  ")}role: ${quote(person.role)}` : ""}`;
}

/** Writes `<dir>/content/` (replacing any previous one) and the `<dir>/layouts` symlink. */
export async function generateCorpus(dir: string, options: CorpusOptions): Promise<CorpusSummary> {
  const { posts, french = 0, episodeShare = 0.4, transcriptWords = 8000, seed = 1 } = options;
  const rand = random(seed);
  const content = path.join(dir, "content");
  rmSync(content, { recursive: true, force: true });
  mkdirSync(path.join(content, "posts"), { recursive: true });

  // The site around the posts: pages, data, assets.
  for (const entry of readdirSync(CONTENT, { withFileTypes: true })) {
    if (entry.name === "posts") continue;
    cpSync(path.join(CONTENT, entry.name), path.join(content, entry.name), { recursive: true });
  }
  cpSync(path.join(POSTS, "posts.11tydata.json"), path.join(content, "posts", "posts.11tydata.json"));
  const layouts = path.join(dir, "layouts");
  if (!existsSync(layouts)) symlinkSync(path.join(ROOT, "layouts"), layouts);

  const made = writePosts(content, readSources(), posts, null, { episodeShare, transcriptWords, rand });
  const inFrench = french
    ? writePosts(content, readSources(FRENCH_POSTS), french, "fr", { episodeShare, transcriptWords, rand })
    : { episodes: 0, words: 0 };
  return {
    posts: posts + french,
    episodes: made.episodes + inFrench.episodes,
    french,
    words: made.words + inFrench.words,
  };
}

/** Writes `posts` posts made from `sources` into `content`, in `lang` (null: the site's, no `lang:`). */
function writePosts(
  content: string,
  sources: { articles: ArticleSource[]; episodes: EpisodeSource[] },
  posts: number,
  lang: string | null,
  { episodeShare, transcriptWords, rand }: { episodeShare: number; transcriptWords: number; rand: () => number },
): { episodes: number; words: number } {
  const transcripts = new Map<EpisodeSource, { body: string; words: number }>();
  const date = new Date(Date.UTC(2024, 5, 9));
  let episodes = 0;
  let words = 0;
  for (let i = 0; i < posts; i++) {
    if (i > 0) date.setUTCDate(date.getUTCDate() - (rand() < 0.5 ? 1 : 2));
    const day = date.toISOString().slice(0, 10);
    // Exactly round(posts × share) episodes, spread evenly.
    const isEpisode = Math.floor((i + 1) * episodeShare) > Math.floor(i * episodeShare);
    const list: ArticleSource[] = isEpisode ? sources.episodes : sources.articles;
    const source = list[Math.floor(rand() * list.length)]!;
    const title = `${source.title} (${i + 1})`;
    const slug = slugify(title); // the URL's slug too, as no `slug:` is given
    const front = [
      "---",
      `title: ${quote(title)}`,
      `date: ${day}`,
      ...(lang ? [`lang: ${lang}`] : []),
      `kind: ${isEpisode ? "episode" : "article"}`,
      ...(source.description ? [`description: ${quote(source.description)}`] : []),
      `tags: [${pickTags(rand).join(", ")}]`,
      ...(source.newsletter ? ["newsletter: true"] : []),
    ];
    words += wordCount(source.body);
    if (isEpisode) {
      const episode = source as EpisodeSource;
      episodes++;
      front.push(
        "host:",
        personYaml(episode.host, "  "),
        "guests:",
        ...episode.guests.map((g) => personYaml(g, "  - ")),
      );
      const folder = path.join(content, "posts", `${day}-${slug}`);
      mkdirSync(folder);
      writeFileSync(path.join(folder, "index.md"), `${front.join("\n")}\n---\n\n${source.body}\n`);
      const transcript = getOrMake(transcripts, episode, () => makeTranscript(episode, transcriptWords));
      const speakers = Object.entries(episode.speakers).map(([label, name]) => `  ${label}: ${quote(name)}`);
      const heading = episode.heading ? [`heading: ${quote(episode.heading)}`] : [];
      writeFileSync(
        path.join(folder, "transcript.md"),
        ["---", ...heading, "speakers:", ...speakers, "---", "", transcript.body].join("\n"),
      );
      words += transcript.words;
    } else {
      writeFileSync(path.join(content, "posts", `${day}-${slug}.md`), `${front.join("\n")}\n---\n\n${source.body}\n`);
    }
  }
  return { episodes, words };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [dir, count, share, transcriptWords, seed] = process.argv.slice(2);
  if (!dir || !count) {
    console.error("usage: npx tsx bench/corpus.ts <dir> <count> [episodeShare=0.4] [transcriptWords=8000] [seed=1]");
    process.exit(2);
  }
  const summary = await generateCorpus(dir, {
    posts: Number(count),
    ...(share ? { episodeShare: Number(share) } : {}),
    ...(transcriptWords ? { transcriptWords: Number(transcriptWords) } : {}),
    ...(seed ? { seed: Number(seed) } : {}),
  });
  console.log(
    `${dir}: ${summary.posts} posts (${summary.episodes} episodes), ${summary.words.toLocaleString("en")} words`,
  );
}
