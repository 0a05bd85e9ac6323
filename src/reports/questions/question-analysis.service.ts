import { Injectable, NotFoundException } from '@nestjs/common';
import { formatNumber } from '../../i18n/i18n';
import type { Course } from '../../content/entities/course.entity';
import type { CourseModule } from '../../content/entities/course-module.entity';
import { ModuleVersionsReader } from '../../content/module-versions.reader';
import { AttemptReader } from '../../quizzes/attempt-reader';
import type { QuizKind } from '../../quizzes/entities/quiz-attempt.entity';
import { ReportSources } from '../report-sources';
import { rosterQueryFrom, ReportScope } from '../roster/report-filter';
import { ReportActor, ReportScopeService } from '../scope/report-scope.service';
import { questionLine, questionStatistics, QuestionStats } from './question-stats';

export interface QuizAnalysis {
  kind: QuizKind;
  module: CourseModule;
  title: string;
  file: string;
  editorHref: string;
  responses: number;
  questions: (QuestionStats & {
    prompt: string;
    line: number | null;
    optionTexts: Record<string, string>;
    shareText: string;
    discriminationText: string;
  })[];
}

/** Visible text of stored (already sanitised) HTML, for a short label. */
export function plainText(html: string, max = 160): string {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Per quiz and pre/post-test of a course, how each question behaved, for the learners in scope. */
@Injectable()
export class QuestionAnalysisService {
  constructor(
    private readonly scopes: ReportScopeService,
    private readonly sources: ReportSources,
    private readonly versions: ModuleVersionsReader,
    private readonly attempts: AttemptReader,
  ) {}

  async analyse(actor: ReportActor, courseId: number | undefined, cohortId: number | undefined, lang: string) {
    const scope = await this.scopes.scopeFor(actor);
    const cohorts = await this.scopes.cohortsInScope(scope);
    const courses = [...new Map(cohorts.map((cohort) => [cohort.course.id, cohort.course])).values()];
    if (courseId === undefined) return { courses, cohorts: [], course: null, quizzes: [] };
    const course = courses.find((item) => item.id === courseId);
    if (!course) throw new NotFoundException();
    const courseCohorts = cohorts.filter((cohort) => cohort.courseId === course.id);
    if (cohortId !== undefined && !courseCohorts.some((cohort) => cohort.id === cohortId)) throw new NotFoundException();
    const learners = await this.learnersIn(scope, course.id, cohortId);
    const language = course.languages.includes(lang) ? lang : course.languages[0];
    const quizzes: QuizAnalysis[] = [];
    for (const module of await this.versions.activeModules(course.id)) {
      const kinds: QuizKind[] =
        module.kind === 'lesson'
          ? ['module']
          : [...(course.hasPreTest ? ['pre' as const] : []), ...(course.hasPostTest ? ['post' as const] : [])];
      for (const kind of kinds) {
        const analysis = await this.quiz(course, module, kind, language, learners, lang);
        if (analysis) quizzes.push(analysis);
      }
    }
    return { courses, cohorts: courseCohorts, course, quizzes };
  }

  /** Learners whose answers count: a cohort's, the scope's cohorts of the course, or everyone (undefined). */
  private async learnersIn(scope: ReportScope, courseId: number, cohortId: number | undefined): Promise<number[] | undefined> {
    if (cohortId === undefined && scope.kind === 'all') return undefined;
    const query = rosterQueryFrom({ course: courseId, cohort: cohortId }, scope);
    return [...new Set(await this.sources.userIds(query))];
  }

  private async quiz(
    course: Course,
    module: CourseModule,
    kind: QuizKind,
    language: string,
    learners: number[] | undefined,
    lang: string,
  ): Promise<QuizAnalysis | null> {
    const current = await this.versions.currentVersion(module.id, language);
    if (!current?.questions.length) return null;
    const attempts = await this.attempts.firstSubmitted(course.id, module.id, kind, learners);
    const answered = new Map(
      (await this.versions.versionsByIds(attempts.map((attempt) => attempt.moduleVersionId))).map((version) => [version.id, version]),
    );
    const responses = attempts.flatMap((attempt) => {
      const version = answered.get(attempt.moduleVersionId);
      return version ? [{ score: attempt.score ?? 0, layout: attempt.layout, answers: attempt.answers, questions: version.questions }] : [];
    });
    const file = module.kind === 'assessment' ? `assessment.${language}.md` : `${module.key}.${language}.md`;
    const stats = questionStatistics(current.questions, responses);
    return {
      kind,
      module,
      title: current.title,
      file,
      editorHref: `/authoring/courses/${encodeURIComponent(course.slug)}/files/${encodeURIComponent(file)}`,
      responses: responses.length,
      questions: stats.map((item, index) => ({
        ...item,
        prompt: plainText(current.questions[index].promptHtml),
        line: questionLine(current.sourceText, item.questionId),
        shareText: item.shareCorrect === null ? '—' : `${formatNumber(item.shareCorrect * 100, lang, 0)} %`,
        discriminationText: item.discrimination === null ? '—' : formatNumber(item.discrimination, lang, 2),
        optionTexts: Object.fromEntries(current.questions[index].options.map((option) => [option.id, plainText(option.textHtml, 80)])),
      })),
    };
  }
}
