/** A WordPress post's HTML → Markdown blocks, images, audio and warnings; a comment's HTML → plain text. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { createMarkdown } from "../../src/markdown/markdown.ts";
import type { ConvertOptions } from "../../src/wordpress/html-clean.ts";
import { commentText, convertPostHtml, type ConvertedPost } from "../../src/wordpress/html.ts";

const UPLOADS = "https://alexis.monville.com/wp-content/uploads/";
/** The importer copies every upload beside the post under its file name. */
const copied: ConvertOptions = { uploadsUrls: [UPLOADS], imageTarget: (url) => url.split("/").pop() ?? null };
/** No upload is available. */
const missing: ConvertOptions = { uploadsUrls: [UPLOADS], imageTarget: () => null };

const convert = (html: string, options = copied) => convertPostHtml(html, options);
const body = (post: ConvertedPost) => post.blocks.map((block) => block.markdown).join("\n\n");
const render = (post: ConvertedPost) => createMarkdown().render(body(post));
const hasWarning = (post: ConvertedPost, ...parts: string[]) =>
  post.warnings.some((warning) => parts.every((part) => warning.includes(part)));

// What the site's Markdown may produce from an import: Markdown's own elements and attributes.
const MARKDOWN_TAGS = new Set([
  "P",
  "A",
  "IMG",
  "EM",
  "STRONG",
  "S",
  "CODE",
  "PRE",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "UL",
  "OL",
  "LI",
  "BLOCKQUOTE",
  "HR",
  "BR",
  "TABLE",
  "THEAD",
  "TBODY",
  "TR",
  "TH",
  "TD",
]);
const MARKDOWN_ATTRIBUTES = new Set(["href", "src", "alt", "loading", "decoding", "class", "start"]);

/** Everything in the rendered page that is not plain Markdown output: an element, an attribute or an address that could run something. */
function liveMarkup(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const found: string[] = [];
  for (const element of document.body.querySelectorAll("*")) {
    if (!MARKDOWN_TAGS.has(element.nodeName)) found.push(`<${element.nodeName.toLowerCase()}>`);
    for (const { name, value } of Array.from(element.attributes)) {
      if (!MARKDOWN_ATTRIBUTES.has(name)) found.push(`${name}=`);
      if (/^\s*(?:javascript|vbscript|data):/i.test(value)) found.push(value);
    }
  }
  return found;
}

/** The page's text, as a reader sees it. */
const visibleText = (html: string) =>
  parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body.textContent ?? "";

