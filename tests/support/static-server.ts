import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".vtt": "text/vtt; charset=utf-8",
  ".srt": "application/x-subrip",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".mp3": "audio/mpeg",
  ".wav": "audio/wav",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webp": "image/webp",
  ".avif": "image/avif",
};

/** The file a static host answers a path with: `/x/` → `/x/index.html`, and 404.html (found: false) for a miss. */
export function resolveStaticFile(root: string, url: string): { file: string; found: boolean } {
  const pathname = decodeURIComponent(new URL(url, "http://localhost").pathname);
  let file = path.join(root, path.normalize(pathname));
  if (!file.startsWith(root)) file = path.join(root, "404.html");
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
  const found = existsSync(file);
  return { file: found ? file : path.join(root, "404.html"), found };
}

/**
 * Serves a built site on 127.0.0.1, as a static host would: `/x/` → `/x/index.html`, 404.html for misses.
 * Under a path prefix ("/repo/", a GitHub project site), the site is served at that path only:
 * `/repo/x/` → `/x/index.html`, and anything outside it is a bare 404.
 */
export async function serveStatic(
  root: string,
  pathPrefix = "/",
): Promise<{ url: string; close(): Promise<void>; server: Server }> {
  const server = createServer((request, response) => {
    const url = request.url ?? "/";
    if (!url.startsWith(pathPrefix)) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      response.end(`Not found: outside ${pathPrefix}`);
      return;
    }
    const { file, found } = resolveStaticFile(root, url.slice(pathPrefix.length - 1));
    const size = statSync(file).size;
    const headers = {
      "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
      "accept-ranges": "bytes",
    };
    // Byte ranges, as hosts serve audio: the player knows the file's length and seeks in it.
    const range = found ? /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? "") : null;
    if (range && (range[1] || range[2])) {
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start > end) {
        response.writeHead(416, { "content-range": `bytes */${size}` });
        response.end();
        return;
      }
      response.writeHead(206, {
        ...headers,
        "content-range": `bytes ${start}-${end}/${size}`,
        "content-length": end - start + 1,
      });
      createReadStream(file, { start, end }).pipe(response);
      return;
    }
    response.writeHead(found ? 200 : 404, { ...headers, "content-length": size });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
