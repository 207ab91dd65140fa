/**
 * A post's DOM made ready for Markdown, and what it holds recorded. What the new site must not
 * run or load is dropped or turned into a link, with a warning; images point where the importer
 * puts them; audio is collected; embeds become links; tables Markdown cannot hold become blocks.
 */
import { UNSAFE_ELEMENTS } from "./html-dom.ts";
import { fileName, hostOf, isSafeUrl, schemeOf, shortUrl, uploadUrl, watchUrl } from "./html-urls.ts";

/** What converting a post needs to know of the old site (convertPostHtml's options). */
export interface ConvertOptions {
  /** URL prefixes of the old site's uploads, e.g. ["https://alexis.monville.com/wp-content/uploads/"]; http://, protocol-relative and root-relative forms of the same host match too. */
  uploadsUrls: readonly string[];
  /**
   * Where the Markdown should point for an image under the uploads URL (given with its uploads
   * prefix as configured): e.g. "photo.jpg", a file the importer copies beside the post. null
   * means the file is not available: the image is written as a link to that URL instead.
   */
  imageTarget(url: string): string | null;
}

/** What a post holds besides its text, recorded as its DOM is cleaned (ConvertedPost in html.ts). */
export interface Findings {
  /** Every image met: its URL (an upload's with its uploads prefix as configured), its alt text, whether it is an upload. */
  images: { url: string; alt: string; upload: boolean }[];
  /** Audio file URLs met (<audio>, Gutenberg's audio block, [audio] shortcodes), each once. They are not written in the body. */
  audio: string[];
  /** What an author must look at, each a sentence naming the thing, each once. */
  warnings: string[];
}

interface Pass {
  body: HTMLElement;
  options: ConvertOptions;
  findings: Findings;
}

const all = (root: Element, selector: string) => Array.from(root.querySelectorAll(selector));
const isWebUrl = (url: string) => /^https?:\/\/\S+$/i.test(url);

function replaceWith(element: Element, nodes: readonly Node[]): void {
  for (const node of nodes) element.parentNode?.insertBefore(node, element);
  element.remove();
}

const unwrap = (element: Element) => replaceWith(element, Array.from(element.childNodes));

/** An element of `tag` holding the children of `from` (turndown's DOM has no `append`). */
function adopt(tag: string, from: Element): HTMLElement {
  const element = from.ownerDocument.createElement(tag);
  for (const child of Array.from(from.childNodes)) element.appendChild(child);
  return element;
}

function linkTo(document: Document, url: string, text: string): HTMLAnchorElement {
  const link = document.createElement("a");
  link.setAttribute("href", url);
  link.textContent = text;
  return link;
}

function dropUnsafe({ body, findings }: Pass): void {
  for (const element of all(body, UNSAFE_ELEMENTS.join(","))) {
    if (!body.contains(element)) continue; // inside one dropped already
    const source = element.getAttribute("src") ?? element.getAttribute("data") ?? element.getAttribute("action") ?? "";
    findings.warnings.push(
      `A <${element.nodeName.toLowerCase()}> element was dropped${source ? ` (${shortUrl(source)})` : ""}: the new site does not run, load or show it.`,
    );
    element.remove();
  }
}

/** Audio files are recorded, not written: the episode's own player plays them. */
function collectAudio({ body, findings }: Pass): void {
  for (const audio of all(body, "audio")) {
    const sources = [audio.getAttribute("src"), ...all(audio, "source").map((source) => source.getAttribute("src"))];
    for (const source of sources) if (source?.trim() && isSafeUrl(source)) findings.audio.push(source.trim());
    audio.remove();
  }
}

function embedLink({ body, findings }: Pass, url: string, provider: string): HTMLAnchorElement {
  findings.warnings.push(`An embed of ${provider} was turned into a link: ${url}`);
  return linkTo(body.ownerDocument, url, url);
}

/** Gutenberg's embed block, and [embed] expanded into one: the address stands in the wrapper. */
function embedFigures(pass: Pass): void {
  for (const figure of all(pass.body, ".wp-block-embed")) {
    const wrapper = figure.querySelector(".wp-block-embed__wrapper");
    const url = (wrapper?.textContent ?? "").trim();
    const paragraph = pass.body.ownerDocument.createElement("p");
    if (isWebUrl(url))
      paragraph.appendChild(
        embedLink(pass, url, /(?:^|\s)is-provider-([\w-]+)/.exec(figure.className)?.[1] ?? hostOf(url)),
      );
    else if (url) paragraph.textContent = url;
    if (wrapper) replaceWith(wrapper, [paragraph]);
  }
}

function frames(pass: Pass): void {
  for (const frame of all(pass.body, "iframe")) {
    const source = frame.getAttribute("src")?.trim() ?? "";
    const url = watchUrl(source);
    if (isWebUrl(url)) replaceWith(frame, [embedLink(pass, url, hostOf(url))]);
    else {
      pass.findings.warnings.push(
        `An <iframe> was dropped${source ? ` (${shortUrl(source)})` : ""}: it showed nothing the new site can link to.`,
      );
      frame.remove();
    }
  }
}

