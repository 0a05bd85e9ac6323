import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PROJECT_ROOT } from '../../config/project-root';
import type { CertificatePdfInput } from './certificate-pdf';

type Pending = { resolve: (pdf: Buffer) => void; reject: (error: Error) => void };

/**
 * Renders certificate PDFs in one long-lived worker thread (started on first use, fonts
 * parsed once there), so a burst of completions never blocks other users' pages.
 */
@Injectable()
export class PdfRendererService implements OnModuleDestroy {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  render(input: CertificatePdfInput): Promise<Buffer> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, input });
    });
  }

  async onModuleDestroy(): Promise<void> {
    // Let PDFs in progress finish (at most a few seconds) before stopping the worker.
    for (let waited = 0; this.pending.size > 0 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const file = join(__dirname, `pdf-worker${extname(__filename)}`);
    // Under ts-jest / ts-node the sources are TypeScript: the worker compiles them the same way.
    const typescript = extname(__filename) === '.ts';
    const worker = new Worker(file, {
      execArgv: typescript ? ['--require', 'ts-node/register/transpile-only'] : [],
      env: typescript ? { ...process.env, TS_NODE_PROJECT: join(PROJECT_ROOT, 'tsconfig.json') } : process.env,
    });
    worker.on('message', (message: { id: number; pdf?: Uint8Array; error?: string }) => {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (this.pending.size === 0) worker.unref();
      if (message.pdf) pending.resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength));
      else pending.reject(new Error(`PDF rendering failed: ${message.error ?? 'unknown error'}`));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`PDF worker stopped (exit code ${code})`)));
    // An idle worker must not keep the process alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
