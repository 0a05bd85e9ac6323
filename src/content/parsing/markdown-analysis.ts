import MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;

export interface MarkdownReference {
  kind: 'link' | 'image';
  /** As markdown-it read it: entities decoded, then percent-encoded. */
  href: string;
  /** Image description; '' for links. */
  altText: string;
  line: number;
}

export interface MarkdownFindings {
  references: MarkdownReference[];
  rawHtml: { line: number; html: string }[];
  /** Lines of "# Heading" (or "Heading\n===") headings. */
  levelOneHeadings: number[];
}

/**
 * Reads Markdown the way the renderer does, but with HTML recognised so we can
 * warn about it, and every link kept so we can check it. Used only to find
 * problems and their lines; the HTML shown to learners comes from the renderer.
 */
function createAnalyser(): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  md.linkify.add('ftp:', null).add('//', null); // same as the renderer
  md.validateLink = () => true;
  return md;
}

const analyser = createAnalyser();

/**
 * `lines` are the file's lines, with the regions that must not be read
 * (front matter) replaced by empty lines, so token line maps are file lines.
 */
export function analyseMarkdown(lines: readonly string[]): MarkdownFindings {
  const findings: MarkdownFindings = { references: [], rawHtml: [], levelOneHeadings: [] };
  const tokens = analyser.parse(lines.join('\n'), {});
  // Table cells carry no line map of their own: they take the one of their row (the last block seen).
  let blockMap: [number, number] = [0, 1];
  for (const token of tokens) {
    if (token.map) blockMap = token.map;
    const firstLine = blockMap[0] + 1;
    if (token.type === 'heading_open' && token.tag === 'h1') findings.levelOneHeadings.push(firstLine);
    if (token.type === 'html_block') findings.rawHtml.push({ line: firstLine, html: token.content.trim().split('\n')[0] });
    if (token.type === 'inline' && token.children) {
      const before = findings.references.length;
      collectInline(token.children, firstLine, findings);
      for (const reference of findings.references.slice(before)) reference.line = confirmLine(reference, lines, blockMap[1]);
    }
  }
  return findings;
}

/**
 * Counting line breaks can fall one line short (see collectInline); when the
 * counted line does not show the address but a later line of the same block
 * does, that later line is the one the author has to fix.
 */
function confirmLine(reference: MarkdownReference, lines: readonly string[], blockEnd: number): number {
  const written = [reference.href, safeDecode(reference.href)];
  const shows = (line: number) => written.some((text) => text !== '' && (lines[line - 1] ?? '').includes(text));
  if (shows(reference.line)) return reference.line;
  for (let line = reference.line + 1; line <= blockEnd; line += 1) if (shows(line)) return line;
  return reference.line;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Line breaks inside a paragraph are softbreak/hardbreak tokens: counting them
 * gives each link its own line. (A code span that itself spans two lines loses
 * its line ending in markdown-it, so later links in that paragraph may be one
 * line early; rare enough to accept.)
 */
function collectInline(children: readonly Token[], firstLine: number, findings: MarkdownFindings): void {
  let line = firstLine;
  for (const child of children) {
    if (child.type === 'softbreak' || child.type === 'hardbreak') line += 1;
    else if (child.type === 'html_inline') findings.rawHtml.push({ line, html: child.content });
    else if (child.type === 'link_open') {
      findings.references.push({ kind: 'link', href: String(child.attrGet('href') ?? ''), altText: '', line });
    } else if (child.type === 'image') {
      findings.references.push({ kind: 'image', href: String(child.attrGet('src') ?? ''), altText: child.content.trim(), line });
      // An image description can itself span lines.
      line += child.children?.filter((grandChild) => grandChild.type === 'softbreak' || grandChild.type === 'hardbreak').length ?? 0;
    }
    if (child.type === 'html_inline') line += child.content.split('\n').length - 1;
  }
}
