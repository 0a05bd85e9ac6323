import { classifyHref, renderInlineMarkdown, renderMarkdown, type RenderOptions } from './markdown-renderer';

const courseLinks: RenderOptions = {
  resolveLink: (href) => {
    if (href === '02-indicadores.md') return '/courses/demo/modules/02-indicadores';
    if (href.startsWith('media/')) return `/courses/demo/${href}`;
    return null;
  },
};

/** Every real tag in the output, so text that merely shows "<script>" as characters is not mistaken for a tag. */
function tagsOf(html: string): string[] {
  return html.match(/<[a-z][^>]*>/gi) ?? [];
}

function expectInert(html: string): void {
  for (const tag of tagsOf(html)) {
    expect(tag).not.toMatch(/^<(script|iframe|svg|object|embed|style|form|input|math|base|link|meta)\b/i);
    // Text inside a quoted value (a title that mentions "onmouseover=") is not an attribute.
    expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son[a-z]+\s*=/i);
    expect(tag).not.toMatch(/(href|src)\s*=\s*"\s*(javascript|data|vbscript|file):/i);
    expect(tag).not.toMatch(/(href|src)\s*=\s*"\s*\/\//i);
  }
}

describe('renderMarkdown', () => {
  it('renders the Markdown authors use: headings, emphasis, lists, tables, quotes, code', () => {
    const html = renderMarkdown(
      '## Part\n\n**bold** and *em* and `code`\n\n- one\n- two\n\n1. first\n\n> quote\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n```\nx < y\n```\n\n---',
      courseLinks,
    );
    expect(html).toContain('<h2>Part</h2>');
    expect(html).toContain('<strong>bold</strong> and <em>em</em> and <code>code</code>');
    expect(html).toContain('<ul>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<th style="text-align:left">a</th>');
    expect(html).toContain('<pre><code>x &lt; y');
    expect(html).toContain('<hr />');
  });

  it('shifts # headings to h2, because the page already shows the module title as h1', () => {
    expect(renderMarkdown('# Title\n\nSetext\n======', courseLinks)).toBe('<h2>Title</h2>\n<h2>Setext</h2>');
  });

  it('resolves module and media links through the resolver', () => {
    const html = renderMarkdown('[next](02-indicadores.md) ![map](media/map.png)', courseLinks);
    expect(html).toContain('<a href="/courses/demo/modules/02-indicadores">next</a>');
    expect(html).toContain('<img src="/courses/demo/media/map.png" alt="map" />');
  });

  it('marks external links noopener noreferrer and leaves mailto links alone', () => {
    const html = renderMarkdown('[UNODC](https://www.unodc.org) [mail](mailto:a@example.org) https://iom.int', courseLinks);
    expect(html).toContain('<a href="https://www.unodc.org" rel="noopener noreferrer">UNODC</a>');
    expect(html).toContain('<a href="mailto:a@example.org">mail</a>');
    expect(html).toContain('<a href="https://iom.int" rel="noopener noreferrer">https://iom.int</a>');
  });

  it('keeps the text of a link the resolver refuses, without an address', () => {
    expect(renderMarkdown('[missing](03-nope.md)', courseLinks)).toBe('<p>missing</p>');
  });

  it('keeps the description of a refused image as text', () => {
    expect(renderMarkdown('![a diagram](../secret.png)', courseLinks)).toBe('<p>a diagram</p>');
  });
});

describe('renderMarkdown with hostile input', () => {
  it.each([
    ['a script tag', '<script>alert(1)</script>'],
    ['a script tag in a list', '- <script>alert(1)</script>'],
    ['an img with onerror', '<img src=x onerror=alert(1)>'],
    ['a raw iframe', '<iframe src="https://evil.example"></iframe>'],
    ['an svg with onload', '<svg onload=alert(1)><circle r="1"/></svg>'],
    ['an inline svg with onload', 'text <svg/onload=alert(1)> text'],
    ['a style tag', '<style>body{display:none}</style>'],
    ['an html comment hiding a script', '<!-- x --><script>alert(1)</script>'],
    ['an anchor with a javascript href', '<a href="javascript:alert(1)">x</a>'],
    ['an event handler smuggled in a link title', '[x](https://a.example "t\\" onmouseover=\\"alert(1)")'],
    ['a form', '<form action="https://evil.example"><input name=p></form>'],
  ])('renders %s as inert text', (_name, markdown) => {
    const html = renderMarkdown(markdown, courseLinks);
    expectInert(html);
    expect(tagsOf(html).every((tag) => /^<(p|ul|li|a|h2)\b/.test(tag))).toBe(true);
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](&#x6A;&#x61;vascript:alert(1))',
    '[x](&#0000106avascript:alert(1))',
    '[x]( javascript:alert(1))',
    '[x](<javascript:alert(1)>)',
    '[x](<java script:alert(1)>)',
    '[x](java%0Ascript:alert(1))',
    '[x](%6Aavascript:alert(1))',
    '[x](\tjavascript:alert(1))',
    '[x](vbscript:msgbox(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](file:///etc/passwd)',
    '[x](//evil.example/x)',
    '[x](\\\\evil.example/x)',
    '[x][ref]\n\n[ref]: javascript:alert(1)',
    '<javascript:alert(1)>',
  ])('neutralises the link in %s, keeping its text', (markdown) => {
    const html = renderMarkdown(markdown, courseLinks);
    expectInert(html);
    expect(html).not.toContain('href');
    if (markdown.startsWith('[x]')) expect(html).toBe('<p>x</p>');
  });

  it.each(['![x](javascript:alert(1))', '![x](data:image/svg+xml;base64,PHN2Zz4=)', '![x](mailto:a@example.org)', '![x](//evil.example/p.png)'])(
    'drops the image in %s',
    (markdown) => {
      const html = renderMarkdown(markdown, courseLinks);
      expectInert(html);
      expect(html).toBe('<p>x</p>');
    },
  );

  it('does not trust the resolver either: unsafe URLs it returns are refused', () => {
    for (const returned of ['javascript:alert(1)', '//evil.example', '/\\evil.example', 'data:text/html,x', '/ok path']) {
      const html = renderMarkdown('[x](02-indicadores.md)', { resolveLink: () => returned });
      expect(html).toBe('<p>x</p>');
    }
  });

  it('passes only relative, scheme-less addresses to the resolver', () => {
    const seen: string[] = [];
    renderMarkdown('[a](javascript:x) [b](https://x.example) [c](mailto:a@b.c) [d](02-indicadores.md)', {
      resolveLink: (href) => {
        seen.push(href);
        return null;
      },
    });
    expect(seen).toEqual(['02-indicadores.md']);
  });
});

describe('renderInlineMarkdown', () => {
  it('renders one line without a paragraph and with the same link policy', () => {
    expect(renderInlineMarkdown('**Yes**, see [x](javascript:alert(1)) <b>', courseLinks)).toBe('<strong>Yes</strong>, see x &lt;b&gt;');
  });
});

describe('classifyHref', () => {
  it.each([
    ['https://a.example', 'external'],
    ['HTTP://A.EXAMPLE', 'external'],
    ['mailto:a@b.c', 'external'],
    ['02-x.md', 'relative'],
    ['media/a%20b.png', 'relative'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['ftp://a.example', 'disallowed'],
    [' java\tscript:x', 'disallowed'],
    ['ht%74ps://a.example', 'disallowed'],
  ])('%p is %s', (href, kind) => {
    expect(classifyHref(href).kind).toBe(kind);
  });
});

describe('tables in lessons', () => {
  it('wraps every table in a labelled, focusable scroll region named after its header cells', () => {
    const html = renderMarkdown('| Elemento | Descripción |\n|---|---|\n| Acción | Captar |\n\n| `a` |\n|---|\n| 1 |', { ...courseLinks, tableLabel: 'Tabla' });
    expect(html).toContain('<div class="table-scroll" role="region" aria-label="Tabla: Elemento, Descripción" tabindex="0"><table>');
    expect(html).toContain('<div class="table-scroll" role="region" aria-label="Tabla: a" tabindex="0"><table>');
    expect(html.match(/<\/table><\/div>/g)).toHaveLength(2);
  });

  it('escapes header text in the label and keeps a label when the header is empty', () => {
    const html = renderMarkdown('| "x" <b> |\n|---|\n| 1 |', courseLinks);
    expect(html).toContain('aria-label="Tabla: &quot;x&quot; &lt;b&gt;"');
    expectInert(html);
  });

  it('lets no author-made div through: raw HTML stays text, so the only divs are table regions', () => {
    const html = renderMarkdown('<div class="x" onclick="y">hi</div>\n\n| a |\n|---|\n| 1 |', courseLinks);
    expect(tagsOf(html).filter((tag) => tag.startsWith('<div'))).toEqual(['<div class="table-scroll" role="region" aria-label="Tabla: a" tabindex="0">']);
  });
});
