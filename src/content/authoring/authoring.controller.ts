import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Roles } from '../../common/access.decorators';
import { CurrentUser } from '../../common/current-user.decorator';
import { FormError } from '../../common/errors';
import { flash } from '../../common/flash';
import { pageLinks } from '../../common/pagination';
import { translator } from '../../i18n/i18n';
import type { User } from '../../users/user.entity';
import { ContentRejectedError, StaleEditError } from './authoring.errors';
import { AuthoringService } from './authoring.service';
import { AuthoringAccessService } from './authoring-access.service';
import { CourseOverviewService } from './course-overview.service';
import { courseTitle } from './course-title';
import { EditFileDto } from './dto/edit-file.dto';
import { HistoryQuery } from './dto/history.query';
import { problemList } from './problem-view';

const fileHref = (slug: string, file: string) => `/authoring/courses/${encodeURIComponent(slug)}/files/${encodeURIComponent(file)}`;

/** Facilitators' authoring pages: their courses, a course's files and history, and the file editor. */
@Controller('authoring')
@Roles('facilitator')
export class AuthoringController {
  constructor(
    private readonly access: AuthoringAccessService,
    private readonly overview: CourseOverviewService,
    private readonly authoring: AuthoringService,
  ) {}

  @Get()
  @Render('authoring/index')
  async index(@CurrentUser() user: User, @Req() request: Request) {
    const courses = await this.access.editableCourses(user);
    return {
      pageTitle: translator(request.lang ?? 'es')('content.authoring.title'),
      courses: courses.map((course) => ({ slug: course.slug, title: courseTitle(course, request.lang ?? 'es'), languages: course.languages.join(', '), updatedAt: course.updatedAt })),
      mayCreate: this.access.mayCreateCourses(user),
    };
  }

  @Get('courses/:slug')
  @Render('authoring/course')
  async course(@Param('slug') slug: string, @Query() query: HistoryQuery, @CurrentUser() user: User, @Req() request: Request) {
    const model = await this.overview.overview(user, slug, query.page ?? 1);
    const title = courseTitle(model.course, request.lang ?? 'es');
    const links = pageLinks(`/authoring/courses/${encodeURIComponent(slug)}`, {}, model.history.page, model.history.pageCount);
    return { ...model, ...links, pageTitle: title, title, slug, languages: model.course.languages.join(', ') };
  }

  @Get('courses/:slug/files/:file')
  async edit(@Param('slug') slug: string, @Param('file') file: string, @CurrentUser() user: User, @Req() request: Request, @Res() response: Response): Promise<void> {
    const opened = await this.authoring.openFile(user, slug, file);
    response.render('authoring/edit-file', { ...this.editorModel(opened.course, opened.file.file, request), text: opened.text, baseHash: opened.baseHash, fileKind: opened.file.kind });
  }

  @Post('courses/:slug/files/:file')
  async save(
    @Param('slug') slug: string,
    @Param('file') file: string,
    @Body() body: EditFileDto,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const baseHash = body.baseHash ?? '';
    if (body.intent === 'preview') {
      const checked = await this.authoring.checkFile(user, slug, file, body.text);
      response.status(200).render('authoring/edit-file', {
        ...this.editorModel(checked.opened.course, checked.opened.file.file, request),
        fileKind: checked.opened.file.kind, text: body.text, baseHash, problems: checked.problems, preview: checked.preview,
      });
      return;
    }
    try {
      const outcome = await this.authoring.saveFile(user, slug, file, body.text, baseHash);
      if (outcome.status === 'unchanged') flash(request, 'info', 'content.editor.unchanged', { file });
      else flash(request, 'success', 'content.editor.saved', { file, version: outcome.version ?? '' });
      response.redirect(303, fileHref(slug, file));
    } catch (error) {
      if (!(error instanceof ContentRejectedError || error instanceof StaleEditError || error instanceof FormError)) throw error;
      const opened = await this.authoring.openFile(user, slug, file);
      const stale = error instanceof StaleEditError;
      response.status(stale ? 409 : 422).render('authoring/edit-file', {
        ...this.editorModel(opened.course, opened.file.file, request),
        fileKind: opened.file.kind, text: body.text, baseHash, stale, saving: true,
        problems: error instanceof ContentRejectedError ? problemList(error.problems, slug, { [opened.file.file]: body.text }) : undefined,
        errors: error instanceof FormError ? error.errors : undefined,
      });
    }
  }

  private editorModel(course: { slug: string; title: Record<string, string>; languages: string[] }, file: string, request: Request) {
    const title = courseTitle(course, request.lang ?? 'es');
    return { pageTitle: `${file} · ${title}`, title, slug: course.slug, file, action: fileHref(course.slug, file) };
  }
}
