import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { logIn } from '../../sessions/request-session';
import { Authenticated, Public, Roles } from '../../common/access.decorators';
import { FormView, RedirectOnError } from '../../common/error-pages';
import { Lang } from '../../common/lang.decorator';
import { routeParam } from '../../common/route-params';
import { InvitationsPage } from '../cohort-pages';
import { CurrentUser } from '../../common/current-user.decorator';
import { flash } from '../../common/flash';
import { pageLinks } from '../../common/pagination';
import { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { localized } from '../../i18n/text';
import { managesCohorts } from '../cohorts.service';
import { AcceptInvitationDto, InviteDto } from '../dto/invitations.dto';
import { ListLearnersQuery } from '../dto/learner-actions.dto';
import { InvitationsService } from './invitations.service';
import { ParseIdPipe } from '../../common/id.pipe';

@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly users: UsersService,
    private readonly listPage: InvitationsPage,
  ) {}

  @Get('cohorts/:id/invitations')
  @Roles('facilitator', 'coordinator')
  @Render('cohorts/invitations')
  async list(@Param('id', ParseIdPipe) id: number, @Query() query: ListLearnersQuery, @CurrentUser() user: User) {
    const locals = await this.listPage.locals(user, id, query.page);
    return { ...locals, values: {}, ...pageLinks(`/cohorts/${id}/invitations`, {}, locals.page, locals.pageCount) };
  }

  /** Answers with the page of links (not a redirect): the raw links exist only in this response and the log. */
  @Post('cohorts/:id/invitations')
  @Roles('facilitator', 'coordinator')
  @FormView('cohorts/invitations', InvitationsPage)
  async invite(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: InviteDto,
    @CurrentUser() user: User,
    @Res() response: Response,
  ): Promise<void> {
    const result = await this.invitations.invite(user, id, body.emails);
    response.status(200).render('cohorts/invitations-sent', { pageTitle: result.cohort.name, ...result, canManage: managesCohorts(user) });
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
  async page(@Param('token') token: string, @CurrentUser() user: User | undefined, @Lang() lang: string, @Req() request: Request) {
    const invitation = await this.invitations.usable(token);
    const hasAccount = !user && !!(await this.users.findByEmail(invitation.email));
    return {
      pageTitle: invitation.cohort.name,
      invitation,
      courseTitle: localized(invitation.cohort.course.title, lang),
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
  @RedirectOnError((request) => `/invitations/${routeParam(request, 'token')}`)
  async accept(
    @Param('token') token: string,
    @CurrentUser() user: User,
    @Lang() lang: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { invitation } = await this.invitations.accept(token, user);
    flash(request, 'success', 'enrolments.enrolled', { course: localized(invitation.cohort.course.title, lang) });
    response.redirect(303, `/courses/${invitation.cohort.course.slug}`);
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
    if ('refused' in outcome) {
      flash(request, 'error', outcome.refused.key, outcome.refused.params);
      response.redirect(303, '/');
      return;
    }
    flash(request, 'success', 'enrolments.enrolled', { course: localized(outcome.invitation.cohort.course.title, user.preferredLanguage) });
    response.redirect(303, `/courses/${outcome.invitation.cohort.course.slug}`);
  }
}
