import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import { parseTranscript, turnText } from "../../src/transcript/parse.ts";
import { escapeHtml } from "../../src/text/escape.ts";
import { renderTranscriptHtml } from "../../src/transcript/html.ts";

const personUrl = (name: string): string => `/people/${name.toLowerCase().replace(/\s+/g, "-")}/`;
const SPEAKERS = { Alexis: "Alexis Monville", Maria: "Maria Bracho" };

function render(body: string, speakers: Record<string, string> = SPEAKERS, url = personUrl): string {
  return renderTranscriptHtml(parseTranscript(body, { file: "t.md", firstLine: 1, speakers }), { personUrl: url });
}

function dom(html: string) {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

describe("renderTranscriptHtml", () => {
  it("renders each turn as the documented markup (explicit start, mid-sentence mark, paragraphs)", () => {
    const html = render("Maria: [00:12:34] paragraph text [00:13:00] more text\n\nnext paragraph of the same turn", {
      Maria: "Maria Bracho",
    });
    assert.equal(
      html,
      [
        `<div class="turn" id="turn-1" data-start="754">`,
        `  <p class="turn-head"><a class="turn-speaker" href="/people/maria-bracho/">Maria Bracho</a> <a class="turn-time" href="#turn-1"><time datetime="PT12M34S">12:34</time></a></p>`,
        `  <p>paragraph text <time class="mark" datetime="PT13M">[00:13:00]</time> more text</p>`,
        `  <p>next paragraph of the same turn</p>`,
        `</div>`,
      ].join("\n"),
    );
  });

  it('shows an estimated start as ~mm:ss with title="estimated" and a fractional data-start', () => {
    const html = render("Alexis: [00:00:00] one two three four\n\nMaria: five six [00:00:10] seven");
    const doc = dom(html);
    const second = doc.querySelector("#turn-2");
    assert.ok(second);
    assert.equal(second.getAttribute("data-start"), "6.667");
    const time = second.querySelector(".turn-time time");
    assert.equal(time?.getAttribute("title"), "estimated");
    assert.equal(time?.textContent, "~00:06");
    assert.equal(time?.getAttribute("datetime"), "PT6S");
    assert.equal(doc.querySelector("#turn-1 .turn-time time")?.hasAttribute("title"), false);
  });

  it("escapes & < > \" ' in text, names and URLs", () => {
    const body = `A: Tom & Jerry <script>alert("x")</script> it's`;
    const html = render(body, { A: `O'Brien "<b>" & Co` }, (name) => `/people/?n=${name}&x='1'`);
    assert.ok(!html.includes("<script>"));
    assert.ok(!html.includes("<b>"));
    assert.ok(html.includes("Tom &amp; Jerry &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; it&#39;s"));
    assert.ok(html.includes(`>O&#39;Brien &quot;&lt;b&gt;&quot; &amp; Co</a>`));
    const doc = dom(html);
    assert.equal(doc.querySelector(".turn-speaker")?.textContent, `O'Brien "<b>" & Co`);
    assert.equal(doc.querySelector(".turn-speaker")?.getAttribute("href"), `/people/?n=O'Brien "<b>" & Co&x='1'`);
    assert.equal(doc.querySelectorAll(".turn > p")[1]?.textContent, `Tom & Jerry <script>alert("x")</script> it's`);
    assert.equal(escapeHtml(`&<>"'`), "&amp;&lt;&gt;&quot;&#39;");
  });

  it("keeps text and marks in order and has no inline JS or CSS", () => {
    const body = [
      "Alexis: [00:00:00] Welcome. The core platform is [00:01:00] the underpinning.",
      "",
      "So[00:01:30] I feel that's it.",
      "",
      "Maria: Thank you. [00:02:00]",
    ].join("\n");
    const t = parseTranscript(body, { file: "t.md", firstLine: 1, speakers: SPEAKERS });
    const html = renderTranscriptHtml(t, { personUrl });
    assert.ok(!/<script|<style|\sstyle=|\son[a-z]+=/i.test(html));
    const doc = dom(html);
    const turns = [...doc.querySelectorAll("div.turn")];
    assert.deepEqual(
      turns.map((d) => d.id),
      ["turn-1", "turn-2"],
    );
    const marks = [...doc.querySelectorAll("time.mark")].map((m) => [m.getAttribute("datetime"), m.textContent]);
    assert.deepEqual(marks, [
      ["PT1M", "[00:01:00]"],
      ["PT1M30S", "[00:01:30]"],
      ["PT2M", "[00:02:00]"],
    ]);
    const paras = [...doc.querySelectorAll("#turn-1 > p:not(.turn-head)")].map((p) => p.innerHTML);
    assert.deepEqual(paras, [
      `Welcome. The core platform is <time class="mark" datetime="PT1M">[00:01:00]</time> the underpinning.`,
      `So<time class="mark" datetime="PT1M30S">[00:01:30]</time> I feel that's it.`,
    ]);
    // Without the marks, the visible text is the turn text.
    turns.forEach((div, i) => {
      const text = [...div.querySelectorAll("p:not(.turn-head)")]
        .map((p) => (p.textContent ?? "").replace(/\s*\[\d\d:\d\d:\d\d\]\s*/g, " ").trim())
        .join("\n");
      assert.equal(text, turnText(t.turns[i]!));
    });
  });

  it("links every speaker through personUrl", () => {
    const seen: string[] = [];
    render("Alexis: a\n\nMaria: b\n\nAlexis: c", SPEAKERS, (name) => {
      seen.push(name);
      return "/p/";
    });
    assert.deepEqual(seen, ["Alexis Monville", "Maria Bracho", "Alexis Monville"]);
  });
});
