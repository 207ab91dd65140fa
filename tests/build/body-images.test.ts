import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parseAtomFeed } from "feedsmith";
import sharp from "sharp";
import { buildSite, readDocument, tempProject } from "../support/build.ts";

const SITE = "https://alexis.monville.com";
const FOLDER = "posts/2024-08-03-an-article-in-a-folder";
const FOLDER_URL = "/en/2024/08/03/an-article-in-a-folder/";
const BESIDE_URL = "/en/2024/08/04/an-article-beside-its-image/";

/** An article as the WordPress importer writes one with images: a folder with index.md and the images inside. */
const FOLDER_ARTICLE = `---
title: "An Article in a Folder"
date: 2024-08-03
kind: article
tags: [Culture]
image:
  src: photo.png
  alt: "A blue photo"
---

The text, then its photo again, a diagram in a subfolder, a logo with transparency and the podcast's cover.

![A blue photo, "again" & <more>](photo.png "The photo")

![A diagram](images/diagram%20one.png)

![A logo](logo.png)

![The cover](/assets/podcast-cover.png)
`;

const BESIDE_ARTICLE = `---
title: "An Article Beside Its Image"
date: 2024-08-04
kind: article
tags: [Culture]
---

![A chart](2024-08-04-chart.png)

![A map from the content's root](/images/map.png)
`;

/** A page (not a post) as the importer writes one with images: `content/pages/<slug>/index.md` at its old address. */
const PAGE_FOLDER = "pages/speaking";
const PAGE_URL = "/en/speaking/";
const FOLDER_PAGE = `---
layout: base.njk
title: "Speaking"
permalink: "${PAGE_URL}"
---

# Speaking

![Alexis on stage](stage.png)
`;

const png = (width: number, height: number, file: string, alpha = false) =>
  sharp({
    create: {
      width,
      height,
      channels: alpha ? 4 : 3,
      background: alpha ? { r: 11, g: 92, b: 173, alpha: 0.5 } : "#0b5cad",
    },
  })
    .png()
    .toFile(file);

/** Every message of an error and of its causes, as Eleventy wraps them. */
function messages(error: unknown): string {
  const chain: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause ?? (e as { originalError?: unknown }).originalError)
    chain.push(e.message);
  return chain.join("\n");
}

