import type { ProblemReport } from './problems';

export interface QuizBlock {
  /** 0-based index of the "::: quiz" line. */
  openIndex: number;
  /** 0-based index of the closing ":::" line; null when the block is never closed (runs to the end). */
  closeIndex: number | null;
}

const BLOCK_MARKER = /^:::\s*(.*?)\s*$/;

/**
 * Tracks ``` and ~~~ fences so a "::: quiz" shown inside a code example is
 * not taken for a real quiz.
 */
export class FenceTracker {
  private openFence: string | null = null;

  /** true when `line` is inside a fenced code block (the fence lines included). */
  isCode(line: string): boolean {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (this.openFence === null) {
      if (fence) this.openFence = fence;
      return fence !== undefined;
    }
    if (fence && fence[0] === this.openFence[0] && fence.length >= this.openFence.length && line.trim() === fence) {
      this.openFence = null;
    }
    return true;
  }
}

/**
 * Finds the ::: quiz blocks of a body that starts at `fromIndex`. Only one is
 * allowed; the others are still returned so their questions get checked too.
 */
export function findQuizBlocks(lines: readonly string[], fromIndex: number, report: ProblemReport): QuizBlock[] {
  const blocks: QuizBlock[] = [];
  const fences = new FenceTracker();
  let open: QuizBlock | null = null;
  for (let index = fromIndex; index < lines.length; index += 1) {
    if (fences.isCode(lines[index])) continue;
    const marker = BLOCK_MARKER.exec(lines[index]);
    if (!marker) continue;
    const word = marker[1];
    if (word === '') {
      if (open) open.closeIndex = index;
      else report.add(index + 1, 'quiz.stray-close');
      open = null;
    } else if (word.toLowerCase() === 'quiz') {
      if (open) {
        report.add(open.openIndex + 1, 'quiz.unclosed');
        open.closeIndex = index; // the unclosed block cannot reach into the next one
      }
      if (blocks.length > 0) report.add(index + 1, 'quiz.multiple-blocks', { firstLine: blocks[0].openIndex + 1 });
      open = { openIndex: index, closeIndex: null };
      blocks.push(open);
    } else {
      report.add(index + 1, 'quiz.unknown-block', { marker: `::: ${word}` });
    }
  }
  if (open) report.add(open.openIndex + 1, 'quiz.unclosed');
  return blocks;
}

/** Index one past the last line of the block's content. */
export function blockEnd(block: QuizBlock, lineCount: number): number {
  return block.closeIndex ?? lineCount;
}
