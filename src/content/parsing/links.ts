import { classifyHref } from '../rendering/markdown-renderer';
import { MEDIA_FOLDER, TOOLS_FOLDER } from './file-names';
import type { MarkdownReference } from './markdown-analysis';
import type { ProblemReport } from './problems';

/** What exists in the course, so links can be checked; absent when checking one file on its own. */
export interface CourseLinkTargets {
  moduleKeys: ReadonlySet<string>;
  /** Paths relative to the course folder, e.g. "media/ruta.png". */
  mediaFiles: ReadonlySet<string>;
  /** Keys of the course's printable tools ("indicadores" for tools/indicadores.es.md); absent means not checked. */
  toolKeys?: ReadonlySet<string>;
}

export type RelativeTarget =
  | { kind: 'module'; key: string; withLanguage: boolean }
  | { kind: 'media'; path: string }
  | { kind: 'tool'; key: string; withLanguage: boolean }
  | { kind: 'other' };

const MODULE_LINK = /^(\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*)(\.[a-z]{2})?\.md$/;
const TOOL_LINK = new RegExp(`^${TOOLS_FOLDER}/([a-z0-9]+(?:-[a-z0-9]+)*)(\\.[a-z]{2})?\\.md$`);

/** Reads a relative address as an author means it: "./02-x.md#part" is module 02-x, "media/a%20b.png" is media/a b.png. */
export function interpretRelativeHref(href: string): RelativeTarget {
  const withoutFragment = safeDecode(href.split('#')[0]);
  const path = withoutFragment.replace(/^(\.\/)+/, '');
  if (path.includes('?') || path.includes('\\')) return { kind: 'other' };
  const module = MODULE_LINK.exec(path);
  if (module) return { kind: 'module', key: module[1], withLanguage: module[2] !== undefined };
  const tool = TOOL_LINK.exec(path);
  if (tool) return { kind: 'tool', key: tool[1], withLanguage: tool[2] !== undefined };
  const segments = path.split('/');
  const isInsideMedia = segments[0] === MEDIA_FOLDER && segments.length > 1 && segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..');
  return isInsideMedia ? { kind: 'media', path } : { kind: 'other' };
}

/**
 * The resolver the renderer needs: module links become
 * /courses/<slug>/modules/<key>, tool links /courses/<slug>/tools/<key>,
 * media links /courses/<slug>/media/<file>.
 * With `targets`, links to things that do not exist resolve to null.
 */
export function createCourseLinkResolver(slug: string, targets?: CourseLinkTargets): (href: string) => string | null {
  const coursePath = `/courses/${encodeURIComponent(slug)}`;
  return (href) => {
    const target = interpretRelativeHref(href);
    if (target.kind === 'module') {
      if (targets && !targets.moduleKeys.has(target.key)) return null;
      return `${coursePath}/modules/${target.key}`;
    }
    if (target.kind === 'tool') {
      if (targets?.toolKeys && !targets.toolKeys.has(target.key)) return null;
      return `${coursePath}/tools/${target.key}`;
    }
    if (target.kind === 'media') {
      if (targets && !targets.mediaFiles.has(target.path)) return null;
      return `${coursePath}/${target.path.split('/').map(encodeURIComponent).join('/')}`;
    }
    return null;
  };
}

/**
 * Reports links and images that the renderer would refuse or that point to
 * nothing, and returns the media files that are used (to find unused ones).
 */
export function checkReferences(references: readonly MarkdownReference[], targets: CourseLinkTargets | undefined, report: ProblemReport): string[] {
  const usedMedia: string[] = [];
  for (const reference of references) {
    const shown = safeDecode(reference.href);
    const classified = classifyHref(reference.href);
    const isImage = reference.kind === 'image';
    if (isImage && reference.altText === '') report.add(reference.line, 'image.missing-alt', { src: shown });
    if (classified.kind === 'empty') {
      report.add(reference.line, 'link.empty');
    } else if (classified.kind === 'disallowed') {
      if (classified.scheme === '//') report.add(reference.line, isImage ? 'image.not-media' : 'link.not-allowed', isImage ? { src: shown } : { href: shown });
      else report.add(reference.line, 'link.disallowed-scheme', { href: shown, scheme: classified.scheme });
    } else if (classified.kind === 'external') {
      if (isImage && classified.scheme === 'mailto') report.add(reference.line, 'image.not-media', { src: shown });
      else if (isImage) report.add(reference.line, 'image.external', { src: shown });
    } else {
      const media = checkRelative(reference, shown, targets, report);
      if (media) usedMedia.push(media);
    }
  }
  return usedMedia;
}

/** Returns the media path when the reference points to an existing (or, without targets, any) media file. */
function checkRelative(reference: MarkdownReference, shown: string, targets: CourseLinkTargets | undefined, report: ProblemReport): string | null {
  const target = interpretRelativeHref(reference.href);
  const isImage = reference.kind === 'image';
  if (target.kind === 'other' || (isImage && (target.kind === 'module' || target.kind === 'tool'))) {
    if (isImage) report.add(reference.line, 'image.not-media', { src: shown });
    else report.add(reference.line, 'link.not-allowed', { href: shown });
    return null;
  }
  if (target.kind === 'module') {
    if (target.withLanguage) report.add(reference.line, 'link.module-with-language', { href: shown, suggested: `${target.key}.md` });
    if (targets && !targets.moduleKeys.has(target.key)) report.add(reference.line, 'link.missing-module', { href: shown, key: target.key });
    return null;
  }
  if (target.kind === 'tool') {
    if (target.withLanguage) report.add(reference.line, 'link.tool-with-language', { href: shown, suggested: `${TOOLS_FOLDER}/${target.key}.md` });
    if (targets?.toolKeys && !targets.toolKeys.has(target.key)) report.add(reference.line, 'link.missing-tool', { href: shown, key: target.key });
    return null;
  }
  if (targets && !targets.mediaFiles.has(target.path)) {
    report.add(reference.line, 'link.missing-media', { href: shown, path: target.path });
    return null;
  }
  return target.path;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
