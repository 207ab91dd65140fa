import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import sharp from "sharp";
import { BodyImageError, processBodyImages, contentImages } from "../../src/images/body-images.ts";
import { createMarkdown } from "../../src/markdown/markdown.ts";

const markdown = createMarkdown();

describe("the images of a post's text that are files beside it", () => {
  const root = mkdtempSync(path.join(tmpdir(), "body-images-"));
  const input = path.join(root, "content");
  const postFile = path.join(input, "posts/2024-08-03-a-post/index.md");
  const files = {
    postFile,
    input,
    output: path.join(root, "_site"),
    shown: (file: string) => path.relative(root, file),
  };
  after(() => rmSync(root, { recursive: true, force: true }));

  it("are the relative ones and those from the content's root outside /assets/: not another site's or a data: URL, nor in code", () => {
    const body = [
      "![a](photo.png) ![b](images/diagram%20one.png) ![a again](photo.png)",
      "![c](/assets/cover.png) ![d](https://example.com/x.png) ![e](//cdn.example.com/x.png) ![f](data:image/png;base64,AAAA) ![k](/images/chart.png)",
      "[![g](inside-a-link.png)](https://example.com)",
      "| table |\n| --- |\n| ![h](in-a-table.png) |",
      "`![i](in-code.png)`",
      "```\n![j](in-a-fence.png)\n```",
    ].join("\n\n");
    assert.deepEqual(contentImages(markdown.parse(body, {})), [
      "photo.png",
      "images/diagram%20one.png",
      "/images/chart.png",
      "inside-a-link.png",
      "in-a-table.png",
    ]);
  });

  it("are optimized, keyed by their src as markdown-it writes it", async () => {
    mkdirSync(path.join(input, "posts/2024-08-03-a-post/images"), { recursive: true });
    await sharp({ create: { width: 300, height: 200, channels: 3, background: "#0b5cad" } })
      .png()
      .toFile(path.join(input, "posts/2024-08-03-a-post/images/diagram one.png"));
    const images = await processBodyImages(markdown, "![A diagram](images/diagram%20one.png)", files);
    const metadata = images.get("images/diagram%20one.png")!;
    assert.deepEqual(Object.keys(metadata).sort(), ["avif", "jpeg", "webp"]);
    assert.deepEqual(
      metadata.jpeg!.map((m) => [m.width, m.height]),
      [[300, 200]],
    );
    assert.match(metadata.jpeg![0]!.url, /^\/img\/[\w-]+-300\.jpeg$/);
  });

  it("must be there, and inside the content folder: else an error names the post and the image", async () => {
    writeFileSync(path.join(root, "outside.png"), "not in the content");
    await assert.rejects(
      processBodyImages(markdown, "![A chart](chart.png)", files),
      (error: Error) =>
        error instanceof BodyImageError &&
        error.message ===
          "content/posts/2024-08-03-a-post/index.md: image chart.png: no such file content/posts/2024-08-03-a-post/chart.png",
    );
    await assert.rejects(
      processBodyImages(markdown, "![Out](../../../outside.png)", files),
      (error: Error) =>
        error.message ===
        "content/posts/2024-08-03-a-post/index.md: image ../../../outside.png: is outside the content folder (outside.png)",
    );
    const reported: string[] = [];
    const images = await processBodyImages(markdown, "![A chart](chart.png)", files, (error) =>
      reported.push(error.message),
    );
    assert.equal(images.size, 0, "under npm start: reported, and the image left as written");
    assert.equal(reported.length, 1);
  });
});
