/**
 * Imports a WordPress export (Tools → Export, a WXR file) into content/: posts, episodes with
 * their transcripts, pages, images, approved comments and redirects from every old address.
 *
 *   npm run import:wordpress -- export.xml [--uploads DIR] [--dry-run] [--force] [--content DIR]
 *
 * Exit code 0 when the import ran (the report says what it did and skipped), 1 on an error.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { NotUtf8Error, readUtf8File } from "../src/files/utf8.ts";
import { todayIn } from "../src/posts/new-post.ts";
import { loadSiteSettings } from "../src/site/settings.ts";
import { planImport } from "../src/wordpress/plan.ts";
import { formatReport } from "../src/wordpress/report.ts";
import { dictionaryLanguages } from "../src/i18n/dictionary.ts";
import { siteAddresses, templatePages, type TemplatePage } from "../src/site/addresses.ts";
import { writePlan } from "../src/wordpress/write.ts";
import { readWxr, WxrError } from "../src/wordpress/wxr.ts";
import { callerDir, CliError, fail, projectRoot, shown } from "./cli.ts";

const NAME = "import:wordpress";
const USAGE = `Usage: npm run ${NAME} -- <export.xml> [--uploads <dir>] [--dry-run] [--force] [--content <dir>]

Turns a WordPress export (Tools → Export → All content) into posts, episodes and pages under content/.
  <export.xml>       the WXR file WordPress exported
  --uploads <dir>    a copy of the old site's wp-content/uploads: images are copied beside their posts
                     (without it nothing is downloaded: the report lists the images to fetch)
  --dry-run          write nothing, print the report
  --force            replace files edited since the last import (without it they are kept and listed)
  --content <dir>    the content folder (default: content)
  --help, -h         this help`;

function options(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        uploads: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        content: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
}

/** The site's own Markdown pages (content/*.md), by the slug of their file name, with their address. */
const existingPages = (templates: readonly TemplatePage[]) =>
  new Map(templates.filter((t) => t.file.endsWith(".md")).map((t) => [t.slug, t.address]));

function uploadsFolder(dir: string | undefined): (relative: string) => string | null {
  if (dir === undefined) return () => null;
  const root = path.resolve(callerDir, dir);
  if (!existsSync(root) || !statSync(root).isDirectory())
    fail(`--uploads ${dir}: no such folder (give a copy of the old site's wp-content/uploads)`);
  return (relative) => {
    const file = path.resolve(root, relative);
    return file.startsWith(root + path.sep) && existsSync(file) && statSync(file).isFile() ? file : null;
  };
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = options(argv);
  if (values.help) return void console.log(USAGE);
  if (positionals.length !== 1) fail(`give one export file\n${USAGE}`);
  const source = path.resolve(callerDir, positionals[0]!);
  const contentDir = path.resolve(callerDir, values.content ?? path.join(projectRoot, "content"));
  const site = loadSiteSettings(path.join(contentDir, "_data/site.json"));
  const wxr = await readWxr(source, shown(source));
  const templates = templatePages(contentDir, site, (file) => readUtf8File(file, shown(file)));
  const plan = planImport(wxr, shown(source), {
    timeZone: site.timeZone,
    hostName: site.author.name,
    feedPath: site.feeds.atom,
    existingPages: existingPages(templates),
    siteAddresses: siteAddresses(
      templates,
      dictionaryLanguages(path.join(contentDir, "_data")).filter((lang) => lang !== site.language),
    ),
    uploadFile: uploadsFolder(values.uploads),
    hasUploads: values.uploads !== undefined,
    today: todayIn(site.timeZone),
    language: site.language,
  });
  const dryRun = values["dry-run"];
  const outcome = writePlan(plan.files, contentDir, { force: values.force, dryRun });
  process.stdout.write(
    formatReport(plan.report, outcome, { source: shown(source), content: shown(contentDir), dryRun }),
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (!(error instanceof CliError || error instanceof WxrError || error instanceof NotUtf8Error)) throw error;
  console.error(`${NAME}: error: ${error.message}`);
  process.exitCode = 1;
});
