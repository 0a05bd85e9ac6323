import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Roles } from '../../common/access.decorators';
import { CurrentUser } from '../../common/current-user.decorator';
import { FormView } from '../../common/error-pages';
import { flash } from '../../common/flash';
import { Lang } from '../../common/lang.decorator';
import { pageLinks } from '../../common/pagination';
import { translator } from '../../i18n/i18n';
import type { User } from '../../users/user.entity';
import { EditFilePage, editorLocals, fileHref } from './authoring.pages';
import { AuthoringService } from './authoring.service';
import { AuthoringAccessService } from './authoring-access.service';
import { CourseOverviewService } from './course-overview.service';
import { courseTitle } from '../course-title';
import { EditFileDto } from './dto/edit-file.dto';
import { HistoryQuery } from './dto/history.query';

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
  async index(@CurrentUser() user: User, @Lang() lang: string) {
    const courses = await this.access.editableCourses(user);
    return {
      pageTitle: translator(lang)('content.authoring.title'),
      courses: courses.map((course) => ({
        slug: course.slug,
        title: courseTitle(course, lang),
        languages: course.languages.join(', '),
        updatedAt: course.updatedAt,
      })),
      mayCreate: this.access.mayCreateCourses(user),
    };
  }

  @Get('courses/:slug')
  @Render('authoring/course')
  async course(@Param('slug') slug: string, @Query() query: HistoryQuery, @CurrentUser() user: User, @Lang() lang: string) {
    const model = await this.overview.overview(user, slug, query.page ?? 1);
    const title = courseTitle(model.course, lang);
    const links = pageLinks(`/authoring/courses/${encodeURIComponent(slug)}`, {}, model.history.page, model.history.pageCount);
    return { ...model, ...links, pageTitle: title, title, slug, languages: model.course.languages.join(', ') };
  }

  @Get('courses/:slug/files/:file')
  @Render('authoring/edit-file')
  async edit(@Param('slug') slug: string, @Param('file') file: string, @CurrentUser() user: User, @Lang() lang: string) {
    const opened = await this.authoring.openFile(user, slug, file);
    return { ...editorLocals(opened.course, opened.file.file, lang), text: opened.text, baseHash: opened.baseHash, fileKind: opened.file.kind };
  }

  /** A refused save (problems in the course, someone saved first, a bad form) shows the editor again with the text kept: EditFilePage. */
  @Post('courses/:slug/files/:file')
  @FormView('authoring/edit-file', EditFilePage)
  async save(
    @Param('slug') slug: string,
    @Param('file') file: string,
    @Body() body: EditFileDto,
    @CurrentUser() user: User,
    @Lang() lang: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const baseHash = body.baseHash ?? '';
    if (body.intent === 'preview') {
      const checked = await this.authoring.checkFile(user, slug, file, body.text);
      response.status(200).render('authoring/edit-file', {
        ...editorLocals(checked.opened.course, checked.opened.file.file, lang),
        fileKind: checked.opened.file.kind,
        text: body.text,
        baseHash,
        problems: checked.problems,
        preview: checked.preview,
      });
      return;
    }
    const outcome = await this.authoring.saveFile(user, slug, file, body.text, baseHash);
    if (outcome.status === 'unchanged') flash(request, 'info', 'content.editor.unchanged', { file });
    else flash(request, 'success', 'content.editor.saved', { file, version: outcome.version ?? '' });
    response.redirect(303, fileHref(slug, file));
  }
}
