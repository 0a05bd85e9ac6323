import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Roles } from '../../common/access.decorators';
import { CurrentUser } from '../../common/current-user.decorator';
import { flash } from '../../common/flash';
import { pageLinks } from '../../common/pagination';
import { safeLocalPath } from '../../common/safe-redirect';
import { User } from '../../users/user.entity';
import { parseDay } from '../cohort-form';
import { managesCohorts } from '../cohorts.service';
import { ExtendAccessDto, ListLearnersQuery, MoveLearnerDto, ReturnToDto } from '../dto/learner-actions.dto';
import { EnrolmentRefusedError } from '../enrolment/enrolment-errors';
import { CohortLearnersService, LEARNER_STATUSES } from './cohort-learners.service';
import { ParseIdPipe } from '../../common/id.pipe';

/** A cohort's learners and join requests, and what facilitators do with them. */
@Controller('cohorts/:id')
@Roles('facilitator', 'coordinator')
export class CohortLearnersController {
  constructor(private readonly learners: CohortLearnersService) {}

  @Get('learners')
  @Render('cohorts/learners')
  async list(@Param('id', ParseIdPipe) id: number, @Query() query: ListLearnersQuery, @CurrentUser() user: User) {
    const result = await this.learners.list(user, id, query);
    return {
      pageTitle: result.cohort.name,
      ...result,
      query,
      statuses: [...LEARNER_STATUSES, 'all'],
      canManage: managesCohorts(user),
      ...pageLinks(`/cohorts/${id}/learners`, { ...query }, result.page, result.pageCount),
    };
  }

  @Get('requests')
  @Render('cohorts/requests')
  async requests(@Param('id', ParseIdPipe) id: number, @Query() query: ListLearnersQuery, @CurrentUser() user: User) {
    const result = await this.learners.requests(user, id, query.page);
    return {
      pageTitle: result.cohort.name,
      ...result,
      canManage: managesCohorts(user),
      ...pageLinks(`/cohorts/${id}/requests`, {}, result.page, result.pageCount),
    };
  }

  @Post('requests/:enrolmentId/approve')
  async approve(
    @Param('id', ParseIdPipe) id: number,
    @Param('enrolmentId', ParseIdPipe) enrolmentId: number,
    @Body() body: ReturnToDto,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.act(request, response, safeLocalPath(body.returnTo, `/cohorts/${id}/requests`), async () => {
      await this.learners.approve(user, id, enrolmentId);
      return 'cohorts.requests.approved';
    });
  }

  @Post('requests/:enrolmentId/decline')
  async decline(
    @Param('id', ParseIdPipe) id: number,
    @Param('enrolmentId', ParseIdPipe) enrolmentId: number,
    @Body() body: ReturnToDto,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.act(request, response, safeLocalPath(body.returnTo, `/cohorts/${id}/requests`), async () => {
      await this.learners.decline(user, id, enrolmentId);
      return 'cohorts.requests.declined';
    });
  }

  @Post('learners/:enrolmentId/withdraw')
  async withdraw(
    @Param('id', ParseIdPipe) id: number,
    @Param('enrolmentId', ParseIdPipe) enrolmentId: number,
    @Body() body: ReturnToDto,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.act(request, response, safeLocalPath(body.returnTo, `/cohorts/${id}/learners`), async () => {
      await this.learners.withdraw(user, id, enrolmentId);
      return 'cohorts.learners.withdrawn';
    });
  }

  @Post('learners/:enrolmentId/move')
  async move(
    @Param('id', ParseIdPipe) id: number,
    @Param('enrolmentId', ParseIdPipe) enrolmentId: number,
    @Body() body: MoveLearnerDto,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.act(request, response, safeLocalPath(body.returnTo, `/cohorts/${id}/learners`), async () => {
      const { target } = await this.learners.move(user, id, enrolmentId, body.targetCohortId);
      return ['cohorts.learners.moved', { cohort: target.name }];
    });
  }

  @Post('learners/:enrolmentId/access')
  async extendAccess(
    @Param('id', ParseIdPipe) id: number,
    @Param('enrolmentId', ParseIdPipe) enrolmentId: number,
    @Body() body: ExtendAccessDto,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.act(request, response, safeLocalPath(body.returnTo, `/cohorts/${id}/learners`), async () => {
      const until = body.until ? parseDay(body.until, 'end') : null;
      if (body.until && !until) throw new EnrolmentRefusedError('badDate');
      await this.learners.extendAccess(user, id, enrolmentId, until);
      return until ? 'cohorts.learners.accessExtended' : 'cohorts.learners.accessReset';
    });
  }

  /** Runs an action from a list; a refusal comes back as a message on the same list. */
  private async act(
    request: Request,
    response: Response,
    back: string,
    action: () => Promise<string | [string, Record<string, string>]>,
  ): Promise<void> {
    try {
      const result = await action();
      const [key, params] = Array.isArray(result) ? result : [result, undefined];
      flash(request, 'success', key, params);
    } catch (error) {
      if (!(error instanceof EnrolmentRefusedError)) throw error;
      // The learner-facing wording speaks to the learner; staff get their own where it differs.
      const key = error.reason === 'activeElsewhere' ? 'cohorts.learners.activeElsewhere' : error.messageRef.key;
      flash(request, 'error', key, error.messageRef.params);
    }
    response.redirect(303, back);
  }
}
