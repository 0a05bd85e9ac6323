import { Body, Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Roles } from '../../common/access.decorators';
import { FormView } from '../../common/error-pages';
import { flash } from '../../common/flash';
import { ParseIdPipe } from '../../common/id.pipe';
import { Lang } from '../../common/lang.decorator';
import { CourseEditorsPage } from './authoring.pages';
import { CourseEditorsService } from './course-editors.service';
import { AddEditorDto } from './dto/add-editor.dto';

/** Admins give facilitators a course to edit, or take it back. */
@Controller('authoring/courses/:slug/editors')
@Roles('admin')
export class CourseEditorsController {
  constructor(
    private readonly editors: CourseEditorsService,
    private readonly editorsPage: CourseEditorsPage,
  ) {}

  @Get()
  @Render('authoring/editors')
  page(@Param('slug') slug: string, @Lang() lang: string) {
    return this.editorsPage.locals(slug, lang);
  }

  @Post()
  @FormView('authoring/editors', CourseEditorsPage)
  async add(@Param('slug') slug: string, @Body() body: AddEditorDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const { user } = await this.editors.add(slug, body.email);
    flash(request, 'success', 'content.editors.added', { name: user.name });
    response.redirect(303, `/authoring/courses/${encodeURIComponent(slug)}/editors`);
  }

  @Post(':userId/remove')
  async remove(
    @Param('slug') slug: string,
    @Param('userId', ParseIdPipe) userId: number,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.editors.remove(slug, userId);
    flash(request, 'success', 'content.editors.removed');
    response.redirect(303, `/authoring/courses/${encodeURIComponent(slug)}/editors`);
  }
}
