import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { isEmail } from 'class-validator';
import { DataSource, IsNull, Repository } from 'typeorm';
import { Clock } from '../../common/clock';
import { FormError, type MessageRef } from '../../common/errors';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.token';
import { hashSecretToken, looksLikeSecretToken, newSecretToken } from '../../account/secret-token';
import { Enrolment } from '../../enrolments/enrolment.entity';
import { EnrolmentsService } from '../../enrolments/enrolments.service';
import { LinkDelivery, LinkMailer, summariseDeliveries } from '../../mail/link-mailer';
import { User } from '../../users/user.entity';
import { normalizeEmail, UsersService } from '../../users/users.service';
import { localized } from '../../i18n/text';
import { Actor, CohortsService } from '../cohorts.service';
import { AcceptInvitationDto } from '../dto/invitations.dto';
import { EnrolmentRefusedError } from '../enrolment/enrolment-errors';
import { EnrolmentPlacement } from '../enrolment/enrolment-placement';
import { placeUnderLock } from '../enrolment/cohort-enrolments.service';
import { CohortInvitation, invitationState } from './cohort-invitation.entity';

export const INVITATION_DAYS = 30;
export const MAX_INVITATIONS_AT_ONCE = 200;
export const INVITATIONS_PAGE_SIZE = 25;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Addresses pasted from anywhere: separated by commas, semicolons, spaces or lines; repeats removed. */
export function splitEmails(text: string): { valid: string[]; invalid: string[] } {
  const valid = new Set<string>();
  const invalid = new Set<string>();
  for (const part of text
    .split(/[\s,;]+/)
    .map((item) => item.trim().replace(/^<(.*)>$/, '$1'))
    .filter(Boolean)) {
    const email = normalizeEmail(part.replace(/^mailto:/i, ''));
    if (isEmail(email) && email.length <= 254) valid.add(email);
    else invalid.add(part);
  }
  return { valid: [...valid], invalid: [...invalid] };
}

