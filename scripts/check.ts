/**
 * Checks all the content without writing the site: every post's front matter, every transcript,
 * duplicate URLs and slugs, links between posts, images, and lists drafts and scheduled posts.
 *
 *   npm run check [-- --input <dir>] [-- --json] [-- --staged]
 *
 * Exit code 1 when there is any error, 0 otherwise (warnings are printed).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { checkContent } from "../src/check/content.ts";
import { withStagedContent } from "../src/check/staged.ts";
import { formatJson, formatText } from "../src/check/report.ts";
import { callerDir, fail, projectRoot, runCli } from "./cli.ts";

const NAME = "check";
const USAGE = `Usage: npm run ${NAME} [-- --input <dir>] [-- --json] [-- --staged]

Checks the content the way the build reads it, without writing the site.
  --input <dir>   the content folder (default: content)
  --json          print the findings as one JSON document
  --staged        check the content as the next commit will hold it (git's index), as the
                  pre-commit hook does, not as it stands in the working tree
  --help, -h      this help

Exit code: 1 when there is an error, 0 otherwise (warnings are printed).`;

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        input: { type: "string" },
        json: { type: "boolean", default: false },
        staged: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
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
  const input =
    options.input !== undefined ? path.resolve(callerDir, options.input) : path.join(projectRoot, "content");
  // Paths in messages stay those of the repository ("content/posts/…"), whatever folder holds the staged copy.
  const report = options.staged
    ? withStagedContent(projectRoot, path.relative(projectRoot, input), (root) =>
        checkContent({ input: path.join(root, path.relative(projectRoot, input)), cwd: root }),
      )
    : checkContent({ input });
  console.log(options.json ? formatJson(report) : formatText(report));
  process.exitCode = report.errors.length ? 1 : 0;
});
