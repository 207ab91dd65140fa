import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { newestFirst, postCard, tagPages, tagSummaries, yearArchives } from "../../src/posts/collections.ts";
import { parsePost, type Post } from "../../src/posts/schema.ts";

const ZONE = "Europe/Paris";
const post = (title: string, date: string, tags: string[]): Post =>
  parsePost({ title, date, kind: "article", tags }, `${title}.md`, ZONE);

describe("post collections", () => {
  it("orders posts newest first", () => {
    const posts = [post("B", "2024-01-24", []), post("A", "2024-06-09", []), post("C", "2023-12-31", [])];
    assert.deepEqual(
      newestFirst(posts).map((p) => p.title),
      ["A", "B", "C"],
    );
  });

  it("counts each tag's posts and sorts tags by name", () => {
    const posts = [post("A", "2024-01-01", ["Strategy", "Books"]), post("B", "2024-01-02", ["Books"])];
    assert.deepEqual(
      tagSummaries(posts).map((t) => [t.name, t.count, t.url]),
      [
        ["Books", 2, "/tags/books/"],
        ["Strategy", 1, "/tags/strategy/"],
      ],
    );
  });

  it("splits a tag's listing into pages of 20, newest first, linked to each other", () => {
    const posts = Array.from({ length: 45 }, (_, i) =>
      post(
        `Post ${i + 1}`,
        `2024-01-${String((i % 28) + 1).padStart(2, "0")}T${String(i % 24).padStart(2, "0")}:00:00+01:00`,
        ["Books"],
      ),
    );
    const pages = tagPages(posts, 20);
    assert.deepEqual(
      pages.map((p) => [p.url, p.posts.length]),
      [
        ["/tags/books/", 20],
        ["/tags/books/page/2/", 20],
        ["/tags/books/page/3/", 5],
      ],
    );
    assert.equal(pages[0]!.previousUrl, null);
    assert.equal(pages[0]!.nextUrl, "/tags/books/page/2/");
    assert.equal(pages[2]!.previousUrl, "/tags/books/page/2/");
    const listed = pages.flatMap((p) => p.posts);
    assert.deepEqual(listed, newestFirst(posts).map(postCard));
  });

  it("groups posts by year, newest year first", () => {
    const posts = [post("A", "2023-05-01", []), post("B", "2024-01-01", []), post("C", "2024-06-09", [])];
    assert.deepEqual(
      yearArchives(posts).map((y) => [y.year, y.url, y.posts.map((p) => p.title)]),
      [
        [2024, "/en/2024/", ["C", "B"]],
        [2023, "/en/2023/", ["A"]],
      ],
    );
  });
});