describe("classic editor content", () => {
  it("makes paragraphs from blank lines and line breaks from single newlines, as WordPress showed them", () => {
    const post = convert(
      "First line\nsecond line\n\nA <em>second</em> paragraph.\n\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>",
    );
    assert.deepEqual(
      post.blocks.map((block) => block.tag),
      ["p", "p", "ul"],
    );
    // A backslash line break: two trailing spaces would not survive an editor that trims lines.
    assert.equal(body(post), "First line\\\nsecond line\n\nA *second* paragraph.\n\n- one\n- two");
    assert.equal(post.blocks[0]!.text, "First line\nsecond line");
    assert.equal(post.blocks[2]!.text, "one\ntwo");
  });

  it("drops WordPress's empty &nbsp; paragraphs and turns an h1 into ##, keeping other levels", () => {
    const post = convert("<h1>Title inside</h1>\n\n&nbsp;\n\nText\n\n<h3>Smaller</h3>\n\n<p>&nbsp;</p>");
    assert.equal(body(post), "## Title inside\n\nText\n\n### Smaller");
  });

  it("turns an address alone on its line (an embed on the old site) into a link, with a warning", () => {
    const post = convert(
      "Watch this:\n\nhttps://www.youtube.com/watch?v=abc_def\n\nSee https://example.com/page for more.",
    );
    assert.equal(
      body(post),
      "Watch this:\n\n[https://www.youtube.com/watch?v=abc_def](https://www.youtube.com/watch?v=abc_def)\n\nSee https://example.com/page for more.",
    );
    assert.deepEqual(post.warnings, [
      "An embed of youtube.com was turned into a link: https://www.youtube.com/watch?v=abc_def",
    ]);
  });

  it("writes [caption] as the image and its caption, the image where the importer copies it", () => {
    const post = convert(
      '[caption id="attachment_7" align="aligncenter" width="300"]<a href="http://alexis.monville.com/wp-content/uploads/2019/05/team.jpg"><img class="size-medium" src="http://alexis.monville.com/wp-content/uploads/2019/05/team-300x200.jpg" alt="The team at work" width="300" height="200" /></a> The team, in 2019[/caption]\n\nAfter.',
    );
    assert.equal(body(post), "![The team at work](team-300x200.jpg)\n\n*The team, in 2019*\n\nAfter.");
    assert.deepEqual(post.images, [
      { url: `${UPLOADS}2019/05/team-300x200.jpg`, alt: "The team at work", upload: true },
    ]);
    assert.equal(post.blocks[0]!.text, "The team, in 2019");
    assert.deepEqual(post.warnings, []);
  });

  it("keeps [gallery] and a plugin's shortcode as text, with a warning naming each; brackets in prose are no shortcode", () => {
    const post = convert(
      '[gallery ids="1,2,3"]\n\n[contact-form-7 id="12" title="Contact"]\n\nShe laughs [laughs] at [00:12:30].',
    );
    assert.deepEqual(
      post.blocks.map((block) => block.text),
      ['[gallery ids="1,2,3"]', '[contact-form-7 id="12" title="Contact"]', "She laughs [laughs] at [00:12:30]."],
    );
    assert.match(render(post), /<p>\[gallery ids=&quot;1,2,3&quot;\]<\/p>/);
    assert.equal(post.warnings.length, 2);
    assert.ok(hasWarning(post, '[gallery ids="1,2,3"]', "rebuild the gallery"));
    assert.ok(hasWarning(post, '[contact-form-7 id="12" title="Contact"]'));
  });

  it("records [audio] without writing it, and turns [embed] and [video] into links with warnings", () => {
    const post = convert(
      'Intro.\n\n[audio mp3="https://media.example.com/ep1.mp3"][/audio]\n\n[embed]https://vimeo.com/123[/embed]\n\n[video src="https://media.example.com/clip.mp4"]',
    );
    assert.deepEqual(post.audio, ["https://media.example.com/ep1.mp3"]);
    assert.equal(
      body(post),
      "Intro.\n\n[https://vimeo.com/123](https://vimeo.com/123)\n\n[https://media.example.com/clip.mp4](https://media.example.com/clip.mp4)",
    );
    assert.ok(hasWarning(post, "embed of vimeo.com", "https://vimeo.com/123"));
    assert.ok(hasWarning(post, "video", "https://media.example.com/clip.mp4"));
  });
});

