import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

type Token = MarkdownIt.Token;
type StateCore = MarkdownIt.StateCore;
export type MarkdownItInstance = InstanceType<typeof MarkdownIt>;

export interface RenderOptions {
  /**
   * Turns a relative link or image address written by an author (already
   * percent-encoded by markdown-it, e.g. "02-indicadores.md" or
   * "media/ruta%20a.png") into a site URL, or null to refuse it. Never called
   * with http:, https:, mailto: or any other scheme.
   */
  resolveLink(href: string): string | null;
  /** Names a table's scroll region for screen readers, in the lesson's language ("Tabla", "Table"); the header cells follow it. */
  tableLabel?: string;
}

export type HrefKind =
  | { kind: 'empty' }
  | { kind: 'external'; scheme: 'http' | 'https' | 'mailto' }
  | { kind: 'relative' }
  | { kind: 'disallowed'; scheme: string };

const EXTERNAL_SCHEMES = ['http', 'https', 'mailto'] as const;

/**
 * Decides what a link address is, the way a browser would read it: browsers
 * ignore control characters and whitespace inside a scheme and compare it
 * case-insensitively, so "  JaVa\tScRiPt:" is still javascript:. Anything
 * that looks like a scheme after that clean-up and is not http, https or
 * mailto is refused, even if a browser might not run it.
 */
