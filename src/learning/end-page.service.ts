import { Injectable } from '@nestjs/common';
import { PublishedContentService } from '../content/published-content.service';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { knowledgeGain } from '../progress/completion-rule';
import { ProgressService } from '../progress/progress.service';
import { localized } from '../i18n/text';
import { pickLanguage } from './access/access-rule';
import { CourseAccessService, Viewer } from './course-access.service';
import { courseSummary, links } from './learning.service';
import { relatedCourses } from './related-courses';

/**
 * The completed learner's end page: the result, the knowledge gain, the certificate
 * (a slot the certificates feature fills), and courses to take next.
 */
@Injectable()
export class EndPageService {
  constructor(
    private readonly content: PublishedContentService,
    private readonly enrolments: EnrolmentsService,
    private readonly access: CourseAccessService,
    private readonly progress: ProgressService,
  ) {}

  /** Null when the viewer has not completed the course (the controller sends them to the course page). */
  async endPage(viewer: Viewer, slug: string, language: string) {
    const access = await this.access.requireReader(viewer, slug, language);
    const { course, enrolment } = access;
    if (!viewer || access.decision.as !== 'learner' || !enrolment?.completedAt) return null;
    const progress = await this.progress.courseProgress(viewer.id, course, access.language, enrolment.lastModuleKey);
    const quizScores = progress.lessons.map((entry) => entry.quizScore).filter((score): score is number => score !== null);
    const [candidates] = await this.content.catalogue({}, 0, 50);
    const mine = await this.enrolments.currentForLearner(viewer.id);
    const done = new Set(mine.filter((row) => row.completedAt).map((row) => row.courseId));
    const enrolledIn = new Set(mine.map((row) => row.courseId));
    return {
      pageTitle: localized(course.title, pickLanguage(course.languages, access.language)),
      course: courseSummary(access),
      completedAt: enrolment.completedAt,
      result: {
        postTest: progress.postTest.offered ? { score: progress.postTest.score, passed: progress.postTest.passed } : null,
        preTest: progress.preTest.score,
        gain: knowledgeGain(progress.preTest.score, progress.postTest.score),
        quizAverage: quizScores.length ? quizScores.reduce((sum, score) => sum + score, 0) / quizScores.length : null,
        modules: progress.lessons.length,
      },
      certificate: { slug: course.slug, type: course.certificateType },
      related: relatedCourses(course, candidates, done).map((other) => ({
        title: localized(other.title, pickLanguage(other.languages, language)),
        summary: localized(other.summary, pickLanguage(other.languages, language)),
        href: enrolledIn.has(other.id) ? links.course(other.slug) : links.cohorts(other.slug),
        enrolled: enrolledIn.has(other.id),
      })),
      reviewHref: progress.lessons[0] ? links.module(course.slug, progress.lessons[0].module.key) : links.course(course.slug),
      attemptsHref: links.attempts(course.slug),
    };
  }
}