describe("block editor content", () => {
  it("converts paragraphs, heading levels, nested lists, a quote and a separator, without adding line breaks", () => {
    const post = convert(
      [
        "<!-- wp:paragraph -->\n<p>One paragraph\nwritten on two lines.</p>\n<!-- /wp:paragraph -->",
        '<!-- wp:heading {"level":3} -->\n<h3 class="wp-block-heading">Level three</h3>\n<!-- /wp:heading -->',
        "<!-- wp:list -->\n<ul><!-- wp:list-item --><li>Apples<ol><li>green</li><li>red</li></ol></li><!-- /wp:list-item --><!-- wp:list-item --><li>Pears</li><!-- /wp:list-item --></ul>\n<!-- /wp:list -->",
        '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>Culture eats strategy.</p><cite>Peter Drucker</cite></blockquote>\n<!-- /wp:quote -->',
        '<!-- wp:separator -->\n<hr class="wp-block-separator has-alpha-channel-opacity"/>\n<!-- /wp:separator -->',
      ].join("\n\n"),
    );
    assert.deepEqual(
      post.blocks.map((block) => block.tag),
      ["p", "h3", "ul", "blockquote", "hr"],
    );
    assert.equal(
      body(post),
      "One paragraph written on two lines.\n\n### Level three\n\n- Apples\n  1. green\n  2. red\n- Pears\n\n> Culture eats strategy.\n> \n> Peter Drucker\n\n---",
    );
  });

  it("writes an image block with its caption, from src as written, without the link to the full-size file", () => {
    const post = convert(
      '<!-- wp:image {"id":12,"sizeSlug":"large"} -->\n<figure class="wp-block-image size-large"><a href="https://alexis.monville.com/wp-content/uploads/2020/01/board.jpg"><img src="https://alexis.monville.com/wp-content/uploads/2020/01/board-1024x683.jpg" alt="A whiteboard" class="wp-image-12" srcset="https://alexis.monville.com/wp-content/uploads/2020/01/board-300x200.jpg 300w"/></a><figcaption class="wp-element-caption">Our board, <a href="https://example.com/story">the story</a></figcaption></figure>\n<!-- /wp:image -->',
    );
    assert.equal(
      body(post),
      "![A whiteboard](board-1024x683.jpg)\n\n*Our board, [the story](https://example.com/story)*",
    );
    assert.equal(post.blocks[0]!.tag, "figure");
    assert.equal(post.blocks[0]!.text, "Our board, the story");
  });

  it("turns an embed block into a link and its caption, with a warning naming the provider", () => {
    const post = convert(
      '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=xyz","type":"video","providerNameSlug":"youtube"} -->\n<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=xyz\n</div><figcaption>The talk</figcaption></figure>\n<!-- /wp:embed -->',
    );
    assert.equal(
      body(post),
      "[https://www.youtube.com/watch?v=xyz](https://www.youtube.com/watch?v=xyz)\n\n*The talk*",
    );
    assert.deepEqual(post.warnings, [
      "An embed of youtube was turned into a link: https://www.youtube.com/watch?v=xyz",
    ]);
  });

  it("turns a YouTube player <iframe> into a link to the video's page, with a warning", () => {
    const post = convert(
      '<!-- wp:html -->\n<iframe width="560" src="https://www.youtube.com/embed/QQQ123?feature=oembed" allowfullscreen></iframe>\n<!-- /wp:html -->',
    );
    assert.equal(body(post), "[https://www.youtube.com/watch?v=QQQ123](https://www.youtube.com/watch?v=QQQ123)");
    assert.ok(hasWarning(post, "embed of youtube.com", "https://www.youtube.com/watch?v=QQQ123"));
  });

  it("records audio from an audio block, an <audio> with <source> and an [audio] shortcode, and writes none of them", () => {
    const post = convert(
      [
        '<!-- wp:audio {"id":5} -->\n<figure class="wp-block-audio"><audio controls src="https://media.example.com/ep2.mp3"></audio></figure>\n<!-- /wp:audio -->',
        '<!-- wp:html -->\n<audio controls><source src="https://media.example.com/ep3.m4a" type="audio/mp4">Your browser cannot play it.</audio>\n<!-- /wp:html -->',
        '<!-- wp:shortcode -->\n[audio src="https://media.example.com/ep4.mp3"]\n<!-- /wp:shortcode -->',
        "<!-- wp:paragraph -->\n<p>Show notes.</p>\n<!-- /wp:paragraph -->",
      ].join("\n\n"),
    );
    assert.deepEqual(post.audio, [
      "https://media.example.com/ep2.mp3",
      "https://media.example.com/ep3.m4a",
      "https://media.example.com/ep4.mp3",
    ]);
    assert.equal(body(post), "Show notes.");
  });

  it("writes a table as a GFM table", () => {
    const post = convert(
      '<!-- wp:table -->\n<figure class="wp-block-table"><table><thead><tr><th>Role</th><th>Focus</th></tr></thead><tbody><tr><td>Coach</td><td>People | teams</td></tr></tbody></table></figure>\n<!-- /wp:table -->',
    );
    assert.equal(body(post), "| Role | Focus |\n| --- | --- |\n| Coach | People \\| teams |");
    assert.match(render(post), /<td>People \| teams<\/td>/);
  });
});

