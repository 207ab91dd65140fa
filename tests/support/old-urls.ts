/** A moved post and the site's own redirects, as the WordPress importer writes them: the old-URL tests' content. */

/** A post as the WordPress importer writes it: its permalink without /en/, an attachment's page, and query links. */
export const MOVED_POST = `---
title: "A Moved Article"
date: 2024-08-01
kind: article
tags: [Strategy]
redirect_from:
  - /2024/08/01/a-moved-article/
  - /en/2024/08/01/a-moved-article/photo/
  - /?p=123
  - /?attachment_id=456
---

This article used to live on WordPress.
`;

/** The site's own redirects, as the importer writes them: archives to tag and year pages, a page's query link, the feed. */
export const SITE_REDIRECTS = [
  { from: "/en/category/strategy/", to: "/tags/strategy/" },
  { from: "/2024/", to: "/en/2024/" },
  { from: "/en/2024/06/", to: "/en/2024/" },
  { from: "/?page_id=12", to: "/about/" },
  { from: "/feed/", to: "/feed.xml" },
];
