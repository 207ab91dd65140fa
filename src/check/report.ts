/**
 * What `npm run check` found, and its two printed forms: text lines as the build prints them
 * (`file:line: what is wrong`), or one JSON document for editors and scripts.
 */

/**
 * One problem in one file. `message` never repeats the file and line: the text form puts
 * `file:line[:column]: ` in front of it, the JSON form gives them as fields. `line` is null
 * when the problem is the whole file's (it cannot be read, a field is missing).
 */
export interface Diagnostic {
  file: string;
  line: number | null;
  column?: number;
  message: string;
}

/** A post that the production build leaves out: a draft, or one dated in the future. */
export interface Unpublished {
  file: string;
  reason: "draft" | "scheduled";
  /** The post's date, YYYY-MM-DD in the site's time zone. */
  date: string;
}

export interface CheckReport {
  errors: Diagnostic[];
  warnings: Diagnostic[];
  unpublished: Unpublished[];
  /** Post files read (valid or not) and transcripts checked. */
  posts: number;
  transcripts: number;
}

/** `file:line[:column]`, as the build and editors write a place in a file. */
export function placeOf(diagnostic: Diagnostic): string {
  const line = diagnostic.line === null ? "" : `:${diagnostic.line}`;
  const column = diagnostic.line !== null && diagnostic.column !== undefined ? `:${diagnostic.column}` : "";
  return `${diagnostic.file}${line}${column}`;
}

export function formatDiagnostic(diagnostic: Diagnostic, severity: "error" | "warning"): string {
  return `${placeOf(diagnostic)}: ${severity === "warning" ? "warning: " : ""}${diagnostic.message}`;
}

export function formatUnpublished(entry: Unpublished): string {
  return entry.reason === "draft" ? `${entry.file}: draft` : `${entry.file}: scheduled for ${entry.date}`;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

export function summaryLine(report: CheckReport): string {
  const checked = `Checked ${count(report.posts, "post")} and ${count(report.transcripts, "transcript")}`;
  return `${checked}: ${count(report.errors.length, "error")}, ${count(report.warnings.length, "warning")}.`;
}

/** Errors, then warnings, then the posts not published yet, then one summary line. */
export function formatText(report: CheckReport): string {
  return [
    ...report.errors.map((d) => formatDiagnostic(d, "error")),
    ...report.warnings.map((d) => formatDiagnostic(d, "warning")),
    ...report.unpublished.map(formatUnpublished),
    summaryLine(report),
  ].join("\n");
}

/** The JSON document: `ok` is false when there is any error (the command then exits with 1). */
export function formatJson(report: CheckReport): string {
  const { errors, warnings, unpublished, posts, transcripts } = report;
  return JSON.stringify({ ok: errors.length === 0, posts, transcripts, errors, warnings, unpublished }, null, 2);
}

/** Sorted by file, then line and column, so that output reads file by file. */
export function byPlace(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