describe("images", () => {
  it("writes an image from another site as a link, never loaded, with a warning naming it", () => {
    const post = convert('<p>Look: <img src="https://cdn.example.net/chart.png" alt="Growth chart"></p>');
    assert.equal(body(post), "Look: [Growth chart](https://cdn.example.net/chart.png)");
    assert.doesNotMatch(render(post), /<img/);
    assert.deepEqual(post.images, [{ url: "https://cdn.example.net/chart.png", alt: "Growth chart", upload: false }]);
    assert.ok(hasWarning(post, "https://cdn.example.net/chart.png"));
  });

  it("links an upload that is not available to its original address, under its alt text or file name", () => {
    const post = convert(
      '<p><img src="//alexis.monville.com/wp-content/uploads/2018/02/map.png" alt="The map"> <img src="/wp-content/uploads/2018/02/key.png" alt=""></p>',
      missing,
    );
    assert.equal(body(post), `[The map](${UPLOADS}2018/02/map.png) [key.png](${UPLOADS}2018/02/key.png)`);
    assert.deepEqual(
      post.images.map((image) => image.upload),
      [true, true],
    );
    assert.deepEqual(post.warnings, []);
  });

  it("keeps an image with no alt text, and warns with its address", () => {
    const post = convert(`<p><img src="${UPLOADS}2021/03/IMG_1234.jpg"></p>`);
    assert.equal(body(post), "![](IMG_1234.jpg)");
    assert.deepEqual(post.warnings, [
      `The image ${UPLOADS}2021/03/IMG_1234.jpg has no alt text: describe what it shows.`,
    ]);
  });
});

describe("text as a reader sees it", () => {
  it("keeps a transcript paragraph exact, timestamps included, and writes them without escapes", () => {
    const post = convert(
      "<!-- wp:paragraph -->\n<p><strong>Alexis:</strong>&nbsp;[00:00:00] Welcome… [00:01:00] more</p>\n<!-- /wp:paragraph -->",
    );
    assert.equal(post.blocks[0]!.text, "Alexis: [00:00:00] Welcome… [00:01:00] more");
    assert.equal(body(post), "**Alexis:**\u00a0[00:00:00] Welcome… [00:01:00] more");
  });

  it("keeps curly quotes, dashes, accents and non-Latin text exactly, entities decoded", () => {
    const post = convert("<p>“Leadership” — c’est l&rsquo;été&nbsp;! 日本語 &amp; Ελληνικά</p>");
    assert.equal(post.blocks[0]!.text, "“Leadership” — c’est l’été ! 日本語 & Ελληνικά");
    assert.equal(visibleText(render(post)).trim(), "“Leadership” — c’est l’été\u00a0! 日本語 & Ελληνικά");
  });

  it("keeps Markdown-looking text as text: no link, emphasis, list or heading appears", () => {
    const post = convert(
      "<p>[a](page.html) *not em* _nor this_ 2 * 3</p>\n<p>- not a list<br># not a heading<br>1. not numbered</p>",
    );
    const html = render(post);
    assert.doesNotMatch(html, /<(?:a|em|ul|ol|h\d)\b/);
    assert.equal(
      visibleText(html).replace(/\s+/g, " ").trim(),
      "[a](page.html) *not em* _nor this_ 2 * 3 - not a list # not a heading 1. not numbered",
    );
  });
});

