import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Roles } from '../common/access.decorators';
import { CurrentUser } from '../common/current-user.decorator';
import { FormView } from '../common/error-pages';
import { flash } from '../common/flash';
import { ParseIdPipe } from '../common/id.pipe';
import { Lang } from '../common/lang.decorator';
import { pageLinks } from '../common/pagination';
import { translator } from '../i18n/i18n';
import { User } from '../users/user.entity';
import { formValuesOf } from './cohort-form';
import { CohortFormPage, CohortShowPage } from './cohort-pages';
import { CohortsService, managesCohorts } from './cohorts.service';
import { COHORT_COUNTRIES, CohortFormDto } from './dto/cohort-form.dto';
import { DuplicateCohortDto } from './dto/duplicate-cohort.dto';
import { ListCohortsQuery } from './dto/list-cohorts.query';

/** Staff pages for cohorts: the list, one cohort's overview, creating, editing, archiving, copying to other countries. */
@Controller('cohorts')
@Roles('facilitator', 'coordinator')
export class CohortsController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly formPage: CohortFormPage,
    private readonly showPage: CohortShowPage,
  ) {}

  @Get()
  @Render('cohorts/index')
  async list(@Query() query: ListCohortsQuery, @CurrentUser() user: User, @Lang() lang: string) {
    const result = await this.cohorts.list(user, query);
    return {
      pageTitle: translator(lang)('cohorts.list.title'),
      ...result,
      ...pageLinks('/cohorts', { ...query }, result.page, result.pageCount),
      query,
      countries: COHORT_COUNTRIES,
      canManage: managesCohorts(user),
    };
  }

  @Get('new')
  @Roles('coordinator')
  @Render('cohorts/form')
  async newPage(@CurrentUser() user: User, @Lang() lang: string) {
    this.cohorts.assertManager(user);
    return { ...(await this.formPage.locals(lang)), values: { enrolmentMode: 'open', facilitatorIds: [] } };
  }

  @Post()
  @Roles('coordinator')
  @FormView('cohorts/form', CohortFormPage)
  async create(@Body() body: CohortFormDto, @CurrentUser() user: User, @Req() request: Request, @Res() response: Response): Promise<void> {
    const cohort = await this.cohorts.create(user, body);
    flash(request, 'success', 'cohorts.form.created', { name: cohort.name });
    response.redirect(303, `/cohorts/${cohort.id}`);
  }

  @Get(':id')
  @Render('cohorts/show')
  show(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: User) {
    return this.showPage.locals(user, id);
  }

  @Get(':id/edit')
  @Roles('coordinator')
  @Render('cohorts/form')
  async editPage(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: User, @Lang() lang: string) {
    this.cohorts.assertManager(user);
    const detail = await this.cohorts.detail(user, id);
    const values = formValuesOf(
      detail.cohort,
      detail.facilitators.map((f) => f.id),
    );
    return { ...(await this.formPage.locals(lang, id)), values };
  }

  @Post(':id/edit')
  @Roles('coordinator')
  @FormView('cohorts/form', CohortFormPage)
  async update(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: CohortFormDto,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const cohort = await this.cohorts.update(user, id, body);
    flash(request, 'success', 'cohorts.form.saved', { name: cohort.name });
    response.redirect(303, `/cohorts/${id}`);
  }

  @Post(':id/archive')
  @Roles('coordinator')
  async archive(
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const cohort = await this.cohorts.setArchived(user, id, true);
    flash(request, 'success', 'cohorts.archive.done', { name: cohort.name });
    response.redirect(303, `/cohorts/${id}`);
  }

  @Post(':id/restore')
  @Roles('coordinator')
  async restore(
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const cohort = await this.cohorts.setArchived(user, id, false);
    flash(request, 'success', 'cohorts.archive.restored', { name: cohort.name });
    response.redirect(303, `/cohorts/${id}`);
  }

  @Post(':id/duplicate')
  @Roles('coordinator')
  @FormView('cohorts/show', CohortShowPage)
  async duplicate(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: DuplicateCohortDto,
    @CurrentUser() user: User,
    @Lang() lang: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const copies = await this.cohorts.duplicate(user, id, body.countries);
    const t = translator(lang);
    const names = copies.map((copy) =>
      copy.enrolmentKey ? t('cohorts.duplicate.withKey', { name: copy.name, key: copy.enrolmentKey }) : copy.name,
    );
    flash(request, 'success', 'cohorts.duplicate.done', { count: copies.length, names: names.join('; ') });
    response.redirect(303, copies.length === 1 ? `/cohorts/${copies[0].id}/edit` : '/cohorts');
  }
}