function videos({ body, findings }: Pass): void {
  for (const video of all(body, "video")) {
    const source =
      [video.getAttribute("src"), ...all(video, "source").map((s) => s.getAttribute("src"))]
        .find((s) => s?.trim())
        ?.trim() ?? "";
    if (isWebUrl(source)) {
      findings.warnings.push(`A video was turned into a link: ${source}`);
      replaceWith(video, [linkTo(body.ownerDocument, source, source)]);
    } else {
      findings.warnings.push(`A <video> with no web address was dropped${source ? ` (${shortUrl(source)})` : ""}.`);
      video.remove();
    }
  }
}

/** Classic content: WordPress showed an address alone in its paragraph as an embedded player. */
function bareUrlParagraphs(pass: Pass): void {
  for (const paragraph of all(pass.body, "p")) {
    const url = paragraph.textContent?.trim() ?? "";
    if (paragraph.children.length > 0 || !isWebUrl(url)) continue;
    paragraph.textContent = "";
    paragraph.appendChild(embedLink(pass, url, hostOf(url)));
  }
}

const isImageFile = (url: string) => /\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?)(?:[?#]|$)/i.test(url);

/** Unsafe links lose their address, not their text; a link from an uploaded image to its full-size file is dropped. */
function links({ body, options, findings }: Pass): void {
  for (const link of all(body, "a[href]")) {
    const href = link.getAttribute("href")?.trim() ?? "";
    if (!isSafeUrl(href)) {
      const text = (link.textContent ?? "").replace(/\s+/g, " ").trim();
      findings.warnings.push(
        `The link "${text}" pointed to a ${schemeOf(href)}: address: its text is kept, without the link.`,
      );
      unwrap(link);
    } else if (
      isImageFile(href) &&
      uploadUrl(href, options.uploadsUrls) &&
      all(link, "img").length === 1 &&
      !link.textContent?.trim()
    )
      unwrap(link);
  }
}

const insideLink = (node: Node) => {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) if (parent.nodeName === "A") return true;
  return false;
};

/** An image the new site does not show: a link to it, or its text alone inside another link. */
function imageAsLink(image: Element, url: string, text: string): void {
  const document = image.ownerDocument;
  replaceWith(image, [insideLink(image) ? document.createTextNode(text) : linkTo(document, url, text)]);
}

/** An image with no address, or a javascript:/data: one: only its alt text stays. */
function dropImage({ findings }: Pass, image: Element, url: string, alt: string): void {
  if (url) {
    findings.images.push({ url, alt, upload: false });
    findings.warnings.push(
      `An image with a ${schemeOf(url)}: address was dropped${alt ? `, its alt text "${alt}" kept` : ""}: ${shortUrl(url)}`,
    );
  }
  replaceWith(image, [image.ownerDocument.createTextNode(alt)]);
}

function images(pass: Pass): void {
  const { body, options, findings } = pass;
  for (const image of all(body, "img")) {
    const url = image.getAttribute("src")?.trim() ?? "";
    const alt = (image.getAttribute("alt") ?? "").replace(/\s+/g, " ").trim();
    if (!url || !isSafeUrl(url)) {
      dropImage(pass, image, url, alt);
      continue;
    }
    const upload = uploadUrl(url, options.uploadsUrls);
    findings.images.push({ url: upload ?? url, alt, upload: upload !== null });
    const target = upload === null ? null : options.imageTarget(upload);
    if (target !== null) {
      image.setAttribute("src", target);
      if (!alt) findings.warnings.push(`The image ${upload} has no alt text: describe what it shows.`);
      continue;
    }
    if (upload === null)
      findings.warnings.push(
        `The image ${url} is not one of the site's uploads: it became a link, as the new site must not load images from elsewhere; copy it beside the post to show it.`,
      );
    imageAsLink(image, upload ?? url, alt || fileName(url));
  }
}

// What the GFM table plugin would keep as raw HTML: such a table becomes one block per cell.
const NOT_IN_MARKDOWN_TABLES = "ul, ol, h1, h2, h3, h4, h5, h6, hr, blockquote, table";

const ownTable = (cell: Element) => {
  let parent = cell.parentElement;
  while (parent && parent.nodeName !== "TABLE") parent = parent.parentElement;
  return parent;
};

/** A table's caption goes before it as a paragraph (the plugin would write it unescaped). */
function moveCaption(table: Element): void {
  const caption = Array.from(table.children).find((child) => child.nodeName === "CAPTION");
  if (!caption) return;
  table.parentNode?.insertBefore(adopt("p", caption), table);
  caption.remove();
}

function tables({ body, findings }: Pass): void {
  for (const table of all(body, "table")) {
    moveCaption(table);
    if (!table.querySelector(NOT_IN_MARKDOWN_TABLES)) continue;
    const cells = all(table, "td, th").filter((cell) => ownTable(cell) === table);
    replaceWith(
      table,
      cells.map((cell) => adopt("div", cell)),
    );
    findings.warnings.push(
      "A table holding lists, headings, quotes or tables was turned into one block per cell: rebuild it if it was a real table.",
    );
  }
}

/** Cleans the post's DOM in place; what it meets goes into `findings`. */
export function cleanPostDom(body: HTMLElement, options: ConvertOptions, findings: Findings, classic: boolean): void {
  const pass: Pass = { body, options, findings };
  dropUnsafe(pass);
  collectAudio(pass);
  embedFigures(pass);
  frames(pass);
  videos(pass);
  if (classic) bareUrlParagraphs(pass);
  links(pass);
  images(pass);
  tables(pass);
}
