import { QuizFormPage } from './quiz-form.page';
import { Module } from '@nestjs/common';
import { LanguageModule } from '../language/language.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LearningCoreModule } from '../learning/learning-core.module';
import { AttemptReader } from './attempt-reader';
import { AttemptsService } from './attempts.service';
import { QuizAttempt } from './entities/quiz-attempt.entity';
import { QuizPagesService } from './quiz-pages.service';
import { QuizResolver } from './quiz-resolver.service';
import { QuizResultsModule } from './quiz-results.module';
import { QuizzesController } from './quizzes.controller';

/** Module quizzes, pre-test and post-test: attempts (this feature owns quiz_attempt), server-side grading, results and history. */
@Module({
  imports: [TypeOrmModule.forFeature([QuizAttempt]), QuizResultsModule, LearningCoreModule, LanguageModule],
  controllers: [QuizzesController],
  providers: [AttemptsService, QuizPagesService, QuizResolver, AttemptReader, QuizFormPage],
  exports: [AttemptsService, AttemptReader],
})
export class QuizzesModule {}