export function classifyHref(href: string): HrefKind {
  const decoded = safeDecode(href);
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const compact = decoded.replace(/[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g, '').toLowerCase();
  if (compact === '') return { kind: 'empty' };
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  if (scheme === undefined) {
    if (/^[/\\]{2}/.test(compact)) return { kind: 'disallowed', scheme: '//' }; // protocol-relative: another site
    return { kind: 'relative' };
  }
  const literal = href.trim().toLowerCase();
  const external = EXTERNAL_SCHEMES.find((allowed) => scheme === allowed && literal.startsWith(`${allowed}:`));
  return external ? { kind: 'external', scheme: external } : { kind: 'disallowed', scheme };
}

function safeDecode(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

/** What a resolver returns must be a same-site path or an http(s) address. */
function isSafeResolvedUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters never belong in a URL we emit
  if (/[\u0000-\u0020\u007f]/.test(url)) return false;
  if (/^\/(?![/\\])/.test(url)) return true;
  const kind = classifyHref(url);
  return kind.kind === 'external' && kind.scheme !== 'mailto';
}

function createRenderer(): MarkdownItInstance {
  // html: false turns any HTML an author writes into visible text; typographer off keeps quotes as typed.
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  // linkify should only turn http(s) addresses and e-mails into links, never ftp: or "//host".
  md.linkify.add('ftp:', null).add('//', null);
  // Let every link through the parser so our rule below decides (markdown-it would otherwise
  // leave a refused link as raw "[text](javascript:...)" source text).
  md.validateLink = () => true;
  return md;
}

const renderer = createRenderer();

/**
 * Every table sits in a labelled, focusable region that scrolls sideways on a
 * 360 px phone instead of squeezing its columns (keyboard users can scroll it:
 * axe's scrollable-region-focusable).
 */
renderer.renderer.rules.table_open = (tokens, index) => {
  const label = renderer.utils.escapeHtml(String((tokens[index].meta as { label?: string } | null)?.label ?? ''));
  return `<div class="table-scroll" role="region" aria-label="${label}" tabindex="0"><table>\n`;
};
renderer.renderer.rules.table_close = () => '</table></div>\n';

/** "Tabla: Elemento, Descripción": the given word and the text of the header cells. */
function tableLabelAt(tokens: Token[], start: number, word: string | undefined): string {
  const headers: string[] = [];
  for (let index = start + 1; index < tokens.length && tokens[index].type !== 'thead_close' && tokens[index].type !== 'table_close'; index += 1) {
    const token = tokens[index];
    if (token.type === 'inline') headers.push((token.children ?? []).filter((child) => child.type === 'text' || child.type === 'code_inline').map((child) => child.content).join('').trim());
  }
  const cells = headers.filter(Boolean).join(', ');
  const prefix = word?.trim() || 'Tabla';
  return cells ? `${prefix}: ${cells}` : prefix;
}

/** Applies the link policy and heading shift to the parsed tokens before they become HTML. */
function rewriteTokens(tokens: Token[], state: StateCore, options: RenderOptions): void {
  for (const [index, token] of tokens.entries()) {
    if (token.type === 'table_open') token.meta = { label: tableLabelAt(tokens, index, options.tableLabel) };
    if ((token.type === 'heading_open' || token.type === 'heading_close') && token.tag === 'h1') token.tag = 'h2';
    if (token.type === 'inline' && token.children) token.children = rewriteInline(token.children, state, options);
  }
}

function rewriteInline(children: Token[], state: StateCore, options: RenderOptions): Token[] {
  const result: Token[] = [];
  let droppingLink = false;
  for (const token of children) {
    if (token.type === 'link_open') {
      const href = allowedAddress(String(token.attrGet('href') ?? ''), options, false);
      droppingLink = href === null;
      if (href !== null) {
        token.attrSet('href', href);
        result.push(token);
      }
    } else if (token.type === 'link_close') {
      if (!droppingLink) result.push(token);
      droppingLink = false;
    } else if (token.type === 'image') {
      const src = allowedAddress(String(token.attrGet('src') ?? ''), options, true);
      if (src !== null) {
        token.attrSet('src', src);
        result.push(token);
      } else {
        // A refused image keeps its description as text, so the reader still gets the content.
        const text = new state.Token('text', '', 0);
        text.content = token.content;
        result.push(text);
      }
    } else {
      result.push(token);
    }
  }
  return result;
}

function allowedAddress(href: string, options: RenderOptions, isImage: boolean): string | null {
  const kind = classifyHref(href);
  if (kind.kind === 'external') return isImage && kind.scheme === 'mailto' ? null : href;
  if (kind.kind !== 'relative') return null;
  const resolved = options.resolveLink(href);
  return resolved !== null && isSafeResolvedUrl(resolved) ? resolved : null;
}

const TEXT_ALIGN = { 'text-align': [/^(left|right|center)$/] };

/**
 * Second line of defence: even if the rules above had a gap, only these tags,
 * attributes and schemes reach the page.
 */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'strong', 'em', 's', 'code', 'pre', 'blockquote'].concat(
    ['table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'img', 'hr', 'br', 'div'],
  ),
  // div only ever comes from the table rule above (authors cannot write HTML); its attributes are fixed below.
  allowedAttributes: { div: ['class', 'role', 'aria-label', 'tabindex'], a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title'], ol: ['start'], th: ['style'], td: ['style'] },
  allowedStyles: { th: TEXT_ALIGN, td: TEXT_ALIGN },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    div: (tagName, attribs) => ({ tagName, attribs: { class: 'table-scroll', role: 'region', 'aria-label': attribs['aria-label'] ?? '', tabindex: '0' } }),
    a: (tagName, attribs) => {
      const { rel: _ignored, ...rest } = attribs;
      // Pages on other sites must not get a handle on our window or learn which course linked them.
      const external = /^https?:/i.test(rest.href ?? '');
      return { tagName, attribs: external ? { ...rest, rel: 'noopener noreferrer' } : rest };
    },
  },
};

function render(markdown: string, options: RenderOptions, inline: boolean): string {
  const env = {};
  const state = new renderer.core.State(markdown, renderer, env);
  state.inlineMode = inline;
  renderer.core.process(state);
  rewriteTokens(state.tokens, state, options);
  const tokens = inline ? (state.tokens[0]?.children ?? []) : state.tokens;
  const html = inline ? renderer.renderer.renderInline(tokens, renderer.options, env) : renderer.renderer.render(tokens, renderer.options, env);
  return sanitizeHtml(html, SANITIZE_OPTIONS).trim();
}

/** Lesson, question text, explanation: block Markdown to safe HTML. `#` headings become h2. */
export function renderMarkdown(markdown: string, options: RenderOptions): string {
  return render(markdown, options, false);
}

/** One line of Markdown (an option, a feedback line) without the surrounding <p>. */
export function renderInlineMarkdown(markdown: string, options: RenderOptions): string {
  return render(markdown, options, true);
}