@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(CohortInvitation) private readonly invitations: Repository<CohortInvitation>,
    private readonly enrolments: EnrolmentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cohorts: CohortsService,
    private readonly users: UsersService,
    private readonly placement: EnrolmentPlacement,
    private readonly mailer: LinkMailer,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, cohortId: number, page = 1) {
    const cohort = await this.cohorts.accessible(actor, cohortId);
    const [items, total] = await this.invitations.findAndCount({
      where: { cohortId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * INVITATIONS_PAGE_SIZE,
      take: INVITATIONS_PAGE_SIZE,
    });
    const now = this.clock.now();
    return {
      cohort,
      total,
      page,
      pageCount: Math.max(1, Math.ceil(total / INVITATIONS_PAGE_SIZE)),
      items: items.map((invitation) => ({ invitation, state: invitationState(invitation, now) })),
    };
  }

  /**
   * One invitation per address (a new one replaces an unused older one), each
   * with its own link: sent through the mailer (in the invitee's language when
   * they have an account, else Spanish) and returned so the page can show it
   * for copying, with how it was delivered. The raw tokens exist only in this answer.
   */
  async invite(actor: Actor, cohortId: number, text: string) {
    const cohort = await this.cohorts.accessible(actor, cohortId);
    if (cohort.archivedAt) throw FormError.field('emails', 'cohorts.invitations.archived');
    const { valid, invalid } = splitEmails(text);
    if (!valid.length && !invalid.length) throw FormError.field('emails', 'validation.isNotEmpty');
    if (valid.length > MAX_INVITATIONS_AT_ONCE)
      throw FormError.field('emails', 'cohorts.invitations.tooMany', { limit: MAX_INVITATIONS_AT_ONCE });
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY_MS);
    const sent: { email: string; link: string; delivery: LinkDelivery }[] = [];
    const alreadyEnrolled: string[] = [];
    for (const email of valid) {
      const user = await this.users.findByEmail(email);
      if (user && (await this.enrolments.isActiveInCohort(user.id, cohortId))) {
        alreadyEnrolled.push(email);
        continue;
      }
      await this.invitations.update({ cohortId, email, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: now });
      const { token, hash } = newSecretToken();
      await this.invitations.insert({
        cohortId,
        email,
        tokenHash: hash,
        invitedById: actor.id,
        expiresAt,
        acceptedAt: null,
        acceptedUserId: null,
        revokedAt: null,
      });
      const link = `${this.config.publicUrl}/invitations/${token}`;
      const lang = user?.preferredLanguage ?? 'es';
      const params = { cohort: cohort.name, course: localized(cohort.course.title, lang) };
      sent.push({ email, link, delivery: await this.mailer.send({ to: email, kind: 'invitation', link, expiresAt, lang, params }) });
    }
    return { cohort, sent, invalid, alreadyEnrolled, expiresAt, mail: summariseDeliveries(sent.map((item) => item.delivery)) };
  }

  async revoke(actor: Actor, cohortId: number, invitationId: number): Promise<CohortInvitation> {
    await this.cohorts.accessible(actor, cohortId);
    const invitation = await this.invitations.findOneBy({ id: invitationId, cohortId });
    if (!invitation) throw new NotFoundException();
    await this.invitations.update({ id: invitation.id, acceptedAt: IsNull() }, { revokedAt: this.clock.now() });
    return invitation;
  }

  /** The invitation behind a link while it can still be used, with its cohort and course; otherwise a 404 that says so. */
  async usable(token: string): Promise<CohortInvitation> {
    const invitation = looksLikeSecretToken(token)
      ? await this.invitations.findOne({ where: { tokenHash: hashSecretToken(token) }, relations: { cohort: { course: true } } })
      : null;
    if (!invitation || invitationState(invitation, this.clock.now()) !== 'pending' || invitation.cohort.archivedAt) {
      throw new NotFoundException('cohorts.invitations.invalid');
    }
    return invitation;
  }

  /** The signed-in invitee joins the cohort; the invitation is used up in the same transaction. */
  async accept(token: string, user: Pick<User, 'id' | 'email'>): Promise<{ invitation: CohortInvitation; enrolment: Enrolment }> {
    const invitation = await this.usable(token);
    if (normalizeEmail(user.email) !== invitation.email) throw new EnrolmentRefusedError('invitationForOther');
    const enrolment = await placeUnderLock(this.dataSource, invitation.cohortId, async (manager, cohort) => {
      const placed = await this.placement.place(manager, cohort, user.id, { route: 'staff' });
      const alreadyIn = !placed.ok && placed.reason === 'alreadyEnrolled';
      if (!placed.ok && !alreadyIn) return placed;
      const used = await manager
        .getRepository(CohortInvitation)
        .update(
          { id: invitation.id, acceptedAt: IsNull(), revokedAt: IsNull() },
          { acceptedAt: this.clock.now(), acceptedUserId: user.id },
        );
      // Another tab used the link a moment ago: undo this attempt entirely.
      if (used.affected !== 1) throw new EnrolmentRefusedError('invitationUsed');
      return placed.ok ? placed : { ok: true, enrolment: await this.enrolments.within(manager).activeInCohortOrFail(user.id, cohort.id) };
    });
    return { invitation, enrolment };
  }

  /** Someone without an account: the account is created with the invitation's email, then the invitation is accepted. */
  async registerAndAccept(
    token: string,
    form: AcceptInvitationDto,
  ): Promise<{ user: User; outcome: { invitation: CohortInvitation; enrolment: Enrolment } | { refused: MessageRef } }> {
    const invitation = await this.usable(token);
    if (await this.users.findByEmail(invitation.email)) throw FormError.field('_form', 'cohorts.invitations.accountExists');
    const { passwordConfirmation: _confirmation, dataConsent: _consent, next: _next, ...profile } = form;
    const user = await this.users.create({ ...profile, email: invitation.email }).catch((error: unknown) => {
      // The same link sent twice at once: the other request made the account a moment ago.
      if (error instanceof FormError) throw FormError.field('_form', 'cohorts.invitations.accountExists');
      throw error;
    });
    try {
      return { user, outcome: await this.accept(token, user) };
    } catch (error) {
      // The account exists now whatever happens: the refusal is told after signing in, not thrown.
      if (error instanceof EnrolmentRefusedError) return { user, outcome: { refused: error.messageRef } };
      throw error;
    }
  }
}
