import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { FormPage, FormPageModel } from '../common/error-pages';
import { routeId } from '../common/route-params';
import { requestLanguage } from '../common/lang.decorator';
import { translator } from '../i18n/i18n';
import type { User } from '../users/user.entity';
import { CohortsService, managesCohorts } from './cohorts.service';
import { COHORT_COUNTRIES, ENROLMENT_MODES } from './dto/cohort-form.dto';
import { InvitationsService } from './invitations/invitations.service';

function signedIn(request: Request): User {
  return request.user as User;
}

/** The cohort form (new or edit): course and facilitator lists, shown again after an error too. */
@Injectable()
export class CohortFormPage implements FormPage {
  constructor(private readonly cohorts: CohortsService) {}

  async model(request: Request): Promise<FormPageModel> {
    return { locals: await this.locals(requestLanguage(request), request.params?.id === undefined ? undefined : routeId(request)) };
  }

  async locals(lang: string, cohortId?: number) {
    const options = await this.cohorts.formOptions();
    return {
      pageTitle: translator(lang)(cohortId ? 'cohorts.form.editTitle' : 'cohorts.form.newTitle'),
      cohortId,
      ...options,
      countries: COHORT_COUNTRIES,
      modes: ENROLMENT_MODES,
      action: cohortId ? `/cohorts/${cohortId}/edit` : '/cohorts',
    };
  }
}

/** One cohort's overview, where its "copy to other countries" form is. */
@Injectable()
export class CohortShowPage implements FormPage {
  constructor(private readonly cohorts: CohortsService) {}

  async model(request: Request): Promise<FormPageModel> {
    return { locals: await this.locals(signedIn(request), routeId(request)) };
  }

  async locals(user: User, cohortId: number) {
    const detail = await this.cohorts.detail(user, cohortId);
    return {
      pageTitle: detail.cohort.name,
      ...detail,
      canManage: managesCohorts(user),
      countries: COHORT_COUNTRIES.filter((c) => c !== detail.cohort.country),
    };
  }
}

/** A cohort's invitations and the form that sends more. */
@Injectable()
export class InvitationsPage implements FormPage {
  constructor(private readonly invitations: InvitationsService) {}

  async model(request: Request): Promise<FormPageModel> {
    return { locals: await this.locals(signedIn(request), routeId(request), 1) };
  }

  async locals(user: User, cohortId: number, page: number | undefined) {
    const result = await this.invitations.list(user, cohortId, page);
    return { pageTitle: result.cohort.name, ...result, canManage: managesCohorts(user) };
  }
}
