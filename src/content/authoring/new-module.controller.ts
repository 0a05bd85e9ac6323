import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Roles } from '../../common/access.decorators';
import { CurrentUser } from '../../common/current-user.decorator';
import { FormError } from '../../common/errors';
import { flash } from '../../common/flash';
import { translator } from '../../i18n/i18n';
import type { User } from '../../users/user.entity';
import type { Course } from '../entities/course.entity';
import { ContentRejectedError } from './authoring.errors';
import { AuthoringService } from './authoring.service';
import { courseTitle } from './course-title';
import { NewModuleDto } from './dto/new-module.dto';
import { problemList } from './problem-view';

/** The form field of each language's text (the DTO lists the platform's languages). */
const TEXT_FIELDS: Record<string, 'textEs' | 'textEn'> = { es: 'textEs', en: 'textEn' };

function textsFrom(body: NewModuleDto): Record<string, string> {
  return Object.fromEntries(Object.entries(TEXT_FIELDS).map(([language, field]) => [language, body[field] ?? '']));
}

/** Adding a module: both language files at once, checked with the rest of the course before anything is saved. */
@Controller('authoring/courses/:slug/modules/new')
@Roles('facilitator')
export class NewModuleController {
  constructor(private readonly authoring: AuthoringService) {}

  @Get()
  async form(@Param('slug') slug: string, @CurrentUser() user: User, @Req() request: Request, @Res() response: Response): Promise<void> {
    const draft = await this.authoring.newModuleDraft(user, slug);
    response.render('authoring/new-module', this.model(draft.course, request, draft.key, draft.texts));
  }

  @Post()
  async submit(@Param('slug') slug: string, @Body() body: NewModuleDto, @CurrentUser() user: User, @Req() request: Request, @Res() response: Response): Promise<void> {
    const texts = textsFrom(body);
    try {
      if (body.intent === 'preview') {
        const checked = await this.authoring.checkNewModule(user, slug, body.key, texts);
        response.status(200).render('authoring/new-module', { ...this.model(checked.course, request, body.key, texts), problems: checked.problems, preview: checked.preview });
        return;
      }
      await this.authoring.saveNewModule(user, slug, body.key, texts);
      flash(request, 'success', 'content.newModule.saved', { key: body.key });
      response.redirect(303, `/authoring/courses/${encodeURIComponent(slug)}`);
    } catch (error) {
      if (!(error instanceof ContentRejectedError || error instanceof FormError)) throw error;
      const { course } = await this.authoring.newModuleDraft(user, slug);
      const files = Object.fromEntries(course.languages.map((language) => [`${body.key}.${language}.md`, texts[language] ?? '']));
      response.status(422).render('authoring/new-module', {
        ...this.model(course, request, body.key, texts),
        saving: body.intent === 'save',
        problems: error instanceof ContentRejectedError ? problemList(error.problems, slug, files) : undefined,
        errors: error instanceof FormError ? error.errors : undefined,
      });
    }
  }

  private model(course: Course, request: Request, key: string, texts: Record<string, string>) {
    const title = courseTitle(course, request.lang ?? 'es');
    return {
      pageTitle: `${translator(request.lang ?? 'es')('content.newModule.title')} · ${title}`,
      title,
      slug: course.slug,
      key,
      languages: course.languages.map((language) => ({ language, field: TEXT_FIELDS[language], text: texts[language] ?? '' })),
    };
  }
}
