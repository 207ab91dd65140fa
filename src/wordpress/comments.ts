/**
 * The comments worth keeping: approved comments by readers. Pingbacks, trackbacks, spam, pending
 * and trashed comments are left out and counted. A kept comment is its author's name, its date
 * and its text as plain text: never the e-mail, IP address or website the export also holds.
 */
import { decodeHTML } from "entities";
import { DateTime } from "luxon";
import { commentText } from "./html.ts";
import type { WxrComment } from "./wxr.ts";

export interface KeptComment {
  author: string;
  /** ISO 8601 with the site zone's offset. */
  date: string;
  text: string;
  in_reply_to?: string;
}

export type LeftOutReason = "spam" | "pending" | "trash" | "pingback" | "trackback" | "empty";

export interface SortedComments {
  kept: KeptComment[];
  leftOut: Record<LeftOutReason, number>;
}

function reasonToLeaveOut(comment: WxrComment, text: string): LeftOutReason | null {
  if (comment.type === "pingback" || comment.type === "trackback") return comment.type;
  if (comment.approved === "spam") return "spam";
  if (comment.approved === "trash" || comment.approved === "post-trashed") return "trash";
  if (comment.approved !== "1") return "pending";
  if (!text) return "empty";
  return null;
}

/** The comment's time in the site's zone, from the UTC date when the export has one. */
function commentDate(comment: WxrComment, timeZone: string): string {
  const utc = DateTime.fromSQL(comment.dateGmt, { zone: "utc" });
  const date =
    utc.isValid && !comment.dateGmt.startsWith("0000")
      ? utc.setZone(timeZone)
      : DateTime.fromSQL(comment.date, { zone: timeZone });
  return date.isValid ? date.toISO({ suppressMilliseconds: true })! : "";
}

export function sortComments(comments: readonly WxrComment[], timeZone: string): SortedComments {
  const leftOut: Record<LeftOutReason, number> = { spam: 0, pending: 0, trash: 0, pingback: 0, trackback: 0, empty: 0 };
  const authors = new Map<number, string>();
  const kept: (KeptComment & { parent: number })[] = [];
  for (const comment of comments) {
    const text = commentText(comment.content);
    const date = commentDate(comment, timeZone);
    const reason = reasonToLeaveOut(comment, text) ?? (date ? null : "empty");
    if (reason) {
      leftOut[reason]++;
      continue;
    }
    // WordPress keeps entities in names ("Digest &raquo; Links"): the name is text.
    const author = decodeHTML(comment.author).replace(/\s+/g, " ").trim() || "Anonymous";
    authors.set(comment.id, author);
    kept.push({ author, date, text, parent: comment.parent });
  }
  return {
    kept: kept
      .sort((a, b) => Date.parse(a.date) - Date.parse(b.date))
      .map(({ parent, ...comment }) => {
        const answered = authors.get(parent);
        return answered ? { ...comment, in_reply_to: answered } : comment;
      }),
    leftOut,
  };
}
