/**
 * Checks all the content without writing the site: every post's front matter, every transcript,
 * duplicate URLs and slugs, links between posts, images, and lists drafts and scheduled posts.
 *
 *   npm run check [-- --input <dir>] [-- --json]
 *
 * Exit code 1 when there is any error, 0 otherwise (warnings are printed).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { checkContent } from "../src/check/content.ts";
import { formatJson, formatText } from "../src/check/report.ts";
import { callerDir, fail, projectRoot, runCli } from "./cli.ts";

const NAME = "check";
const USAGE = `Usage: npm run ${NAME} [-- --input <dir>] [-- --json]

Checks the content the way the build reads it, without writing the site.
  --input <dir>   the content folder (default: content)
  --json          print the findings as one JSON document
  --help, -h      this help

Exit code: 1 when there is an error, 0 otherwise (warnings are printed).`;

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: { input: { type: "string" }, json: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
}

runCli(NAME, (args) => {
  const options = parse(args);
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const input = options.input !== undefined ? path.resolve(callerDir, options.input) : path.join(projectRoot, "content");
  const report = checkContent({ input });
  console.log(options.json ? formatJson(report) : formatText(report));
  process.exitCode = report.errors.length ? 1 : 0;
});
