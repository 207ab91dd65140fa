import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { commentParagraphs } from "../../src/posts/comments.ts";
import { FrontMatterError, parsePost } from "../../src/posts/schema.ts";
import { thrownMessage } from "../support/errors.ts";

const ZONE = "America/Los_Angeles";
const FILE = "content/posts/2024-06-09-example.md";
const article = { title: "Playing to Win", date: "2024-04-10", kind: "article" };

const errorOf = (data: unknown, source = "") =>
  thrownMessage(() => parsePost(data, FILE, ZONE, source), FrontMatterError);

describe("comments from the original site, in the front matter", () => {
  it("reads author, date (a date-time with offset or a day), text and whom it answers, for an article or an episode", () => {
    const post = parsePost(
      {
        ...article,
        comments: [
          {
            author: "Jane Reader",
            date: "2024-06-10T08:12:00-07:00",
            text: "Great episode.\n\nSecond paragraph, with a link https://example.com",
          },
          { author: "Sam", date: "2024-06-11", text: "Thanks, Jane.", in_reply_to: "Jane Reader" },
        ],
      },
      FILE,
      ZONE,
    );
    const [first, second] = post.comments;
    assert.equal(first!.author, "Jane Reader");
    assert.equal(first!.date.toISO(), "2024-06-10T08:12:00.000-07:00");
    assert.deepEqual(first!.paragraphs, [["Great episode."], ["Second paragraph, with a link https://example.com"]]);
    assert.equal(first!.in_reply_to, undefined);
    assert.equal(second!.date.toISODate(), "2024-06-11");
    assert.equal(second!.date.zoneName, ZONE, "a day is read in the site's zone");
    assert.equal(second!.in_reply_to, "Jane Reader");
    assert.deepEqual(parsePost(article, FILE, ZONE).comments, [], "no comments by default");
  });

  it("shows a date-time in the site's zone", () => {
    const post = parsePost(
      { ...article, comments: [{ author: "A", date: "2024-06-10T02:00:00+02:00", text: "x" }] },
      FILE,
      ZONE,
    );
    assert.equal(
      post.comments[0]!.date.toISODate(),
      "2024-06-09",
      "02:00 in Paris is the evening before in Los Angeles",
    );
  });

  it("names the comment, the field and the problem: a date that is not one, a missing author, an unknown field", () => {
    const source = "---\ntitle: x\ndate: 2024-04-10\nkind: article\ncomments:\n  - author: A\n---\n";
    const message = errorOf(
      {
        ...article,
        comments: [
          { author: "A", date: "last Tuesday", text: "x" },
          { date: "2024-06-10", text: "x" },
          { author: "B", date: "2024-06-10", text: "x", email: "b@example.com" },
          { author: "C", date: "2024-06-10", text: "  " },
        ],
      },
      source,
    );
    assert.match(
      message,
      /2024-06-09-example\.md:5: field "comments\.0\.date" "last Tuesday" is not a date \(write YYYY-MM-DD or a date-time such as 2024-06-10T08:12:00-07:00\)/,
    );
    assert.match(message, /field "comments\.1\.author" is required/);
    assert.match(
      message,
      /field "comments\.2" has unknown field\(s\) email: a comment has author, date, text and in_reply_to/,
    );
    assert.match(message, /field "comments\.3\.text" must not be empty/);
  });

  it("refuses comments that are not a list of comments", () => {
    assert.match(
      errorOf({ ...article, comments: "Nice post" }),
      /field "comments" must be a list of comments, each with author, date and text/,
    );
    assert.match(
      errorOf({ ...article, comments: ["Nice post"] }),
      /field "comments\.0" must be a comment with author, date and text/,
    );
    assert.match(
      errorOf({ ...article, comments: [{ author: "A", date: 20240610, text: "x" }] }),
      /field "comments\.0\.date" must be a date written as YYYY-MM-DD or an ISO 8601 date-time/,
    );
  });
});

describe("a comment's text as paragraphs", () => {
  it("splits on blank lines, keeps single line breaks as lines, and drops empty paragraphs", () => {
    assert.deepEqual(commentParagraphs("One\ntwo\n\n\n  Three  \r\n\r\nFour\n \n"), [
      ["One", "two"],
      ["Three"],
      ["Four"],
    ]);
    assert.deepEqual(
      commentParagraphs("<script>alert(1)</script>"),
      [["<script>alert(1)</script>"]],
      "markup stays text: the page escapes it",
    );
  });
});
