import { createRequire } from 'node:module';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/** Everything printed, already translated and formatted: the renderer knows no language and no database. */
export interface CertificatePdfInput {
  language: string;
  heading: string;
  intro: string;
  holderName: string;
  action: string;
  courseTitle: string;
  /** Lines such as "Duración: 40 horas", "Cohorte: …", "Fecha: …". */
  details: string[];
  issuerName: string;
  signatories: { name: string; title: string }[];
  logo: { data: Uint8Array; type: string } | null;
  verifyUrl: string;
  /** e.g. "Verifique este certificado en" */
  verifyLabel: string;
  codeLabel: string;
  code: string;
  /** Fixed dates make the PDF's metadata reproducible. */
  issuedAt: Date;
  title: string;
}

const FONT_DIR = join(require.resolve('dejavu-fonts-ttf/package.json'), '..', 'ttf');
const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', title: 'DejaVuSerif-Bold.ttf' } as const;

type FontkitFont = { layout: (...args: unknown[]) => unknown };
// pdfkit parses a font file on every registerFont (about 150 ms each); its own fontkit, given a parsed
// font, skips that, so a long-lived renderer (the worker) parses the three fonts once. pdfkit still
// subsets each font per document: only the glyphs used are embedded.
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { openSync(path: string): FontkitFont };
let fonts: Record<keyof typeof FONT_FILES, FontkitFont> | undefined;
function loadFonts(): Record<keyof typeof FONT_FILES, FontkitFont> {
  fonts ??= {
    regular: fontkit.openSync(join(FONT_DIR, FONT_FILES.regular)),
    bold: fontkit.openSync(join(FONT_DIR, FONT_FILES.bold)),
    title: fontkit.openSync(join(FONT_DIR, FONT_FILES.title)),
  };
  return fonts;
}

// A4 landscape in points; everything is black on white so it prints on any office printer.
const WIDTH = 841.89;
const HEIGHT = 595.28;
const MARGIN = 48;
const TEXT_WIDTH = WIDTH - 2 * MARGIN - 40;

/** Largest size from `sizes` at which `text` fits in `maxLines` lines of the text width. */
function fittingSize(doc: PDFKit.PDFDocument, font: string, text: string, sizes: number[], maxLines: number): number {
  for (const size of sizes) {
    doc.font(font).fontSize(size);
    if (doc.heightOfString(text, { width: TEXT_WIDTH, align: 'center' }) <= doc.currentLineHeight(true) * maxLines + 1) return size;
  }
  return sizes[sizes.length - 1];
}

export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  const qr = await QRCode.toBuffer(input.verifyUrl, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 2,
    scale: 4,
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    lang: input.language,
    info: {
      Title: input.title,
      Author: input.issuerName,
      Subject: input.courseTitle,
      CreationDate: input.issuedAt,
      ModDate: input.issuedAt,
    },
    autoFirstPage: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, font] of Object.entries(loadFonts())) doc.registerFont(name, font as unknown as Buffer);

  // Frame: a thick and a thin line.
  doc
    .lineWidth(3)
    .rect(20, 20, WIDTH - 40, HEIGHT - 40)
    .stroke('#000000');
  doc
    .lineWidth(0.8)
    .rect(28, 28, WIDTH - 56, HEIGHT - 56)
    .stroke('#000000');

  const left = MARGIN + 20;
  let y = MARGIN + 6;
  if (input.logo) {
    try {
      doc.image(Buffer.from(input.logo.data), left, y, { fit: [150, 60] });
    } catch {
      // An unreadable logo leaves the space empty rather than failing the certificate.
    }
  }
  doc
    .font('bold')
    .fontSize(12)
    .fillColor('#000000')
    .text(input.issuerName, left, y + 18, { width: TEXT_WIDTH, align: 'center' });
  y += 80;

  doc.font('title').fontSize(30).text(input.heading, left, y, { width: TEXT_WIDTH, align: 'center', characterSpacing: 1 });
  y = doc.y + 14;
  doc.font('regular').fontSize(13).text(input.intro, left, y, { width: TEXT_WIDTH, align: 'center' });
  y = doc.y + 10;

  // Long names (and long course titles) wrap and shrink to fit instead of running off the page.
  const nameSize = fittingSize(doc, 'bold', input.holderName, [28, 24, 20, 17, 15], 2);
  doc
    .font('bold')
    .fontSize(nameSize)
    .text(input.holderName, left, y, { width: TEXT_WIDTH, align: 'center', height: nameSize * 2.6, ellipsis: true });
  y = doc.y + 10;
  doc.font('regular').fontSize(13).text(input.action, left, y, { width: TEXT_WIDTH, align: 'center' });
  y = doc.y + 8;
  const titleSize = fittingSize(doc, 'bold', input.courseTitle, [19, 16, 14, 12], 2);
  doc
    .font('bold')
    .fontSize(titleSize)
    .text(input.courseTitle, left, y, { width: TEXT_WIDTH, align: 'center', height: titleSize * 2.6, ellipsis: true });
  y = doc.y + 12;
  doc.font('regular').fontSize(11);
  for (const line of input.details) {
    doc.text(line, left, y, { width: TEXT_WIDTH, align: 'center' });
    y = doc.y + 2;
  }

  // Signatures (up to two) along the bottom, left of the QR code.
  const baseline = HEIGHT - 118;
  const signatures = input.signatories.slice(0, 2);
  const slot = 210;
  signatures.forEach((signatory, index) => {
    const x = left + 20 + index * (slot + 30);
    doc
      .lineWidth(0.8)
      .moveTo(x, baseline)
      .lineTo(x + slot, baseline)
      .stroke('#000000');
    doc
      .font('bold')
      .fontSize(10.5)
      .text(signatory.name, x, baseline + 6, { width: slot, align: 'center' });
    doc
      .font('regular')
      .fontSize(9)
      .text(signatory.title, x, doc.y + 1, { width: slot, align: 'center' });
  });

  // QR code and the short address, bottom right.
  const qrSize = 92;
  const qrX = WIDTH - MARGIN - 20 - qrSize;
  const qrY = HEIGHT - MARGIN - 12 - qrSize - 28;
  doc.image(qr, qrX, qrY, { width: qrSize, height: qrSize });
  const infoWidth = 300;
  const infoX = WIDTH - MARGIN - 20 - infoWidth;
  doc
    .font('regular')
    .fontSize(7.5)
    .text(input.verifyLabel, infoX, qrY + qrSize + 3, { width: infoWidth, align: 'right' });
  doc.font('bold').fontSize(7.5).text(input.verifyUrl, infoX, doc.y, { width: infoWidth, align: 'right' });
  doc
    .font('regular')
    .fontSize(9)
    .text(`${input.codeLabel}: `, left, HEIGHT - MARGIN - 12, { continued: true })
    .font('bold')
    .text(input.code);

  doc.end();
  return done;
}
