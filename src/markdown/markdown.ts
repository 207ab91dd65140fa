import MarkdownIt from "markdown-it";

/** Authors' Markdown: HTML allowed (they own the repository), bare URLs linked, text kept as typed. */
export function createMarkdown() {
  const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });
  // Images in a post's text sit below its title and featured image: let the browser load them late.
  const image = markdown.renderer.rules.image!;
  markdown.renderer.rules.image = (tokens, index, options, env, self) => {
    tokens[index]!.attrSet("loading", "lazy");
    tokens[index]!.attrSet("decoding", "async");
    return image(tokens, index, options, env, self);
  };
  return markdown;
}
