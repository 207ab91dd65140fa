import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parsePost } from "../../src/posts/schema.ts";
import { contentSecurityPolicy, headersFile } from "../../src/security/csp.ts";
import { loadSiteSettings } from "../../src/site/settings.ts";

const site = loadSiteSettings();
const episode = (url: string) =>
  parsePost(
    {
      title: "E",
      date: "2024-06-09",
      kind: "episode",
      host: { name: "A" },
      guests: [{ name: "B" }],
      audio: { url, type: "audio/mpeg", length: 1, duration: "00:00:01" },
    },
    "e.md",
    site.timeZone,
  );

describe("Content-Security-Policy", () => {
  it("allows the site's own files, WebAssembly for search, and nothing else by default", () => {
    const policy = contentSecurityPolicy(site, [], "meta");
    assert.match(policy, /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';/);
    assert.match(policy, /media-src 'self';/);
    assert.match(policy, /object-src 'none'/);
    assert.doesNotMatch(policy, /unsafe-inline|frame-ancestors|\*/);
  });

  it("adds the hosts of episodes' audio and of the newsletter form, once each", () => {
    const posts = [
      episode("https://media.example.com/a.mp3"),
      episode("https://media.example.com/b.mp3"),
      episode("/media/c.mp3"),
    ];
    const withForm = {
      ...site,
      newsletter: { ...site.newsletter, action: "https://newsletter.example.org/subscribe" },
    };
    const policy = contentSecurityPolicy(withForm, posts, "header");
    assert.match(policy, /media-src 'self' https:\/\/media\.example\.com;/);
    assert.match(policy, /form-action 'self' https:\/\/newsletter\.example\.org/);
    assert.match(policy, /frame-ancestors 'none'$/);
  });

  it("writes a _headers file for every path", () => {
    assert.equal(headersFile("default-src 'self'").split("\n")[0], "/*");
    assert.equal(
      headersFile("default-src 'self'", "/repo/").split("\n")[0],
      "/repo/*",
      "under a path prefix, the paths under it",
    );
    assert.match(headersFile("default-src 'self'"), /^ {2}Content-Security-Policy: default-src 'self'$/m);
  });
});
