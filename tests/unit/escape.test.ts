/** src/text/escape.ts: the one escaping of text for HTML, XML and regular expressions. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { escapeHtml, escapeRegExp, escapeText, escapeXml } from "../../src/text/escape.ts";

// The same inputs on every run, so that a run fails for a reason, not by chance.
fc.configureGlobal({ seed: 20261206 });

const SPECIAL = `&<>"'`;

describe("escaping for HTML and XML", () => {
  it("escapeText escapes & < > for text between tags, and leaves quotes", () => {
    assert.equal(escapeText(SPECIAL), `&amp;&lt;&gt;"'`);
    assert.equal(escapeText("Books & Reading <3"), "Books &amp; Reading &lt;3");
  });

  it("escapeHtml escapes & < > \" ' (as &#39;), for text and quoted attribute values alike", () => {
    assert.equal(escapeHtml(SPECIAL), "&amp;&lt;&gt;&quot;&#39;");
    assert.equal(escapeHtml(`O'Brien said "<b>hi</b>"`), "O&#39;Brien said &quot;&lt;b&gt;hi&lt;/b&gt;&quot;");
  });

  it("escapeXml escapes the same five, ' as &apos;, and drops the characters XML 1.0 forbids", () => {
    assert.equal(escapeXml(SPECIAL), "&amp;&lt;&gt;&quot;&apos;");
    assert.equal(escapeXml("a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh"), "abcdefgh");
    assert.equal(escapeXml("tab\tline\ncarriage\r"), "tab\tline\ncarriage\r");
  });

  it("escapes an escaped text again (an entity written as text stays text)", () => {
    assert.equal(escapeHtml("&amp;"), "&amp;amp;");
    assert.equal(escapeXml("&#39;"), "&amp;#39;");
  });

  it("leaves other text as it is, in any script", () => {
    for (const escapeAny of [escapeText, escapeHtml, escapeXml])
      assert.equal(escapeAny("日本語 — café 🎙️"), "日本語 — café 🎙️");
  });

  it("leaves no markup: no < > or quote, and every & starts one of its entities", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        for (const escaped of [escapeHtml(text), escapeXml(text)]) {
          assert.doesNotMatch(escaped, /[<>"']/);
          assert.doesNotMatch(escaped, /&(?!amp;|lt;|gt;|quot;|#39;|apos;)/);
        }
      }),
    );
  });
});

describe("escapeRegExp", () => {
  it("escapes every character with a meaning in a pattern", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the characters a regular expression gives a meaning to, not a template
    assert.equal(escapeRegExp(".*+?^${}()|[]\\"), "\\.\\*\\+\\?\\^\\$\\{\\}\\(\\)\\|\\[\\]\\\\");
    assert.equal(escapeRegExp("Dr. O'Brien-Smith"), "Dr\\. O'Brien-Smith");
    assert.ok(!new RegExp(`^${escapeRegExp("a.c")}$`).test("abc"));
  });

  it("makes a pattern that matches the text and nothing else, with or without the u flag", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        for (const flags of ["", "u"]) {
          const pattern = new RegExp(`^${escapeRegExp(text)}$`, flags);
          assert.ok(pattern.test(text), `${JSON.stringify(text)} /${flags}`);
        }
      }),
    );
  });
});
