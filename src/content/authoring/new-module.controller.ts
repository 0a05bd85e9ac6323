import { Body, Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Roles } from '../../common/access.decorators';
import { CurrentUser } from '../../common/current-user.decorator';
import { FormView } from '../../common/error-pages';
import { flash } from '../../common/flash';
import { Lang } from '../../common/lang.decorator';
import type { User } from '../../users/user.entity';
import { NewModulePage, newModuleLocals, textsFrom } from './authoring.pages';
import { AuthoringService } from './authoring.service';
import { NewModuleDto } from './dto/new-module.dto';

/** Adding a module: both language files at once, checked with the rest of the course before anything is saved. */
@Controller('authoring/courses/:slug/modules/new')
@Roles('facilitator')
export class NewModuleController {
  constructor(private readonly authoring: AuthoringService) {}

  @Get()
  @Render('authoring/new-module')
  async form(@Param('slug') slug: string, @CurrentUser() user: User, @Lang() lang: string) {
    const draft = await this.authoring.newModuleDraft(user, slug);
    return newModuleLocals(draft.course, lang, draft.key, draft.texts);
  }

  /** Problems found by a preview or a save come back on the same form (NewModulePage). */
  @Post()
  @FormView('authoring/new-module', NewModulePage)
  async submit(
    @Param('slug') slug: string,
    @Body() body: NewModuleDto,
    @CurrentUser() user: User,
    @Lang() lang: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const texts = textsFrom(body);
    if (body.intent === 'preview') {
      const checked = await this.authoring.checkNewModule(user, slug, body.key, texts);
      response
        .status(200)
        .render('authoring/new-module', { ...newModuleLocals(checked.course, lang, body.key, texts), problems: checked.problems, preview: checked.preview });
      return;
    }
    await this.authoring.saveNewModule(user, slug, body.key, texts);
    flash(request, 'success', 'content.newModule.saved', { key: body.key });
    response.redirect(303, `/authoring/courses/${encodeURIComponent(slug)}`);
  }
}
