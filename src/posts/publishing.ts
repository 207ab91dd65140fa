import type { DateTime } from "luxon";
import type { Post } from "./schema.ts";

/** Why a post is not public yet, or null when it is: a draft, or a date still to come. */
export function unpublishedReason(post: Post, now: DateTime): "draft" | "scheduled" | null {
  if (post.draft) return "draft";
  if (post.date > now) return "scheduled";
  return null;
}
