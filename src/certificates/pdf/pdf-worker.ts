import { parentPort } from 'node:worker_threads';
import { CertificatePdfInput, renderCertificatePdf } from './certificate-pdf';

/** Runs in a worker thread: PDF layout and font subsetting never hold up the server's event loop. */
parentPort?.on('message', (message: { id: number; input: CertificatePdfInput }) => {
  renderCertificatePdf(message.input).then(
    (pdf) => {
      const bytes = new Uint8Array(pdf); // a copy that owns its memory, so it can be transferred
      parentPort?.postMessage({ id: message.id, pdf: bytes }, [bytes.buffer]);
    },
    (error: unknown) => parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
