import type { NestExpressApplication } from '@nestjs/platform-express';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import type { Cohort } from '../../../src/cohorts/entities/cohort.entity';
import type { CourseModule } from '../../../src/content/entities/course-module.entity';
import { ModuleVersion } from '../../../src/content/entities/module-version.entity';
import type { Enrolment } from '../../../src/enrolments/enrolment.entity';
import { ModuleProgress } from '../../../src/progress/module-progress.entity';
import { QuizAttempt, QuizKind } from '../../../src/quizzes/entities/quiz-attempt.entity';
import { UsersService } from '../../../src/users/users.service';
import type { User } from '../../../src/users/user.entity';
import { profileFields } from '../../utils/factories';
import type { Agent } from '../../utils/test-app';

let sequence = 0;

/** A learner with chosen profile fields (the summary groups by them). */
export async function learner(app: NestExpressApplication, overrides: Partial<User> & { name?: string } = {}): Promise<User> {
  sequence += 1;
  const fields = profileFields({ name: overrides.name ?? `Participante ${sequence}`, ...(overrides as object) });
  return app.get(UsersService).create({
    ...fields,
    email: overrides.email ?? `learner${sequence}-${Date.now()}@example.org`,
    password: 'correct horse battery staple',
    role: 'learner',
  });
}

/** A module's progress row as the learning pages would have written it. */
export async function progressRow(
  app: NestExpressApplication,
  user: User,
  module: CourseModule,
  values: { done?: boolean; score?: number | null; passed?: boolean },
): Promise<void> {
  const repository = app.get(DataSource).getRepository(ModuleProgress);
  await repository.save(
    repository.create({
      userId: user.id,
      courseId: module.courseId,
      moduleId: module.id,
      completedAt: values.done ? new Date() : null,
      quizScore: values.score ?? null,
      quizPassed: values.passed ?? false,
    }),
  );
}

/** A submitted attempt with the given answers (question id -> option ids) and score. */
export async function submittedAttempt(
  app: NestExpressApplication,
  user: User,
  module: CourseModule,
  kind: QuizKind,
  answers: Record<string, string[]>,
  score: number,
  attemptNumber = 1,
): Promise<QuizAttempt> {
  const data = app.get(DataSource);
  const version = await data.getRepository(ModuleVersion).findOneByOrFail({ moduleId: module.id, language: 'es', current: true });
  const repository = data.getRepository(QuizAttempt);
  const now = new Date();
  return repository.save(
    repository.create({
      userId: user.id,
      courseId: module.courseId,
      moduleId: module.id,
      moduleVersionId: version.id,
      kind,
      attemptNumber,
      status: 'submitted',
      language: 'es',
      layout: version.questions.map((question) => ({ questionId: question.id, optionIds: question.options.map((option) => option.id) })),
      answers,
      startedAt: now,
      submittedAt: now,
      deadlineAt: null,
      late: false,
      questionCount: version.questions.length,
      correctCount: Math.round((score * version.questions.length) / 100),
      score,
      passed: score >= 80,
      passMark: 80,
    }),
  );
}

export async function updateEnrolment(app: NestExpressApplication, enrolment: Enrolment, values: Partial<Enrolment>): Promise<void> {
  await app.get(DataSource).getRepository('enrolment').update({ id: enrolment.id }, values);
}

/** Supertest buffers binary bodies with this parser. */
export function binary(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

export async function downloadCsv(
  agent: Agent,
  path: string,
): Promise<{ status: number; rows: string[][]; headers: Record<string, string>; raw: Buffer }> {
  const response = await agent
    .get(path)
    .buffer(true)
    .parse(binary as never);
  const raw = response.body as Buffer;
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
  return {
    status: response.status,
    rows: response.status === 200 ? (parse(text.replace(/^\uFEFF/, '')) as string[][]) : [],
    headers: response.headers as Record<string, string>,
    raw,
  };
}

export async function downloadXlsx(
  agent: Agent,
  path: string,
): Promise<{ status: number; sheet: ExcelJS.Worksheet | null; headers: Record<string, string> }> {
  const response = await agent
    .get(path)
    .buffer(true)
    .parse(binary as never);
  if (response.status !== 200) return { status: response.status, sheet: null, headers: response.headers as Record<string, string> };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.body as ArrayBuffer);
  return { status: response.status, sheet: workbook.worksheets[0], headers: response.headers as Record<string, string> };
}

export const day = (date: Date) => date.toISOString().slice(0, 10);

export type { Cohort };
