/**
 * Renders an answer's markdown to the small HTML the widget shows, at build
 * time, so the widget never ships marked or a sanitiser. The renderer only
 * emits allow-listed tags; raw HTML in a knowledge file comes out as escaped
 * text, and a final check refuses anything outside the allow-list, so no
 * script, style or event handler can reach a visitor's page from content.
 */
import { Marked, type Tokens } from 'marked';
import { escapeHtml } from '../engine/index.js';

/** Every tag the rendered HTML may contain. */
const ALLOWED_TAG = /^<(?:\/?(?:p|strong|em|ul|ol|li|code)|br)>$|^<ol start="\d+">$|^<a href="(?:https:\/\/|tel:|mailto:)[^"<>]*">$|^<\/a>$/;

const SAFE_HREF = /^(?:https:\/\/|tel:|mailto:)/;

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    heading({ tokens }: Tokens.Heading) {
      return `<p><strong>${this.parser.parseInline(tokens)}</strong></p>\n`;
    },
    link({ href, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      return SAFE_HREF.test(href) ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
    },
    image: ({ text }: Tokens.Image) => escapeHtml(text),
    code: ({ text }: Tokens.Code) => `<p><code>${escapeHtml(text)}</code></p>\n`,
    codespan: ({ text }: Tokens.Codespan) => `<code>${escapeHtml(text)}</code>`,
    blockquote({ tokens }: Tokens.Blockquote) {
      return this.parser.parse(tokens);
    },
    hr: () => '',
    del({ tokens }: Tokens.Del) {
      return this.parser.parseInline(tokens);
    },
    table: () => '',
    checkbox: () => '',
  },
});

/** Thrown when rendered HTML holds something outside the allow-list. */
export class UnsafeHtmlError extends Error {
  override name = 'UnsafeHtmlError';
}

/**
 * Renders answer markdown to allow-listed HTML.
 *
 * @throws UnsafeHtmlError if the output holds a tag outside the allow-list
 */
export function renderAnswer(markdown: string): string {
  const html = (marked.parse(markdown.trim(), { async: false }) as string).trim();
  for (const tag of html.match(/<[^>]*>/g) ?? []) {
    if (!ALLOWED_TAG.test(tag)) throw new UnsafeHtmlError(`rendered HTML holds a tag outside the allow-list: ${tag}`);
  }
  return html.replace(/>\n+</g, '><');
}
