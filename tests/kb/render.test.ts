import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntry } from '../../src/kb/read.js';
import { renderAnswer, UnsafeHtmlError } from '../../src/kb/render.js';

/** The allow-list, written out again here so that a change to render.ts cannot widen both at once. */
const ALLOWED = /^<(?:\/?(?:p|strong|em|ul|ol|li|code)|br)>$|^<ol start="\d+">$|^<a href="(?:https:\/\/|tel:|mailto:)[^"<>]*">$|^<\/a>$/;

/** Asserts what must hold for every rendered answer. */
function expectSafe(html: string): void {
  expect(html.toLowerCase()).not.toContain('<script');
  for (const tag of html.match(/<[^>]*>/g) ?? []) {
    expect(tag, `tag ${tag} in ${html}`).toMatch(ALLOWED);
    expect(tag, `event handler in ${tag}`).not.toMatch(/\son[a-z]*\s*=/i);
  }
  expect(html).not.toMatch(/href="(?:javascript|data|vbscript):/i);
}

const HOSTILE = [
  '<script>alert(1)</script>',
  'Hello <script>alert(1)</script> world',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  'text <img src=x onerror="alert(1)"> more',
  '<iframe src="https://evil.example"></iframe>',
  '<style>body{display:none}</style>',
  '<div onclick="alert(1)">click</div>',
  '<a href="javascript:alert(1)">x</a>',
  '<svg onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  'x<!-- comment -->y',
  '- item <b onmouseover=alert(1)>bold</b>',
  '**bold <i>and</i> more**',
  '[click](javascript:alert(1))',
  '[click](JavaScript:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD4=)',
  '[click](vbscript:msgbox)',
  '[x](https://example.com/"onmouseover="alert(1))',
  '[x](https://example.com "title onmouseover=alert(1)")',
  '<javascript:alert(1)>',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '![x](https://evil.example/x.png" onerror="alert(1))',
  '![<img src=x onerror=alert(1)>](https://x/y.png)',
  '```\n<script>alert(1)</script>\n```',
  '    <script>indented code</script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<scr<script>ipt>alert(1)</script>',
  '| a | b |\n|---|---|\n| <script>x</script> | 2 |',
  '> <script>alert(1)</script>',
];

describe('renderAnswer', () => {
  it('renders paragraphs, bold, italics and line breaks', () => {
    expect(renderAnswer('**Bold** and *italic* text  \nnext line\n\nSecond paragraph.')).toBe(
      '<p><strong>Bold</strong> and <em>italic</em> text<br>next line</p><p>Second paragraph.</p>',
    );
  });

  it('renders bulleted and numbered lists', () => {
    expect(renderAnswer('- one\n- two\n\n1. first\n2. second')).toBe('<ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol>');
  });

  it('trims surrounding whitespace and joins blocks without newlines', () => {
    expect(renderAnswer('\n\n  First.\n\nSecond.\n\n')).toBe('<p>First.</p><p>Second.</p>');
  });

  it('keeps a tel:{{phone}} link for the widget to fill in', () => {
    expect(renderAnswer('[Call us](tel:{{phone}}) any time.')).toBe('<p><a href="tel:{{phone}}">Call us</a> any time.</p>');
  });

  it('keeps https and mailto links, escaping the href', () => {
    expect(renderAnswer('[site](https://example.com/a?b=1&c=2) or [mail](mailto:admissions@example.com)')).toBe(
      '<p><a href="https://example.com/a?b=1&amp;c=2">site</a> or <a href="mailto:admissions@example.com">mail</a></p>',
    );
  });

  it('turns a bare https address into a link', () => {
    expect(renderAnswer('See https://example.com/faq')).toBe('<p>See <a href="https://example.com/faq">https://example.com/faq</a></p>');
  });

  it('drops a link title', () => {
    expect(renderAnswer('[x](https://example.com "a title")')).toBe('<p><a href="https://example.com">x</a></p>');
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'http://example.com', '/relative', 'ftp://example.com'])(
    'keeps the text of a %s link but not its href',
    (href) => {
      expect(renderAnswer(`Read [the page](${href}) now.`)).toBe('<p>Read the page now.</p>');
    },
  );

  it('renders headings as bold paragraphs', () => {
    expect(renderAnswer('# Title\n\ntext')).toBe('<p><strong>Title</strong></p><p>text</p>');
    expect(renderAnswer('### Small *title*')).toBe('<p><strong>Small <em>title</em></strong></p>');
    expect(renderAnswer('Setext\n======')).toBe('<p><strong>Setext</strong></p>');
  });

  it('renders a code block as escaped code in a paragraph', () => {
    expect(renderAnswer('```\nif (a < b) x();\n```')).toBe('<p><code>if (a &lt; b) x();</code></p>');
  });

  it('renders inline code', () => {
    expect(renderAnswer('Type `help` to start.')).toBe('<p>Type <code>help</code> to start.</p>');
  });

  it('renders inline code holding < or & as escaped text', () => {
    expect(renderAnswer('Only if `age < 18 & alone`.')).toBe('<p>Only if <code>age &lt; 18 &amp; alone</code>.</p>');
  });

  it('renders a numbered list that does not start at 1', () => {
    const html = renderAnswer('3. three\n4. four');
    expect(html).toContain('<li>three</li><li>four</li>');
    expectSafe(html);
  });

  it('shows the alt text of an image instead of the image', () => {
    expect(renderAnswer('![Our building](https://example.com/b.jpg)')).toBe('<p>Our building</p>');
  });

  it('keeps the words of a blockquote, strikethrough and task list without their markup', () => {
    expect(renderAnswer('> quoted')).toBe('<p>quoted</p>');
    expect(renderAnswer('a ~~b~~ c')).toBe('<p>a b c</p>');
    expect(renderAnswer('- [ ] task')).toBe('<ul><li>task</li></ul>');
  });

  it('escapes a script block as text, never as a tag', () => {
    expect(renderAnswer('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('escapes inline raw HTML inside a paragraph', () => {
    expect(renderAnswer('Hello <img src=x onerror=alert(1)> world')).toBe('<p>Hello &lt;img src=x onerror=alert(1)&gt; world</p>');
  });

  it('escapes iframe and style blocks', () => {
    expect(renderAnswer('<iframe src="https://evil.example"></iframe>')).toBe('&lt;iframe src=&quot;https://evil.example&quot;&gt;&lt;/iframe&gt;');
    expect(renderAnswer('<style>body{display:none}</style>')).toBe('&lt;style&gt;body{display:none}&lt;/style&gt;');
  });

  it('escapes a raw HTML link with a javascript: href', () => {
    expect(renderAnswer('<a href="javascript:alert(1)">x</a>')).toBe('<p>&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;</p>');
  });

  it.each(HOSTILE)('renders %j as allow-listed HTML only', (markdown) => {
    let html: string;
    try {
      html = renderAnswer(markdown);
    } catch (error) {
      // Refusing is safe too; anything else is not.
      expect(error).toBeInstanceOf(UnsafeHtmlError);
      return;
    }
    expectSafe(html);
  });

  it('renders every answer in the project knowledge folder as allow-listed HTML', () => {
    const dir = 'knowledge/faq';
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const entry = readEntry(f, readFileSync(join(dir, f), 'utf8'), []);
      const html = renderAnswer(entry?.answer ?? '');
      expect(html, f).not.toBe('');
      expectSafe(html);
    }
  });

  it('never lets a tag inside inline code through: it is escaped or refused with UnsafeHtmlError', () => {
    let html = '';
    try {
      html = renderAnswer('Try `<b onclick=x>`.');
    } catch (error) {
      expect(error).toBeInstanceOf(UnsafeHtmlError);
      expect((error as Error).message).toBe('rendered HTML holds a tag outside the allow-list: <b onclick=x>');
      return;
    }
    expect(html).toBe('<p>Try <code>&lt;b onclick=x&gt;</code>.</p>');
  });
});
