// Which code may import which: `npm run lint:deps` (dependency-cruiser) reads src/, scripts/,
// bench/ and .eleventy.ts and fails on any import these rules forbid.
//
// Each folder of src/ is one subject, and the folders stack up, each importing only folders below
// it (the picture today; the rules below are what is checked):
//
//   check, wordpress                            the commands' code: `npm run check`, the importer
//   feeds, search, security, cards, seo         what the build makes from the posts
//   transcript, images
//   posts                                       the schema, front matter, collections, people, redirects
//   site                                        settings, path prefix, the site's addresses and links
//   text, maps, files, dates, markdown, build   plain helpers; Eleventy's builds (run mode, bookkeeping)
//
// `import type` counts like any import: a type is knowledge of the other file's subject, so a
// cycle through types tangles two subjects all the same. (TypeScript 7 has no JavaScript API for
// dependency-cruiser to read it with; swc reads the files, and it does not tell the two apart.)
const { builtinModules } = require("node:module");

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-file-cycle",
      comment:
        "Files in a cycle can only be read, tested and moved together, and the order they load in starts to matter.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-folder-cycle",
      comment:
        "A folder is a subject: two folders that import each other are one subject in two places. Move the code to where it belongs.",
      severity: "error",
      scope: "folder",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "plugins-only-from-the-config",
      comment:
        "A plugin.ts registers its folder with Eleventy, and only .eleventy.ts adds plugins. Other code imports a folder's plain modules, which run without Eleventy (tests, npm run check, the importer).",
      severity: "error",
      from: { pathNot: "^\\.eleventy\\.ts$" },
      to: { path: "(^|/)plugin\\.ts$" },
    },
    {
      name: "eleventy-only-in-the-config",
      comment:
        "Plugins get Eleventy's configuration as an argument (typed in src/eleventy-config.ts): no code of src/ imports Eleventy itself (.eleventy.ts and the tests do).",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "(^|/)node_modules/@11ty/eleventy/" },
    },
    {
      name: "browser-code-reaches-no-node-module",
      comment:
        "browser/ holds the pages' scripts, bundled by esbuild for the browser: nothing they import, however indirectly, may need Node. A type they need lives where they can import it.",
      severity: "error",
      from: { path: "/browser/" },
      to: { path: `^(node:)?(${builtinModules.join("|")})$`, reachable: true },
    },
    {
      name: "base-folders-stand-alone",
      comment:
        "text, maps, files, dates, markdown and build are what every subject stands on: they import no folder of ours (build reads the declaration of Eleventy's API).",
      severity: "error",
      from: { path: "^src/(text|maps|files|dates|markdown|build)/" },
      to: { path: "^(src/|scripts/|bench/|tests/)", pathNot: ["^src/$1/", "^src/eleventy-config\\.ts$"] },
    },
    {
      name: "commands-stay-on-top",
      comment:
        "The content check (check/) and the WordPress importer (wordpress/) are commands, run by scripts/: the site's build never imports them, nor scripts/, bench/ or tests/.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(check|wordpress)/" },
      to: { path: "^(src/(check|wordpress)/|scripts/|bench/|tests/)" },
    },
    {
      name: "no-unresolvable-import",
      comment: "An import the tool cannot follow would hide the cycles behind it.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    parser: "swc",
    // Packages are leaves: their own imports are theirs.
    doNotFollow: { path: "node_modules" },
    // A package's entry points as Node finds them, by its `exports` ("@orama/stemmers/french").
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
