import { Controller, Get, Query, Render } from '@nestjs/common';
import { Authenticated } from '../../common/access.decorators';
import { CurrentUser } from '../../common/current-user.decorator';
import { translator } from '../../i18n/i18n';
import type { User } from '../../users/user.entity';
import { QuestionsQuery } from '../dto/report-filter.query';
import { QuestionAnalysisService } from './question-analysis.service';
import { Lang } from '../../common/lang.decorator';
import { courseTitle } from '../../content/course-title';

/** Question analysis for facilitators and coordinators: which questions need rewriting. */
@Controller('reports/questions')
@Authenticated()
export class QuestionsController {
  constructor(private readonly analysis: QuestionAnalysisService) {}

  @Get()
  @Render('reports/questions')
  async page(@Query() query: QuestionsQuery, @CurrentUser() user: User, @Lang() lang: string) {
    const result = await this.analysis.analyse(user, query.course, query.cohort, lang);
    const t = translator(lang);
    return {
      pageTitle: t('reports.questions.title'),
      query,
      courses: result.courses.map((course) => ({
        id: course.id,
        title: courseTitle(course, lang),
      })),
      cohorts: result.cohorts.map((cohort) => ({ id: cohort.id, name: cohort.name })),
      course: result.course,
      quizzes: result.quizzes,
    };
  }
}