describe("images in a post's text, beside the post", () => {
  const project = tempProject("body-images");
  const out = project.output;
  const page = (url: string) => readDocument(path.join(out, url, "index.html"));
  /** The files of an `<img>` or `<source>`: its srcset's candidates and its src. */
  const filesOf = (element: Element) => [
    ...(element.getAttribute("srcset") ?? "")
      .split(", ")
      .filter(Boolean)
      .map((candidate) => candidate.split(" ")[0]!),
    ...(element.getAttribute("src") ? [element.getAttribute("src")!] : []),
  ];

  before(async () => {
    const folder = path.join(project.input, FOLDER);
    mkdirSync(path.join(folder, "images"), { recursive: true });
    writeFileSync(path.join(folder, "index.md"), FOLDER_ARTICLE);
    await png(1600, 900, path.join(folder, "photo.png"));
    await png(400, 300, path.join(folder, "images/diagram one.png"));
    await png(200, 200, path.join(folder, "logo.png"), true);
    writeFileSync(path.join(project.input, "posts/2024-08-04-an-article-beside-its-image.md"), BESIDE_ARTICLE);
    await png(800, 400, path.join(project.input, "posts/2024-08-04-chart.png"));
    mkdirSync(path.join(project.input, "images"), { recursive: true });
    await png(640, 480, path.join(project.input, "images/map.png"));
    mkdirSync(path.join(project.input, PAGE_FOLDER), { recursive: true });
    writeFileSync(path.join(project.input, PAGE_FOLDER, "index.md"), FOLDER_PAGE);
    await png(1200, 800, path.join(project.input, PAGE_FOLDER, "stage.png"));
    await buildSite(project.input, out);
  });
  after(() => project.remove());

  it("builds an article that is a folder, at its date's URL", () => {
    assert.equal(page(FOLDER_URL).querySelector("h1")?.textContent, "An Article in a Folder");
    assert.ok(!existsSync(path.join(out, "posts")), "the post's own files are not copied as they are");
  });

  it("optimizes an image of the folder into AVIF, WebP and JPEG at the column's widths, with its size set, lazily loaded", () => {
    const pictures = [...page(FOLDER_URL).querySelectorAll(".post-body picture")];
    const photo = pictures.find((p) => p.querySelector("img")?.getAttribute("alt")?.startsWith("A blue photo"))!;
    assert.deepEqual(
      [...photo.querySelectorAll("source")].map((s) => s.getAttribute("type")),
      ["image/avif", "image/webp"],
    );
    const img = photo.querySelector("img")!;
    assert.equal(img.getAttribute("alt"), 'A blue photo, "again" & <more>');
    assert.equal(img.getAttribute("title"), "The photo");
    assert.deepEqual([img.getAttribute("width"), img.getAttribute("height")], ["1440", "810"]);
    assert.equal(img.getAttribute("loading"), "lazy");
    assert.equal(img.getAttribute("decoding"), "async");
    assert.match(img.getAttribute("src")!, /^\/img\/[\w-]+-720\.jpeg$/);
    for (const element of [...photo.querySelectorAll("source"), img])
      for (const file of filesOf(element)) assert.ok(existsSync(path.join(out, file)), `${file} is in the output`);
    assert.deepEqual(
      photo
        .querySelector('source[type="image/webp"]')!
        .getAttribute("srcset")!
        .split(", ")
        .map((c) => c.split(" ")[1]),
      ["720w", "1440w"],
    );
  });

  it("finds images in a subfolder and with spaces in their names, never makes them wider than they are, and keeps transparency", () => {
    const doc = page(FOLDER_URL);
    const diagram = doc.querySelector('.post-body img[alt="A diagram"]')!;
    assert.deepEqual([diagram.getAttribute("width"), diagram.getAttribute("height")], ["400", "300"]);
    for (const file of filesOf(diagram)) assert.ok(existsSync(path.join(out, file)), file);
    const logo = doc.querySelector('.post-body img[alt="A logo"]')!.closest("picture")!;
    assert.deepEqual(
      [...logo.querySelectorAll("source")].map((s) => s.getAttribute("type")),
      ["image/avif"],
      "no JPEG for an image with transparency",
    );
    assert.match(logo.querySelector("img")!.getAttribute("src")!, /\.webp$/);
  });

  it("makes the featured image and the same image in the text once", () => {
    const doc = page(FOLDER_URL);
    const featured = doc.querySelector(".featured-image img")!.getAttribute("src")!;
    const inText = doc.querySelector('.post-body img[title="The photo"]')!.getAttribute("src")!;
    assert.equal(featured, inText);
    const hash = path.basename(featured).replace(/-\d+\.jpeg$/, "");
    assert.equal(
      readdirSync(path.join(out, "img")).filter((file) => file.startsWith(`${hash}-`)).length,
      6,
      "3 formats × 2 widths",
    );
    assert.equal(doc.querySelector(".featured-image img")!.getAttribute("loading"), "eager");
  });

  it("finds an image beside an article's file", () => {
    const img = page(BESIDE_URL).querySelector('.post-body picture img[alt="A chart"]')!;
    // 800 pixels wide is close enough to the column's 720 that eleventy-img makes only that width.
    assert.deepEqual([img.getAttribute("width"), img.getAttribute("height")], ["720", "360"]);
    for (const file of filesOf(img)) assert.ok(existsSync(path.join(out, file)), file);
  });

  it("optimizes the images of a page that is not a post, from the page's folder", () => {
    const picture = page(PAGE_URL).querySelector("main picture")!;
    assert.ok(picture, "the page's image is a <picture>");
    const img = picture.querySelector("img")!;
    assert.equal(img.getAttribute("alt"), "Alexis on stage");
    assert.equal(img.getAttribute("loading"), "lazy");
    for (const file of [...picture.querySelectorAll("source"), img].flatMap(filesOf)) {
      assert.match(file, /^\/img\//, file);
      assert.ok(existsSync(path.join(out, file)), `${file} is written`);
    }
  });

  it("optimizes an image from the content's root outside /assets/, which nothing else publishes", () => {
    const img = page(BESIDE_URL).querySelector('.post-body picture img[alt="A map from the content\'s root"]')!;
    assert.ok(img, "the image is a <picture>");
    assert.deepEqual([img.getAttribute("width"), img.getAttribute("height")], ["640", "480"]);
    for (const file of filesOf(img)) assert.ok(existsSync(path.join(out, file)), file);
    assert.equal(existsSync(path.join(out, "images/map.png")), false, "the source file is not published as it is");
  });

  it("leaves an image from /assets/ as written", () => {
    const cover = page(FOLDER_URL).querySelector('.post-body img[alt="The cover"]')!;
    assert.equal(cover.getAttribute("src"), "/assets/podcast-cover.png");
    assert.equal(cover.closest("picture"), null);
    assert.equal(cover.getAttribute("loading"), "lazy");
  });

  it("gives the feeds the optimized images, at full URLs", () => {
    const atom = parseAtomFeed(readFileSync(path.join(out, "feed.xml"), "utf8"));
    const entry = atom.entries!.find((e) => e.links?.[0]?.href === `${SITE}${BESIDE_URL}`)!;
    const html = (entry.content as { value?: string }).value ?? "";
    assert.match(html, new RegExp(`<picture><source type="image/avif" srcset="${SITE}/img/[\\w-]+-720\\.avif 720w"`));
    assert.match(html, new RegExp(`<img src="${SITE}/img/[\\w-]+-720\\.jpeg" alt="A chart"`));
  });
});

describe("an image of a post's text that is not there", () => {
  const projects: ReturnType<typeof tempProject>[] = [];
  after(() => {
    for (const project of projects) project.remove();
  });

  it("stops the build, naming the post's file and the image", async () => {
    const project = tempProject("body-images-missing");
    projects.push(project);
    writeFileSync(path.join(project.input, "posts/2024-08-04-an-article-beside-its-image.md"), BESIDE_ARTICLE);
    await assert.rejects(buildSite(project.input, project.output), (error: Error) => {
      assert.match(
        messages(error),
        /content\/posts\/2024-08-04-an-article-beside-its-image\.md: image 2024-08-04-chart\.png: no such file [^\n]*content\/posts\/2024-08-04-chart\.png/,
      );
      return true;
    });
  });

  it("does not stop the build when the post is a draft, which the build leaves out", async () => {
    const project = tempProject("body-images-draft");
    projects.push(project);
    writeFileSync(
      path.join(project.input, "posts/2024-08-04-an-article-beside-its-image.md"),
      BESIDE_ARTICLE.replace("kind: article\n", "kind: article\ndraft: true\n"),
    );
    await buildSite(project.input, project.output);
    assert.ok(!existsSync(path.join(project.output, BESIDE_URL)));
  });
});
