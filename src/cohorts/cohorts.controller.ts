import { Body, Controller, Get, HttpStatus, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Roles } from '../common/access.decorators';
import { CurrentUser } from '../common/current-user.decorator';
import { FormError } from '../common/errors';
import { flash } from '../common/flash';
import { pageLinks } from '../common/pagination';
import { translator } from '../i18n/i18n';
import { User } from '../users/user.entity';
import { formValuesOf } from './cohort-form';
import { CohortsService, managesCohorts } from './cohorts.service';
import { COHORT_COUNTRIES, CohortFormDto, ENROLMENT_MODES } from './dto/cohort-form.dto';
import { DuplicateCohortDto } from './dto/duplicate-cohort.dto';
import { ListCohortsQuery } from './dto/list-cohorts.query';
import { echoValues, validateForm } from '../common/form-validation';
import { ParseIdPipe } from '../common/id.pipe';

/** Staff pages for cohorts: the list, one cohort's overview, creating, editing, archiving, copying to other countries. */
@Controller('cohorts')
@Roles('facilitator', 'coordinator')
export class CohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  @Get()
  @Render('cohorts/index')
  async list(@Query() query: ListCohortsQuery, @CurrentUser() user: User, @Req() request: Request) {
    const result = await this.cohorts.list(user, query);
    return {
      pageTitle: translator(request.lang ?? 'es')('cohorts.list.title'),
      ...result,
      ...pageLinks('/cohorts', { ...query }, result.page, result.pageCount),
      query,
      countries: COHORT_COUNTRIES,
      canManage: managesCohorts(user),
    };
  }

  @Get('new')
  @Roles('coordinator')
  async newPage(@CurrentUser() user: User, @Req() request: Request, @Res() response: Response): Promise<void> {
    this.cohorts.assertManager(user);
    await this.renderForm(request, response, { values: { enrolmentMode: 'open', facilitatorIds: [] } });
  }

  @Post()
  @Roles('coordinator')
  async create(
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    try {
      const cohort = await this.cohorts.create(user, await validateForm(CohortFormDto, body));
      flash(request, 'success', 'cohorts.form.created', { name: cohort.name });
      response.redirect(303, `/cohorts/${cohort.id}`);
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      await this.renderForm(request, response, { values: echoValues(body), errors: error.errors, status: error.status });
    }
  }

  @Get(':id')
  @Render('cohorts/show')
  async show(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: User) {
    const detail = await this.cohorts.detail(user, id);
    return {
      pageTitle: detail.cohort.name,
      ...detail,
      canManage: managesCohorts(user),
      countries: COHORT_COUNTRIES.filter((c) => c !== detail.cohort.country),
    };
  }

  @Get(':id/edit')
  @Roles('coordinator')
  async editPage(
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    this.cohorts.assertManager(user);
    const detail = await this.cohorts.detail(user, id);
    await this.renderForm(request, response, {
      cohortId: id,
      values: formValuesOf(
        detail.cohort,
        detail.facilitators.map((f) => f.id),
      ),
    });
  }

  @Post(':id/edit')
  @Roles('coordinator')
  async update(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    try {
      const cohort = await this.cohorts.update(user, id, await validateForm(CohortFormDto, body));
      flash(request, 'success', 'cohorts.form.saved', { name: cohort.name });
      response.redirect(303, `/cohorts/${id}`);
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      await this.renderForm(request, response, { cohortId: id, values: echoValues(body), errors: error.errors, status: error.status });
    }
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
  async duplicate(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    try {
      const dto = await validateForm(DuplicateCohortDto, body);
      const copies = await this.cohorts.duplicate(user, id, dto.countries);
      const t = translator(request.lang ?? 'es');
      const names = copies.map((copy) =>
        copy.enrolmentKey ? t('cohorts.duplicate.withKey', { name: copy.name, key: copy.enrolmentKey }) : copy.name,
      );
      flash(request, 'success', 'cohorts.duplicate.done', { count: copies.length, names: names.join('; ') });
      response.redirect(303, copies.length === 1 ? `/cohorts/${copies[0].id}/edit` : '/cohorts');
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      const detail = await this.cohorts.detail(user, id);
      response.status(error.status).render('cohorts/show', {
        pageTitle: detail.cohort.name,
        ...detail,
        canManage: true,
        errors: error.errors,
        countries: COHORT_COUNTRIES.filter((c) => c !== detail.cohort.country),
      });
    }
  }

  private async renderForm(
    request: Request,
    response: Response,
    model: { values: Record<string, unknown>; errors?: FormError['errors']; status?: number; cohortId?: number },
  ): Promise<void> {
    const options = await this.cohorts.formOptions();
    const t = translator(request.lang ?? 'es');
    response.status(model.status ?? HttpStatus.OK).render('cohorts/form', {
      pageTitle: t(model.cohortId ? 'cohorts.form.editTitle' : 'cohorts.form.newTitle'),
      ...model,
      ...options,
      countries: COHORT_COUNTRIES,
      modes: ENROLMENT_MODES,
      action: model.cohortId ? `/cohorts/${model.cohortId}/edit` : '/cohorts',
    });
  }
}
