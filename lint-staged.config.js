// The pre-commit hook (simple-git-hooks, turned on by `npm run hooks`) runs lint-staged, which
// checks the content when a commit stages a file under content/: the whole content, since a
// post can break a link or a slug elsewhere, as the commit will hold it (`--staged`: a post staged
// without its new image is refused, as CI would). A commit that touches no content runs nothing.
export default {
  "content/**": () => "npm run check -- --staged",
};
