import { Injectable, NotFoundException } from '@nestjs/common';
import { CourseModule } from '../content/entities/course-module.entity';
import { ModuleVersion } from '../content/entities/module-version.entity';
import { CourseAccess } from '../learning/course-access.service';
import { PublishedContentService } from '../content/published-content.service';
import { links } from '../learning/learning.service';
import type { QuizKind } from './entities/quiz-attempt.entity';
import type { EffectiveQuizSettings } from './grading/quiz.types';
import { effectiveSettings } from './grading/settings';
import { quizBasePath, type QuizTarget } from './quiz-route';

export type { QuizTarget } from './quiz-route';

export interface ResolvedQuiz {
  kind: QuizKind;
  /** The lesson module, or the course's assessment module for the tests. */
  module: CourseModule;
  /** Its current version in the reader's language: what a new attempt answers. */
  version: ModuleVersion;
  settings: EffectiveQuizSettings;
  /** Quiz page; start is basePath/start, an attempt basePath/attempts/:id. */
  basePath: string;
  /** Where the learner came from: the module page, or the course page for the tests. */
  backHref: string;
}

/** Finds the quiz behind a route; 404 when the course has no such quiz (or it has no questions). */
@Injectable()
export class QuizResolver {
  constructor(private readonly content: PublishedContentService) {}

  async resolve(access: CourseAccess, target: QuizTarget): Promise<ResolvedQuiz> {
    const { course } = access;
    const module = target.kind === 'module' ? await this.content.findLesson(course, target.key) : await this.content.findAssessment(course);
    const offered = target.kind === 'module' || (target.kind === 'pre' ? course.hasPreTest : course.hasPostTest);
    const version = module && offered ? await this.content.currentVersion(course, module, access.language) : null;
    if (!module || !version || version.questions.length === 0) throw new NotFoundException();
    const moduleHref = links.module(course.slug, module.key);
    return {
      kind: target.kind,
      module,
      version,
      settings: effectiveSettings(course, version.quizSettings, target.kind),
      basePath: quizBasePath(course.slug, target.kind === 'module' ? { kind: 'module', key: module.key } : target),
      backHref: target.kind === 'module' ? moduleHref : links.course(course.slug),
    };
  }
}
