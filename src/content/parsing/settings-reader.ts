import { type FrontMatter, findKeyLine } from './front-matter';
import type { ProblemCode } from './problem-catalogue';
import type { ProblemReport } from './problems';

interface NumberRule {
  required?: boolean;
  min: number;
  /** true when min itself is not allowed (hours must be > 0). */
  minExclusive?: boolean;
  max?: number;
  integer?: boolean;
}

/**
 * Typed access to front-matter settings. Each getter returns undefined and
 * reports a problem (with the key's own line) when the value is unusable, so
 * callers can fall back to defaults and keep checking the rest of the file.
 */
export class SettingsReader {
  constructor(
    private readonly frontMatter: FrontMatter,
    private readonly report: ProblemReport,
  ) {}

  lineOf(path: readonly string[]): number {
    return findKeyLine(this.frontMatter, path);
  }

  /** Reports a problem on the line of `path`. */
  addAt(path: readonly string[], code: ProblemCode, params: Record<string, string | number> = {}): void {
    this.report.add(this.lineOf(path), code, params);
  }

  has(path: readonly string[]): boolean {
    const value = this.value(path);
    return value !== undefined && value !== null;
  }

  value(path: readonly string[]): unknown {
    let current: unknown = this.frontMatter.data;
    for (const key of path) {
      if (!isMapping(current) || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
      current = current[key];
    }
    return current;
  }

  rejectUnknownKeys(path: readonly string[], allowed: readonly string[]): void {
    const mapping = path.length === 0 ? this.frontMatter.data : this.value(path);
    if (!isMapping(mapping)) return;
    for (const key of Object.keys(mapping)) {
      if (allowed.includes(key)) continue;
      const suggestion = closestKey(key, allowed);
      this.report.add(this.lineOf([...path, key]), 'front-matter.unknown-key', {
        key: [...path, key].join('.'),
        suggestion: suggestion ?? '',
        allowed: allowed.join(', '),
      });
    }
  }

  mapping(path: readonly string[], required = false): Record<string, unknown> | undefined {
    const value = this.present(path, required);
    if (value === undefined) return undefined;
    if (isMapping(value)) return value;
    this.wrongType(path, 'a group of settings, one "key: value" per indented line', value);
    return undefined;
  }

  text(path: readonly string[], required = false): string | undefined {
    const value = this.present(path, required);
    if (value === undefined) return undefined;
    // A title like "2030" is read by YAML as a number; it is still a fine title.
    if (typeof value === 'number') return String(value);
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'string') {
      if (required) this.report.add(this.lineOf(path), 'front-matter.missing-key', { key: path.join('.') });
      return undefined;
    }
    this.wrongType(path, 'text', value);
    return undefined;
  }

  boolean(path: readonly string[], required = false): boolean | undefined {
    const value = this.present(path, required);
    if (value === undefined) return undefined;
    if (typeof value === 'boolean') return value;
    this.wrongType(path, 'true or false', value);
    return undefined;
  }

  number(path: readonly string[], rule: NumberRule): number | undefined {
    const value = this.present(path, rule.required ?? false);
    if (value === undefined) return undefined;
    const isWhole = typeof value === 'number' && Number.isInteger(value);
    if (typeof value !== 'number' || !Number.isFinite(value) || (rule.integer && !isWhole)) {
      this.wrongType(path, rule.integer ? 'a whole number' : 'a number', value);
      return undefined;
    }
    const tooLow = rule.minExclusive ? value <= rule.min : value < rule.min;
    const tooHigh = rule.max !== undefined && value > rule.max;
    if (tooLow || tooHigh) {
      this.report.add(this.lineOf(path), 'front-matter.out-of-range', {
        key: path.join('.'),
        value,
        range: describeRange(rule),
        min: rule.min,
        ...(rule.max === undefined ? {} : { max: rule.max }),
      });
      return undefined;
    }
    return value;
  }

  choice<T extends string>(path: readonly string[], allowed: readonly T[], required = false): T | undefined {
    const value = this.present(path, required);
    if (value === undefined) return undefined;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      this.report.add(this.lineOf(path), 'front-matter.bad-value', { key: path.join('.'), value: String(value), allowed: allowed.join(', ') });
    } else {
      this.wrongType(path, `one of ${allowed.join(', ')}`, value);
    }
    return undefined;
  }

  /** The value when present; reports a missing required key. YAML "key:" with nothing after it counts as missing. */
  private present(path: readonly string[], required: boolean): unknown {
    const value = this.value(path);
    if (value !== undefined && value !== null) return value;
    if (required) this.report.add(this.lineOf(path), 'front-matter.missing-key', { key: path.join('.') });
    return undefined;
  }

  wrongType(path: readonly string[], expected: string, value: unknown): void {
    this.report.add(this.lineOf(path), 'front-matter.wrong-type', { key: path.join('.'), expected, actual: describeValue(value) });
  }
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function describeRange(rule: NumberRule): string {
  const low = rule.minExclusive ? `more than ${rule.min}` : `at least ${rule.min}`;
  if (rule.max === undefined) return low;
  return rule.minExclusive ? `${low} and at most ${rule.max}` : `between ${rule.min} and ${rule.max}`;
}

export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 39)}…` : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return 'a group of settings';
}

/** "passmark", "pass-mark" or "passMark" -> "pass_mark": the spelling slips we expect. */
function closestKey(key: string, allowed: readonly string[]): string | undefined {
  const normalise = (text: string) => text.toLowerCase().replace(/[-_\s]/g, '');
  const exactish = allowed.find((candidate) => normalise(candidate) === normalise(key));
  if (exactish) return exactish;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of allowed) {
    const distance = editDistance(key.toLowerCase(), candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
