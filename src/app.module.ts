import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { buildDataSourceOptions } from '../ormconfig';
import { AuthModule } from './auth/auth.module';
import { CertificatesModule } from './certificates/certificates.module';
import { CohortsModule } from './cohorts/cohorts.module';
import { AccessGuard } from './common/access.guard';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { CommonModule } from './common/common.module';
import { MultipartCsrfGuard } from './common/multipart-csrf';
import { ContentModule } from './content/content.module';
import { createValidationPipe } from './common/validation';
import { tuneSqlite } from './database/sqlite-pragmas';
import { serialiseSqliteTransactions } from './database/sqlite-transactions';
import { AppConfig } from './config/app-config';
import { HealthController } from './health/health.controller';
import { HomeController } from './home/home.controller';
import { LanguageModule } from './language/language.module';
import { LearningModule } from './learning/learning.module';
import { MailModule } from './mail/mail.module';
import { QuizzesModule } from './quizzes/quizzes.module';
import { ReportsModule } from './reports/reports.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CommonModule.register(config),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...buildDataSourceOptions(config.database), retryAttempts: 2, retryDelay: 1000 }),
          dataSourceFactory: async (options) =>
            serialiseSqliteTransactions(await tuneSqlite(await new DataSource(options as DataSourceOptions).initialize())),
        }),
        UsersModule,
        AuthModule,
        ContentModule,
        CohortsModule,
        LearningModule,
        QuizzesModule,
        MailModule,
        LanguageModule,
        CertificatesModule,
        ReportsModule,
      ],
      controllers: [HealthController, HomeController],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: MultipartCsrfGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
