import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PreTestScores } from '../progress/pre-test-scores';
import { QuizAttempt } from './entities/quiz-attempt.entity';
import { PreTestScoresFromAttempts } from './pre-test-scores.service';

/**
 * What progress needs from the attempts, without importing quizzes: the
 * PreTestScores port, provided globally so ProgressModule (below quizzes)
 * can inject it.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([QuizAttempt])],
  providers: [{ provide: PreTestScores, useClass: PreTestScoresFromAttempts }],
  exports: [PreTestScores],
})
export class QuizResultsModule {}
