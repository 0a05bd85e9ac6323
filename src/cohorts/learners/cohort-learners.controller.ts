import { applyDecorators, Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Roles } from '../../common/access.decorators';
import { CurrentUser } from '../../common/current-user.decorator';
import { RedirectOnError } from '../../common/error-pages';
import { routeParam } from '../../common/route-params';
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

/** Buttons on a list send the list's address back (returnTo), so staff land where they were; else the list itself. */
function backTo(list: 'learners' | 'requests') {
  return (request: Request): string => {
    const body = request.body as ReturnToDto | undefined;
    return safeLocalPath(body?.returnTo, `/cohorts/${routeParam(request, 'id')}/${list}`);
  };
}

/** The learner-facing wording speaks to the learner; staff get their own where it differs. */
const STAFF_WORDING = { 'enrolments.refused.activeElsewhere': 'cohorts.learners.activeElsewhere' };

/** A button on the learners or requests list: a POST whose refusal comes back to the list as a message. */
const ListAction = (list: 'learners' | 'requests', action: string) =>
  applyDecorators(Post(`${list}/:enrolmentId/${action}`), RedirectOnError(backTo(list), STAFF_WORDING));

/** An action from a list went through: its message on the same list. A refusal comes back there too (@RedirectOnError). */
function done(request: Request, response: Response, list: 'learners' | 'requests', key: string, params?: Record<string, string>): void {
  flash(request, 'success', key, params);
  response.redirect(303, backTo(list)(request));
}

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

  @ListAction('requests', 'approve')
  async approve(
    @Param('id', ParseIdPipe) id: number,
    @Param('enrolmentId', ParseIdPipe) enrolmentId: number,
    @Body() _body: ReturnToDto,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.learners.approve(user, id, enrolmentId);
    done(request, response, 'requests', 'cohorts.requests.approved');
  }

  @ListAction('requests', 'decline')
  async decline(
    @Param('id', ParseIdPipe) id: number,
    @Param('enrolmentId', ParseIdPipe) enrolmentId: number,
    @Body() _body: ReturnToDto,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.learners.decline(user, id, enrolmentId);
    done(request, response, 'requests', 'cohorts.requests.declined');
  }

  @ListAction('learners', 'withdraw')
  async withdraw(
    @Param('id', ParseIdPipe) id: number,
    @Param('enrolmentId', ParseIdPipe) enrolmentId: number,
    @Body() _body: ReturnToDto,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.learners.withdraw(user, id, enrolmentId);
    done(request, response, 'learners', 'cohorts.learners.withdrawn');
  }

  @ListAction('learners', 'move')
  async move(
    @Param('id', ParseIdPipe) id: number,
    @Param('enrolmentId', ParseIdPipe) enrolmentId: number,
    @Body() body: MoveLearnerDto,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { target } = await this.learners.move(user, id, enrolmentId, body.targetCohortId);
    done(request, response, 'learners', 'cohorts.learners.moved', { cohort: target.name });
  }

  @ListAction('learners', 'access')
  async extendAccess(
    @Param('id', ParseIdPipe) id: number,
    @Param('enrolmentId', ParseIdPipe) enrolmentId: number,
    @Body() body: ExtendAccessDto,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const until = body.until ? parseDay(body.until, 'end') : null;
    if (body.until && !until) throw new EnrolmentRefusedError('badDate');
    await this.learners.extendAccess(user, id, enrolmentId, until);
    done(request, response, 'learners', until ? 'cohorts.learners.accessExtended' : 'cohorts.learners.accessReset');
  }
}
