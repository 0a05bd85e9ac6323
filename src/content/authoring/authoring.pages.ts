import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { FormPage, FormPageModel } from '../../common/error-pages';
import { DomainError, FormError } from '../../common/errors';
import { requestLanguage } from '../../common/lang.decorator';
import { routeParam } from '../../common/route-params';
import { translator } from '../../i18n/i18n';
import type { User } from '../../users/user.entity';
import type { Course } from '../entities/course.entity';
import { ContentRejectedError } from './authoring.errors';
import { AuthoringService } from './authoring.service';
import { CourseEditorsService } from './course-editors.service';
import { courseTitle } from '../course-title';
import { problemList } from './problem-view';

/** The form field of each language's text in the new-module form (the DTO lists the platform's languages). */
export const TEXT_FIELDS: Record<string, 'textEs' | 'textEn'> = { es: 'textEs', en: 'textEn' };

export const fileHref = (slug: string, file: string) => `/authoring/courses/${encodeURIComponent(slug)}/files/${encodeURIComponent(file)}`;

/** A text field of the posted form (the page is also shown for a form the ValidationPipe refused). */
function posted(request: Request, field: string): string {
  const value = (request.body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value : '';
}

function route(request: Request) {
  return { user: request.user as User, slug: routeParam(request, 'slug'), lang: requestLanguage(request) };
}

/** Field messages only for a form error: a rejected content change lists its problems instead. */
function fieldErrors(error: DomainError) {
  return error instanceof FormError ? error.errors : undefined;
}

export function editorLocals(course: Pick<Course, 'slug' | 'title' | 'languages'>, file: string, lang: string) {
  const title = courseTitle(course, lang);
  return { pageTitle: `${file} · ${title}`, title, slug: course.slug, file, action: fileHref(course.slug, file) };
}

export function newModuleLocals(course: Course, lang: string, key: string, texts: Record<string, string>) {
  const title = courseTitle(course, lang);
  return {
    pageTitle: `${translator(lang)('content.newModule.title')} · ${title}`,
    title,
    slug: course.slug,
    key,
    languages: course.languages.map((language) => ({ language, field: TEXT_FIELDS[language], text: texts[language] ?? '' })),
  };
}

export function textsFrom(body: Partial<Record<'textEs' | 'textEn', string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(TEXT_FIELDS).map(([language, field]) => [language, body[field] ?? '']));
}

/** The file editor after a refused save: the author's text kept, with the problems, the form messages or the "changed meanwhile" notice. */
@Injectable()
export class EditFilePage implements FormPage {
  constructor(private readonly authoring: AuthoringService) {}

  async model(request: Request, error: DomainError): Promise<FormPageModel> {
    const { user, slug, lang } = route(request);
    const opened = await this.authoring.openFile(user, slug, routeParam(request, 'file'));
    const text = posted(request, 'text');
    return {
      locals: {
        ...editorLocals(opened.course, opened.file.file, lang),
        fileKind: opened.file.kind,
        text,
        baseHash: posted(request, 'baseHash'),
        stale: error.kind === 'conflict',
        saving: true,
        problems: error instanceof ContentRejectedError ? problemList(error.problems, slug, { [opened.file.file]: text }) : undefined,
        errors: fieldErrors(error),
      },
    };
  }
}

/** The new-module form after a refused preview or save: both texts kept, with the problems found. */
@Injectable()
export class NewModulePage implements FormPage {
  constructor(private readonly authoring: AuthoringService) {}

  async model(request: Request, error: DomainError): Promise<FormPageModel> {
    const { user, slug, lang } = route(request);
    const { course } = await this.authoring.newModuleDraft(user, slug);
    const key = posted(request, 'key');
    const texts = textsFrom({ textEs: posted(request, 'textEs'), textEn: posted(request, 'textEn') });
    const files = Object.fromEntries(course.languages.map((language) => [`${key}.${language}.md`, texts[language] ?? '']));
    return {
      locals: {
        ...newModuleLocals(course, lang, key, texts),
        saving: posted(request, 'intent') === 'save',
        problems: error instanceof ContentRejectedError ? problemList(error.problems, slug, files) : undefined,
        errors: fieldErrors(error),
      },
    };
  }
}

/** A course's editors and the form that adds one. */
@Injectable()
export class CourseEditorsPage implements FormPage {
  constructor(private readonly editors: CourseEditorsService) {}

  async model(request: Request): Promise<FormPageModel> {
    return { locals: await this.locals(routeParam(request, 'slug'), requestLanguage(request)) };
  }

  async locals(slug: string, lang: string) {
    const { course, editors } = await this.editors.list(slug);
    const title = courseTitle(course, lang);
    return { pageTitle: `${translator(lang)('content.editors.title')} · ${title}`, title, slug: course.slug, editors };
  }
}

/** Where an upload goes back to: the course's page, or the authoring start page for a new course. */
export function uploadBackTo(request: Request): string {
  const slug = routeParam(request, 'slug');
  return slug ? `/authoring/courses/${encodeURIComponent(slug)}` : '/authoring';
}

/** An uploaded course with errors: the list of problems (paths are "<slug>/<file>"); nothing was imported. */
@Injectable()
export class UploadResultPage implements FormPage {
  model(request: Request, error: DomainError): FormPageModel {
    return {
      locals: {
        pageTitle: translator(requestLanguage(request))('content.upload.rejectedTitle'),
        back: uploadBackTo(request),
        problems: error instanceof ContentRejectedError ? problemList(error.problems, '', {}) : [],
      },
    };
  }
}
