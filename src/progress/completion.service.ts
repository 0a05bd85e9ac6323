import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { PublishedContentService } from '../content/published-content.service';
import type { Enrolment } from '../enrolments/enrolment.entity';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { ProgressService } from './progress.service';

/** Told once per completion, after it is recorded (certificates register one at start). */
export type CompletionListener = (completion: { enrolmentId: number; userId: number; courseId: number }) => Promise<void>;

export interface CompletionOutcome {
  complete: boolean;
  /** True only for the one call that recorded the completion. */
  newlyCompleted: boolean;
}

/**
 * The single place where a course becomes complete for a learner. Called after
 * every recorded step (module marked, quiz or post-test graded) and safe to
 * call again at any time: it recomputes from the learner's progress, copies the
 * pre/post-test scores to the active enrolment (for reports) and sets
 * completedAt exactly once. Certificates hook in here, on newlyCompleted.
 */
@Injectable()
export class CompletionService {
  private readonly logger = new Logger(CompletionService.name);
  private readonly listeners: CompletionListener[] = [];

  constructor(
    private readonly content: PublishedContentService,
    private readonly enrolments: EnrolmentsService,
    private readonly progress: ProgressService,
    private readonly clock: Clock,
  ) {}

  /** Features that act on a completion register here, so this module never imports them. */
  onCompleted(listener: CompletionListener): void {
    this.listeners.push(listener);
  }

  /** `activeEnrolment`: the learner's active enrolment in the course when the caller has just read it (saves a lookup). */
  async markCompletedIfDone(userId: number, courseId: number, activeEnrolment?: Enrolment | null): Promise<CompletionOutcome> {
    const course = await this.content.courseById(courseId);
    const enrolment =
      activeEnrolment?.userId === userId && activeEnrolment.courseId === courseId && activeEnrolment.status === 'active'
        ? activeEnrolment
        : await this.enrolments.activeFor(userId, courseId);
    if (!course || !enrolment) return { complete: false, newlyCompleted: false };
    const progress = await this.progress.courseProgress(userId, course, course.languages[0] ?? 'es');
    // Written only when they changed (most module quizzes change neither).
    if (enrolment.preTestScore !== progress.preTest.score || enrolment.postTestScore !== progress.postTest.score) {
      await this.enrolments.recordScores(enrolment.id, progress.preTest.score, progress.postTest.score);
    }
    // Completion is never taken back (e.g. by a lower later post-test under "last attempt" grading).
    if (!progress.check.complete) return { complete: enrolment.completedAt !== null, newlyCompleted: false };
    // Conditional update: of two requests finishing at once, exactly one records the completion.
    const newlyCompleted = await this.enrolments.markCompleted(enrolment.id, this.clock.now());
    if (newlyCompleted) {
      this.logger.log(`Enrolment ${enrolment.id} completed course ${course.slug}`);
      for (const listener of this.listeners) {
        // A listener's failure never undoes the completion; the start-up backfill catches up.
        await listener({ enrolmentId: enrolment.id, userId, courseId }).catch((error: unknown) =>
          this.logger.error(
            `Completion listener failed for enrolment ${enrolment.id}: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
      }
    }
    return { complete: true, newlyCompleted };
  }
}
