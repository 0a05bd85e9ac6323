import { createHash } from 'node:crypto';

/** Lines of a file as an author sees them: BOM removed, Windows and old Mac line endings unified. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
}

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** null when the bytes are not valid UTF-8 (a file saved as Latin-1 would otherwise show "�"). */
export function decodeUtf8(content: string | Buffer): string | null {
  if (typeof content === 'string') return content;
  try {
    return strictUtf8.decode(content);
  } catch {
    return null;
  }
}

/** Words a reader reads: runs of letters or digits, so Markdown punctuation is not counted. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/** Short excerpt for messages, so one problem line stays readable. */
export function excerpt(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
