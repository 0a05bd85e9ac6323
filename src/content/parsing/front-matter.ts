import matter from 'gray-matter';
import type { ProblemReport } from './problems';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** The YAML lines without the --- delimiters: yamlLines[i] is file line i + 2. */
  yamlLines: string[];
  /** 1-based line of the closing ---. */
  closingLine: number;
}

export interface FrontMatterSplit {
  /** null when missing, unclosed, not YAML or not a mapping (already reported). */
  frontMatter: FrontMatter | null;
  /** 0-based index of the first body line; lines.length when there is no usable body. */
  bodyStartIndex: number;
  /** false when the body cannot be told apart from the settings (unclosed front matter). */
  bodyIsKnown: boolean;
}

const DELIMITER = /^---\s*$/;

/**
 * Splits "---\nyaml\n---\nbody" ourselves instead of letting gray-matter do it,
 * so every line number we report is the author's line number.
 */
export function readFrontMatter(lines: readonly string[], report: ProblemReport): FrontMatterSplit {
  if (!DELIMITER.test(lines[0] ?? '')) {
    report.add(1, 'front-matter.missing');
    return { frontMatter: null, bodyStartIndex: 0, bodyIsKnown: true };
  }
  const closingIndex = lines.findIndex((line, index) => index > 0 && DELIMITER.test(line));
  if (closingIndex < 0) {
    report.add(1, 'front-matter.unclosed');
    return { frontMatter: null, bodyStartIndex: lines.length, bodyIsKnown: false };
  }
  const yamlLines = lines.slice(1, closingIndex);
  const split = { bodyStartIndex: closingIndex + 1, bodyIsKnown: true };
  const data = parseYaml(yamlLines, closingIndex + 1, report);
  if (data === undefined) return { frontMatter: null, ...split };
  return { frontMatter: { data, yamlLines, closingLine: closingIndex + 1 }, ...split };
}

function parseYaml(yamlLines: string[], closingLine: number, report: ProblemReport): Record<string, unknown> | undefined {
  let data: unknown;
  try {
    // Options object on purpose: without it gray-matter caches results by text and hands out shared objects.
    data = matter(`---\n${yamlLines.join('\n')}\n---\n`, {}).data;
  } catch (error) {
    if (!isYamlError(error)) throw error;
    // The text we gave starts with "---\n", so YAML line n (0-based) is file line n + 1.
    const line = Math.min(error.mark.line + 1, closingLine);
    // The parser often notices a slip one line late, so look at the line before too.
    const hint = yamlHint(yamlLines[line - 2] ?? '', yamlLines[line - 3] ?? '');
    const reasonKey = yamlReasonKey(error.reason);
    // The plain explanation of the reason may already say what the hint would.
    const hintKey = hint && hint.key !== reasonKey ? hint.key : 'none';
    report.add(line, 'front-matter.bad-yaml', { reason: error.reason, reasonKey, hint: hint?.text ?? '', hintKey });
    return undefined;
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data) || data instanceof Date) {
    report.add(2, 'front-matter.not-a-mapping');
    return undefined;
  }
  return data as Record<string, unknown>; // checked just above: a plain YAML mapping
}

interface YamlError {
  reason: string;
  mark: { line: number };
}

function isYamlError(error: unknown): error is YamlError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; reason?: unknown; mark?: { line?: unknown } };
  return candidate.name === 'YAMLException' && typeof candidate.reason === 'string' && typeof candidate.mark?.line === 'number';
}

/** The two mistakes authors make most, named in their words rather than the YAML parser's. */
function yamlHint(line: string, previousLine: string): { key: 'tabs' | 'colon'; text: string } | null {
  if (/^\s*\t/.test(line) || /^\s*\t/.test(previousLine)) return { key: 'tabs', text: 'indent with spaces, not tabs' };
  if (/^\s*[\w-]+:\s+[^"'\s[{|>].*:\s/.test(line)) return { key: 'colon', text: 'put a value that contains ": " in quotes' };
  return null;
}

/**
 * The YAML parser's reasons, by what they mean to an author; the guide and
 * the translations (content.yaml.reasons.<key>) explain each in plain words.
 * Anything else is "other" and shown as the parser wrote it.
 */
const YAML_REASONS: [RegExp, string][] = [
  [/^bad indentation/, 'indentation'],
  [/tab characters must not be used|tab characters/, 'tabs'],
  [/^duplicated mapping key/, 'duplicate-key'],
  [/within a (?:double|single) quoted scalar/, 'unclosed-quote'],
  [/within a flow collection|missed comma between flow collection entries/, 'unclosed-list'],
  [/a colon is missed|incomplete explicit mapping pair|multiline key may not be an implicit key/, 'colon'],
  [/end of the stream or a document separator is expected/, 'stray-text'],
  [/unknown escape sequence|expected valid JSON character/, 'escape'],
];

export function yamlReasonKey(reason: string): string {
  return YAML_REASONS.find(([pattern]) => pattern.test(reason))?.[1] ?? 'other';
}

/**
 * Line of a (possibly nested) key, found by indentation, so "quiz.max_attempts"
 * points at the line an author has to fix. Falls back to the nearest parent
 * found, then to line 1.
 */
export function findKeyLine(frontMatter: FrontMatter | null, path: readonly string[]): number {
  if (!frontMatter) return 1;
  let line = 1;
  let searchFrom = 0;
  let parentIndent = -1;
  for (const key of path) {
    const found = findKeyBelow(frontMatter.yamlLines, key, searchFrom, parentIndent);
    if (!found) return line;
    line = found.index + 2;
    searchFrom = found.index + 1;
    parentIndent = found.indent;
  }
  return line;
}

function findKeyBelow(lines: readonly string[], key: string, from: number, parentIndent: number): { index: number; indent: number } | null {
  const keyPattern = new RegExp(`^\\s*["']?${escapeRegExp(key)}["']?\\s*:`);
  let childIndent: number | undefined;
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index];
    if (/^\s*(#.*)?$/.test(line)) continue;
    const indent = line.length - line.trimStart().length;
    if (indent <= parentIndent) return null; // left the parent mapping
    childIndent ??= indent; // direct children share the first child's indentation
    if (indent === childIndent && keyPattern.test(line)) return { index, indent };
  }
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
