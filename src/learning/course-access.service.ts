import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { CohortsService } from '../cohorts/cohorts.service';
import { Cohort } from '../cohorts/entities/cohort.entity';
import { Clock } from '../common/clock';
import { Course } from '../content/entities/course.entity';
import { PublishedContentService } from '../content/published-content.service';
import { Enrolment } from '../enrolments/enrolment.entity';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { AccessDecision, decideAccess, pickLanguage } from './access/access-rule';

/** Who is asking: the signed-in user, or nobody. */
export type Viewer = { id: number; role: string } | null | undefined;

/** A course together with what one user may do in it. */
export interface CourseAccess {
  course: Course;
  decision: AccessDecision;
  /** The user's active enrolment, if any. */
  enrolment: Enrolment | null;
  cohort: Cohort | null;
  /** The language the course's modules are shown in for this user. */
  language: string;
}

/**
 * The one access rule for course content, for every feature that needs it:
 * an active enrolment, or staff (coordinators, admins, the course's facilitators).
 * Anyone else gets 404, the same answer as for a course that does not exist.
 */
@Injectable()
export class CourseAccessService {
  constructor(
    private readonly content: PublishedContentService,
    private readonly enrolments: EnrolmentsService,
    private readonly cohorts: CohortsService,
    private readonly clock: Clock,
  ) {}

  /** What the viewer may do in the course (nothing for a visitor). */
  async accessTo(viewer: Viewer, course: Course, wantedLanguage?: string): Promise<CourseAccess> {
    const language = pickLanguage(course.languages, wantedLanguage);
    if (!viewer)
      return {
        course,
        decision: decideAccess({ role: 'visitor', enrolment: null, cohort: null, facilitatesCourse: false, now: this.clock.now() }),
        enrolment: null,
        cohort: null,
        language,
      };
    // The enrolment and its cohort in one statement.
    const enrolment = await this.enrolments.activeWithCohort(viewer.id, course.id);
    // The relation loads the whole cohort row; the enrolment entity only names the shape it needs.
    const cohort = (enrolment?.cohort as Cohort | null | undefined) ?? null;
    const facilitatesCourse =
      viewer.role === 'facilitator' && !enrolment ? await this.cohorts.facilitatesCourse(viewer.id, course.id) : false;
    const decision = decideAccess({ role: viewer.role, enrolment, cohort, facilitatesCourse, now: this.clock.now() });
    return { course, decision, enrolment, cohort, language };
  }

  /**
   * The course page's view of a course: published courses for everyone,
   * unpublished ones only for those who may read them.
   */
  async findVisibleCourse(viewer: Viewer, slug: string, wantedLanguage?: string): Promise<CourseAccess> {
    const course = await this.content.courseBySlug(slug);
    if (!course) throw new NotFoundException();
    const access = await this.accessTo(viewer, course, wantedLanguage);
    if (!course.published && !access.decision.read) throw new NotFoundException();
    return access;
  }

  /** For the lessons and quizzes: 404 unless the viewer may read the course. */
  async requireReader(viewer: Viewer, slug: string, wantedLanguage?: string): Promise<CourseAccess> {
    const course = await this.content.courseBySlug(slug);
    if (!course) throw new NotFoundException();
    const access = await this.accessTo(viewer, course, wantedLanguage);
    // An enrolled learner waiting for the cohort to start is told why, not shown "not found".
    if (access.decision.reason === 'notStarted') throw new ForbiddenException('learning.errors.notStarted');
    if (!access.decision.read) throw new NotFoundException();
    return access;
  }

  /** For anything that records progress or starts an attempt: an enrolled learner whose access is still open. */
  async requireRecorder(viewer: Viewer, slug: string, wantedLanguage?: string): Promise<CourseAccess & { enrolment: Enrolment }> {
    const access = await this.requireReader(viewer, slug, wantedLanguage);
    assertCanRecord(access);
    return access as CourseAccess & { enrolment: Enrolment };
  }

  /** For other features: may this user read this course's content? */
  async canRead(viewer: Viewer, courseId: number): Promise<boolean> {
    const course = await this.content.courseById(courseId);
    return course ? (await this.accessTo(viewer, course)).decision.read : false;
  }
}

/** Staff only look; a learner whose cohort has ended reads but records nothing new. */
export function assertCanRecord(access: CourseAccess): asserts access is CourseAccess & { enrolment: Enrolment } {
  if (access.decision.as !== 'learner' || !access.enrolment) throw new ForbiddenException('learning.errors.staffPreview');
  if (!access.decision.record) throw new ForbiddenException('learning.errors.cohortEnded');
}
