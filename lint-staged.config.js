// The pre-commit hook (simple-git-hooks, turned on by `npm run hooks`) runs lint-staged:
// - staged code is formatted and linted by Biome (biome.jsonc), as `npm test` does for the whole
//   tree; a finding stops the commit;
// - a commit that stages a file under content/ checks the content: the whole content, since a
//   post can break a link or a slug elsewhere, as the commit will hold it (`--staged`: a post
//   staged without its new image is refused, as CI would).
export default {
  "*.{ts,js,cjs,mjs,css,jsonc,svg}": "biome check --no-errors-on-unmatched --files-ignore-unknown=true",
  "content/**": () => "npm run check -- --staged",
};
