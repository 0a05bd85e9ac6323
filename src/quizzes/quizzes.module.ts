import { Module } from '@nestjs/common';
import { LanguageModule } from '../language/language.module';
import { LearningCoreModule } from '../learning/learning-core.module';
import { AttemptsService } from './attempts.service';
import { QuizPagesService } from './quiz-pages.service';
import { QuizResolver } from './quiz-resolver.service';
import { QuizzesController } from './quizzes.controller';

/** Module quizzes, pre-test and post-test: attempts, server-side grading, results and history. */
@Module({
  imports: [LearningCoreModule, LanguageModule],
  controllers: [QuizzesController],
  providers: [AttemptsService, QuizPagesService, QuizResolver],
  exports: [AttemptsService],
})
export class QuizzesModule {}
