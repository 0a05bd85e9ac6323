import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { logIn } from '../../sessions/request-session';
import { Authenticated, FormView, Public, Roles } from '../../common/access.decorators';
import { CurrentUser } from '../../common/current-user.decorator';
import { FormError } from '../../common/errors';
import { flash } from '../../common/flash';
import { pageLinks } from '../../common/pagination';
import { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { localized } from '../cohort-labels';
import { managesCohorts } from '../cohorts.service';
import { AcceptInvitationDto, InviteDto } from '../dto/invitations.dto';
import { ListLearnersQuery } from '../dto/learner-actions.dto';
import { EnrolmentRefusedError } from '../enrolment/enrolment-errors';
import { echoValues, validateForm } from '../../common/form-validation';
import { InvitationsService } from './invitations.service';
import { ParseIdPipe } from '../../common/id.pipe';

@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly users: UsersService,
  ) {}

  @Get('cohorts/:id/invitations')
  @Roles('facilitator', 'coordinator')
  @Render('cohorts/invitations')
  async list(@Param('id', ParseIdPipe) id: number, @Query() query: ListLearnersQuery, @CurrentUser() user: User) {
    const result = await this.invitations.list(user, id, query.page);
    return {
      pageTitle: result.cohort.name,
      ...result,
      values: {},
      canManage: managesCohorts(user),
      ...pageLinks(`/cohorts/${id}/invitations`, {}, result.page, result.pageCount),
    };
  }

  /** Answers with the page of links (not a redirect): the raw links exist only in this response and the log. */
  @Post('cohorts/:id/invitations')
  @Roles('facilitator', 'coordinator')
  async invite(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    try {
      const dto = await validateForm(InviteDto, body);
      const result = await this.invitations.invite(user, id, dto.emails);
      response
        .status(200)
        .render('cohorts/invitations-sent', { pageTitle: result.cohort.name, ...result, canManage: managesCohorts(user) });
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      const result = await this.invitations.list(user, id, 1);
      response.status(error.status).render('cohorts/invitations', {
        pageTitle: result.cohort.name,
        ...result,
        values: echoValues(body),
        errors: error.errors,
        canManage: managesCohorts(user),
      });
    }
  }

  @Post('cohorts/:id/invitations/:invitationId/revoke')
  @Roles('facilitator', 'coordinator')
  async revoke(
    @Param('id', ParseIdPipe) id: number,
    @Param('invitationId', ParseIdPipe) invitationId: number,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const invitation = await this.invitations.revoke(user, id, invitationId);
    flash(request, 'success', 'cohorts.invitations.revoked', { email: invitation.email });
    response.redirect(303, `/cohorts/${id}/invitations`);
  }

  /** Where an invitation link lands: accept (signed in), sign in first (account exists) or create the account. */
  @Get('invitations/:token')
  @Public()
  @Render('enrolments/invitation')
  async page(@Param('token') token: string, @CurrentUser() user: User | undefined, @Req() request: Request) {
    const invitation = await this.invitations.usable(token);
    const hasAccount = !user && !!(await this.users.findByEmail(invitation.email));
    return {
      pageTitle: invitation.cohort.name,
      invitation,
      courseTitle: localized(invitation.cohort.course.title, request.lang ?? 'es'),
      signedIn: !!user,
      sameAccount: !!user && user.email === invitation.email,
      hasAccount,
      loginHref: `/auth/login?next=${encodeURIComponent(`/invitations/${token}`)}`,
      acceptAction: `/invitations/${token}/accept`,
      values: { preferredLanguage: request.lang },
      showRegistration: !user && !hasAccount,
    };
  }

  @Post('invitations/:token/accept')
  @Authenticated()
  async accept(
    @Param('token') token: string,
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    try {
      const { invitation } = await this.invitations.accept(token, user);
      flash(request, 'success', 'enrolments.enrolled', { course: localized(invitation.cohort.course.title, request.lang ?? 'es') });
      response.redirect(303, `/courses/${invitation.cohort.course.slug}`);
    } catch (error) {
      if (!(error instanceof EnrolmentRefusedError)) throw error;
      flash(request, 'error', error.messageRef.key, error.messageRef.params);
      response.redirect(303, `/invitations/${token}`);
    }
  }

  /** No action attribute in the form: this is the link's own address, so a re-rendered form still posts here. */
  @Post('invitations/:token')
  @Public()
  @FormView('enrolments/invitation')
  async register(
    @Param('token') token: string,
    @Body() body: AcceptInvitationDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { user, outcome } = await this.invitations.registerAndAccept(token, body);
    await logIn(request, user);
    request.session.lang = user.preferredLanguage;
    if (outcome instanceof EnrolmentRefusedError) {
      flash(request, 'error', outcome.messageRef.key, outcome.messageRef.params);
      response.redirect(303, '/');
      return;
    }
    flash(request, 'success', 'enrolments.enrolled', { course: localized(outcome.invitation.cohort.course.title, user.preferredLanguage) });
    response.redirect(303, `/courses/${outcome.invitation.cohort.course.slug}`);
  }
}
