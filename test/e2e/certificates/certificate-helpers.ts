import type { NestExpressApplication } from '@nestjs/platform-express';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type request from 'supertest';
import { DataSource, FindOptionsWhere } from 'typeorm';
import { Certificate } from '../../../src/certificates/entities/certificate.entity';
import { PROJECT_ROOT } from '../../../src/config/project-root';
import { User } from '../../../src/users/user.entity';
import { enrolledCourse } from '../../utils/course-factories';
import { Agent, submitForm } from '../../utils/test-app';

const run = promisify(execFile);

/** A two-module course without quizzes or tests: marking both modules completes it. */
export async function simpleCourse(app: NestExpressApplication, learner: User) {
  return enrolledCourse(app, learner, {
    hasPreTest: false,
    hasPostTest: false,
    assessment: null,
    completionRule: { modules: true, quizzes: false, postTest: false },
    modules: [{ key: '01-inicio' }, { key: '02-cierre' }],
  });
}

export function markModule(agent: Agent, slug: string, key: string) {
  return submitForm(agent, `/courses/${slug}/modules/${key}`, `/courses/${slug}/modules/${key}/complete`, {});
}

/** Completes the course through the real pages (both modules marked). */
export async function completeCourse(agent: Agent, slug: string): Promise<void> {
  for (const key of ['01-inicio', '02-cierre']) {
    const response = await markModule(agent, slug, key);
    if (response.status !== 303) throw new Error(`Marking ${key} failed with ${response.status}`);
  }
}

export function certificatesOf(app: NestExpressApplication, where: FindOptionsWhere<Certificate>): Promise<Certificate[]> {
  return app
    .get(DataSource)
    .getRepository(Certificate)
    .find({ where, order: { id: 'ASC' } });
}

function binaryParser(response: NodeJS.ReadableStream, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** A download as bytes (supertest would otherwise decode it as text). */
export async function download(test: request.Test): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const response = await test.buffer(true).parse(binaryParser as unknown as Parameters<request.Test['parse']>[0]);
  return { status: response.status, headers: response.headers as Record<string, string>, body: response.body as Buffer };
}

/** The PDF's text and the decoded content of the QR code embedded in it (pdf-parse runs in a child process). */
export async function readPdf(pdf: Buffer): Promise<{ text: string; qr: string | null; pages: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'certificate-pdf-'));
  try {
    const file = join(dir, 'certificate.pdf');
    writeFileSync(file, pdf);
    const { stdout } = await run(process.execPath, ['--require', 'ts-node/register/transpile-only', join(__dirname, 'read-pdf.ts'), file], {
      maxBuffer: 20 * 1024 * 1024,
      env: { ...process.env, TS_NODE_PROJECT: join(PROJECT_ROOT, 'tsconfig.json') },
    });
    const parsed = JSON.parse(stdout) as { text: string; pages: number; images: { png: string }[] };
    let qr: string | null = null;
    for (const image of parsed.images) {
      const png = PNG.sync.read(Buffer.from(image.png, 'base64'));
      qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? qr;
    }
    return { text: parsed.text, qr, pages: parsed.pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text with line breaks (and the hyphen a wrapped line may add) taken out, to find a wrapped name. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/- /g, '-');
}
