import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Roles } from '../../common/access.decorators';
import { FormError } from '../../common/errors';
import { flash } from '../../common/flash';
import { translator } from '../../i18n/i18n';
import { CourseEditorsService } from './course-editors.service';
import { courseTitle } from './course-title';
import { AddEditorDto } from './dto/add-editor.dto';
import { ParseIdPipe } from '../../common/id.pipe';

/** Admins give facilitators a course to edit, or take it back. */
@Controller('authoring/courses/:slug/editors')
@Roles('admin')
export class CourseEditorsController {
  constructor(private readonly editors: CourseEditorsService) {}

  @Get()
  async page(@Param('slug') slug: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.render(slug, request, response);
  }

  @Post()
  async add(@Param('slug') slug: string, @Body() body: AddEditorDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    try {
      const { user } = await this.editors.add(slug, body.email);
      flash(request, 'success', 'content.editors.added', { name: user.name });
      response.redirect(303, `/authoring/courses/${encodeURIComponent(slug)}/editors`);
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      response.status(error.status);
      await this.render(slug, request, response, { values: { email: body.email }, errors: error.errors });
    }
  }

  @Post(':userId/remove')
  async remove(@Param('slug') slug: string, @Param('userId', ParseIdPipe) userId: number, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.editors.remove(slug, userId);
    flash(request, 'success', 'content.editors.removed');
    response.redirect(303, `/authoring/courses/${encodeURIComponent(slug)}/editors`);
  }

  private async render(slug: string, request: Request, response: Response, form: object = {}): Promise<void> {
    const { course, editors } = await this.editors.list(slug);
    const title = courseTitle(course, request.lang ?? 'es');
    response.render('authoring/editors', {
      pageTitle: `${translator(request.lang ?? 'es')('content.editors.title')} · ${title}`, title, slug: course.slug, editors, ...form,
    });
  }
}
