/** The import's report, as the author reads it at the end of the command. */
import type { ImportReport } from "./plan.ts";
import type { WriteOutcome } from "./write.ts";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function commentsLine(report: ImportReport): string {
  const leftOut = Object.entries(report.comments.leftOut).filter(([, n]) => n > 0);
  const total = leftOut.reduce((sum, [, n]) => sum + n, 0);
  const why = leftOut.map(([reason, n]) => `${n} ${reason}`).join(", ");
  return `comments: ${report.comments.kept} kept (approved), ${total} left out${why ? ` (${why})` : ""}`;
}

/** Posts by language and the groups of versions, for an export that names languages (Polylang): `languages: 12 posts in en, 4 in fr; 3 translation groups`. */
function languagesLines(report: ImportReport): string[] {
  const counts = Object.entries(report.languages).sort(([a], [b]) => a.localeCompare(b));
  if (!counts.length) return [];
  const byLanguage = counts
    .map(([lang, n], index) => (index === 0 ? `${plural(n, "post")} in ${lang}` : `${n} in ${lang}`))
    .join(", ");
  return [`languages: ${byLanguage}; ${plural(report.translationGroups, "translation group")}`];
}

function filesLines(outcome: WriteOutcome, dryRun: boolean): string[] {
  const verb = dryRun ? "would be " : "";
  const lines = [
    `files: ${outcome.written.length} ${verb}new, ${outcome.updated.length} ${verb}updated, ${outcome.unchanged.length} unchanged, ${outcome.kept.length} kept${outcome.forced.length ? `, ${outcome.forced.length} ${verb}replaced with --force` : ""}`,
  ];
  if (outcome.kept.length)
    lines.push(
      "",
      "Kept as they are (edited since the last import, or not written by it; --force replaces them):",
      ...outcome.kept.map((file) => `  ${file}`),
    );
  if (outcome.forced.length)
    lines.push("", `Replaced although edited (--force):`, ...outcome.forced.map((file) => `  ${file}`));
  return lines;
}

export function formatReport(
  report: ImportReport,
  outcome: WriteOutcome,
  options: { source: string; content: string; dryRun: boolean },
): string {
  const { posts, images } = report;
  const lines = [
    `${options.dryRun ? "Dry run: nothing written. " : ""}Import of ${options.source} into ${options.content}/`,
    `posts: ${plural(posts.articles, "article")}, ${plural(posts.episodes, "episode")} (of which ${plural(posts.drafts, "draft")}, ${posts.scheduled} scheduled)`,
    ...languagesLines(report),
    `pages: ${report.pages} imported`,
    `images: ${images.copied} copied, ${images.missing.length} missing from the uploads folder, ${images.toFetch.length} to fetch; ${plural(report.attachments, "attachment")} in the export`,
    commentsLine(report),
    `redirects: ${report.redirects} old addresses`,
    `skipped: ${report.skipped.length} items`,
    ...filesLines(outcome, options.dryRun),
  ];
  if (report.skipped.length) lines.push("", "Skipped:", ...report.skipped.map((s) => `  ${s.item}: ${s.reason}`));
  if (images.missing.length)
    lines.push(
      "",
      "Images missing from the uploads folder (the post links to the old address until the file is there and the import runs again):",
      ...images.missing.map((i) => `  ${i.url} → ${options.content}/${i.path}`),
    );
  if (images.toFetch.length)
    lines.push(
      "",
      "Images to fetch (nothing was downloaded: run again with --uploads <copy of wp-content/uploads>):",
      ...images.toFetch.map((i) => `  ${i.url} → ${options.content}/${i.path}`),
    );
  if (report.warnings.length)
    lines.push(
      "",
      "To look at:",
      ...report.warnings.map((w) => `  ${/^(posts|pages)\//.test(w) ? `${options.content}/` : ""}${w}`),
    );
  return `${lines.join("\n")}\n`;
}
