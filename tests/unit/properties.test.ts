/**
 * Property tests (fast-check) of what takes text from outside: any title, name or tag, any
 * redirect, any value of a WordPress export. Each runs a few hundred generated inputs; a failure
 * prints the smallest input that breaks the rule.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import matter from "gray-matter";
import { parseSiteRedirects } from "../../src/posts/redirects.ts";
import { slugify } from "../../src/posts/slug.ts";
import { frontMatter } from "../../src/wordpress/yaml.ts";

// The same inputs on every run, so that a run fails for a reason, not by chance; change the seed to look further.
fc.configureGlobal({ seed: 20261206 });

/**
 * Letters that stay apart in a slug: none is another's case, accent or spelling (é is e, and ø
 * and ł are o and l, as WordPress spells them; ß, æ and þ are ss, ae and th).
 */
const LETTERS = [..."abcdefghijklmnopqrstuvwxyz0123456789ßæþ東京對話日本αβγидйبتשכक한글"];
const letter = fc.constantFrom(...LETTERS);
const separator = fc.constantFrom(" ", "-", ", ", "’", ": ", " — ", "/", "🎙️");
const text = fc.array(fc.oneof({ weight: 4, arbitrary: letter }, { weight: 1, arbitrary: separator }), {
  minLength: 1,
  maxLength: 30,
});

describe("slugs, for any title, name or tag", () => {
  it("are never empty for text with a letter or a digit, and two texts that differ in one letter never share one", () => {
    fc.assert(
      fc.property(text, fc.nat(), letter, (parts, at, other) => {
        const letters = parts.flatMap((part, i) => (LETTERS.includes(part) ? [i] : []));
        fc.pre(letters.length > 0);
        const i = letters[at % letters.length]!;
        fc.pre(parts[i] !== other);
        const changed = parts.map((part, j) => (j === i ? other : part));
        const [a, b] = [slugify(parts.join("")), slugify(changed.join(""))];
        assert.notEqual(a, "", parts.join(""));
        assert.notEqual(a, b, `"${parts.join("")}" and "${changed.join("")}" share the slug ${a}`);
      }),
      { numRuns: 500 },
    );
  });
});

describe("redirects, for any address", () => {
  /** Strings made of what tricks a browser into another site: slashes both ways, schemes, hosts, controls, encodings. */
  const piece = fc.constantFrom(
    "/",
    "//",
    "\\",
    "\\\\",
    "evil.example",
    "https:",
    "javascript:",
    ":",
    "@",
    "%2F",
    "%5C",
    "\t",
    "\n",
    "\u0000",
    ".",
    "..",
    "?",
    "#",
    "a",
    "é",
    " ",
  );
  const address = fc.oneof(
    fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join("")),
    fc.string({ maxLength: 20 }),
  );
  const SITE = "https://site.example/";

  it("never lead off the site: any `to` (or `from`) the rules accept opens a page of the site", () => {
    fc.assert(
      fc.property(address, address, (from, to) => {
        let accepted: { from: string; to: string }[];
        try {
          accepted = parseSiteRedirects([{ from, to }], "redirects.json");
        } catch {
          return; // refused, with a message: what the rules are for
        }
        for (const redirect of accepted)
          for (const path of [redirect.from, redirect.to])
            assert.equal(new URL(path, SITE).origin, new URL(SITE).origin, `${JSON.stringify(path)} leaves the site`);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("the importer's front matter, for any value of an export", () => {
  it("reads back every value as itself and adds no key, comments included", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60, unit: "binary" }),
        fc.string({ maxLength: 60, unit: "binary" }),
        (title, other) => {
          const data = { title, description: other, tags: [title, other], guests: [{ name: other, role: title }] };
          const written = `${frontMatter(data, { comment: `audio:\n  url: ${title}\n  type: ${other}` })}\nThe body.\n`;
          const read = matter(written).data as typeof data;
          assert.deepEqual(Object.keys(read).sort(), ["description", "guests", "tags", "title"], written);
          assert.deepEqual(read, data, written);
        },
      ),
      { numRuns: 500 },
    );
  });
});
