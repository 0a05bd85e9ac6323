import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContentModule } from '../content/content.module';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { CompletionService } from './completion.service';
import { ModuleProgress } from './module-progress.entity';
import { ProgressService } from './progress.service';

/**
 * Learner progress (module_progress) and the one progress read model with the
 * completion rule. The pre-test scores come through the PreTestScores port,
 * which QuizzesModule provides globally.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ModuleProgress]), EnrolmentsModule, ContentModule],
  providers: [ProgressService, CompletionService],
  exports: [ProgressService, CompletionService],
})
export class ProgressModule {}