describe("hostile input stays inert", () => {
  it("drops scripts, styles, forms and objects with their content, and says so", () => {
    const post = convert(
      '<p>Before</p><script>alert("x")</script><style>p{}</style><form action="/x"><input name="q"><button>Send</button></form><object data="movie.swf">fallback</object><p>After</p>',
    );
    assert.equal(body(post), "Before\n\nAfter");
    for (const tag of ["<script>", "<style>", "<form>", "<object>"]) assert.ok(hasWarning(post, tag), tag);
  });

  it("renders no live element, event attribute or javascript: address, and keeps the words visible", () => {
    const post = convert(
      [
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">click</a>',
        '<a href=" java&#x09;script:alert(2)">tabbed</a>',
        '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="inline picture">',
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&lt;img src=x onerror=alert(1)&gt;",
        '<p onclick="alert(1)">Clickable paragraph</p>',
        '<iframe src="javascript:alert(3)"></iframe><svg><script>alert(4)</script></svg>',
      ].join("\n\n"),
    );
    const html = render(post);
    assert.deepEqual(liveMarkup(html), []);
    const text = visibleText(html);
    for (const words of [
      "click",
      "tabbed",
      "inline picture",
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "Clickable paragraph",
    ])
      assert.ok(text.includes(words), words);
    assert.ok(hasWarning(post, 'link "click"', "javascript:"));
    assert.ok(hasWarning(post, "data:"));
  });

  it("keeps code as code wherever it stands: a fence where one can stand, a code span elsewhere", () => {
    const post = convert(
      [
        '<pre class="wp-block-code"><code class="language-html">&lt;script&gt;alert(1)&lt;/script&gt;\n```\n&lt;/pre&gt;</code></pre>',
        "<h2><pre>&lt;script&gt;alert(2)\n&lt;/h2&gt;</pre></h2>",
        "<table><tr><td><pre>&lt;iframe&gt;\nx</pre></td><td><code>a|&lt;b&gt;</code></td></tr></table>",
        '<figure><img src="https://alexis.monville.com/wp-content/uploads/a.jpg" alt="a"><figcaption><pre>&lt;script&gt;\n1</pre></figcaption></figure>',
      ].join("\n"),
    );
    assert.ok(body(post).startsWith("````html\n<script>alert(1)</script>\n```\n</pre>\n````"));
    const html = render(post);
    assert.deepEqual(liveMarkup(html), []);
    for (const code of ["&lt;script&gt;alert(2) &lt;/h2&gt;", "&lt;iframe&gt; x", "a|&lt;b&gt;", "&lt;script&gt; 1"])
      assert.ok(html.includes(`<code>${code}</code>`), code);
  });

  it("survives a battery of known tricks, in classic and block content alike", () => {
    const tricks = [
      '<a href="data:text/html,<script>alert(1)</script>">data link</a>',
      '<a href="https://example.com" title=\'" onmouseover="alert(1)\'>titled</a>',
      `<img src="${UPLOADS}b.jpg" alt='"><script>alert(1)</script>'>`,
      '<a href="https://example.com/a b<script>">spaced</a>',
      "[x]<span>(javascript:alert(1))</span> and [ref]<span>: https://evil.example</span>",
      "<math><mtext><script>alert(1)</script></mtext></math><xmp><script>alert(1)</script></xmp>",
      "<noscript><img src=x onerror=alert(1)></noscript><template><script>alert(1)</script></template>",
      '[caption]<img src="x" onerror="alert(1)"> &lt;script&gt;[/caption]',
      '[embed]javascript:alert(1)[/embed] [embed]https://x.example/"><script>alert(1)</script>[/embed]',
      '[video src=\'"><script>alert(1)</script>\'] [audio mp3="javascript:alert(1)"]',
      "<table><caption>&lt;script&gt;cap&lt;/script&gt;</caption><tr><td><ul><li>&lt;script&gt;</li></ul></td></tr></table>",
      "&#60;script&#62;alert(1)&#60;/script&#62; &amp;lt;b&amp;gt; <!-- <script>alert(1)</script> -->",
    ];
    for (const trick of tricks) {
      for (const html of [trick, `<!-- wp:html -->\n${trick}\n<!-- /wp:html -->`]) {
        const post = convert(html);
        assert.deepEqual(liveMarkup(render(post)), [], `${html}\n→\n${body(post)}`);
        assert.ok(
          post.audio.every((url) => url.startsWith("https:")),
          html,
        );
      }
    }
  });
});

describe("commentText", () => {
  it("gives plain text: paragraphs, link addresses, no tags, no script, entities decoded", () => {
    const text = commentText(
      'Great <em>episode</em> &amp; thanks!\nSee <a href="https://example.com/notes" rel="nofollow">my notes</a> or <a href="https://example.org">https://example.org</a>.\n\n<p>Second paragraph &lt;3<script>alert(1)</script></p>',
    );
    assert.equal(
      text,
      "Great episode & thanks!\nSee my notes (https://example.com/notes) or https://example.org.\n\nSecond paragraph <3",
    );
  });
});
