// Reads a PDF (path in argv[2]) with pdf-parse in a plain Node process: pdf.js is an ES module
// that Jest's CommonJS runtime cannot load. Prints { text, pages, images: [{ png }] } as JSON.
import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';

async function main(): Promise<void> {
  const parser = new PDFParse({ data: new Uint8Array(readFileSync(process.argv[2])) });
  try {
    const text = await parser.getText();
    const images = await parser.getImage({ imageThreshold: 0, imageDataUrl: false });
    const list = images.pages.flatMap((page) => page.images).map((image) => ({ png: Buffer.from(image.data).toString('base64') }));
    process.stdout.write(JSON.stringify({ text: text.text, pages: text.pages.length, images: list }));
  } finally {
    await parser.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
