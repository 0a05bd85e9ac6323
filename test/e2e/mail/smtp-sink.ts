import { AddressInfo, createServer, Server, Socket } from 'node:net';

/** One message as the SMTP server received it, with its MIME parts decoded for assertions. */
export interface CapturedMail {
  from: string;
  to: string[];
  /** The raw DATA, as sent. */
  raw: string;
  /** Decoded Subject header. */
  subject: string;
  /** Every text part (plain and HTML), transfer-decoded, one after the other. */
  body: string;
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=) in a header. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_all, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function splitHeaders(entity: string): { headers: Record<string, string>; body: string } {
  const at = entity.indexOf('\r\n\r\n');
  const head = at === -1 ? entity : entity.slice(0, at);
  const body = at === -1 ? '' : entity.slice(at + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

/** The text of a MIME entity: multipart parts walked recursively, each part transfer-decoded. */
function textOf(entity: string): string {
  const { headers, body } = splitHeaders(entity);
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (boundary)
    return body
      .split(`--${boundary}`)
      .slice(1, -1)
      .map((part) => textOf(part.replace(/^\r\n/, '')))
      .join('\n');
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/**
 * A real SMTP server, just enough of one (EHLO/HELO, MAIL, RCPT, DATA, RSET,
 * NOOP, QUIT), on 127.0.0.1 and a free port: the app talks to it exactly as to
 * a mail relay, and the test reads what arrived.
 */
export class SmtpSink {
  readonly messages: CapturedMail[] = [];
  private readonly waiting: { count: number; resolve: (messages: CapturedMail[]) => void }[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<SmtpSink> {
    const server = createServer();
    const sink = new SmtpSink(server);
    server.on('connection', (socket) => sink.converse(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves once at least `count` messages have arrived in total (no timer: Jest's own timeout applies). */
  received(count: number): Promise<CapturedMail[]> {
    if (this.messages.length >= count) return Promise.resolve(this.messages.slice(0, count));
    return new Promise((resolve) => this.waiting.push({ count, resolve }));
  }

  /** Resolves with the first message to this address, once it has arrived. */
  async firstTo(address: string): Promise<CapturedMail> {
    for (let count = 1; ; count += 1) {
      const message = (await this.received(count))[count - 1];
      if (message.to.includes(address)) return message;
    }
  }

  to(address: string): CapturedMail[] {
    return this.messages.filter((message) => message.to.includes(address));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private converse(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    let inData = false;
    let data: string[] = [];
    let envelope: { from: string; to: string[] } = { from: '', to: [] };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 sink.test ESMTP ready');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) !== -1) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            this.store(envelope, Buffer.from(data.join('\r\n'), 'latin1').toString('utf8'));
            envelope = { from: '', to: [] };
            data = [];
            reply('250 2.0.0 queued');
          } else {
            data.push(line.startsWith('..') ? line.slice(1) : line);
          }
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === 'EHLO') {
          reply('250-sink.test');
          reply('250-8BITMIME');
          reply('250 SMTPUTF8');
        } else if (command === 'HELO' || command === 'NOOP') reply('250 ok');
        else if (command === 'MAIL') {
          envelope = { from: /<([^>]*)>/.exec(line)?.[1] ?? '', to: [] };
          reply('250 ok');
        } else if (command === 'RCPT') {
          envelope.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          reply('250 ok');
        } else if (command === 'DATA') {
          inData = true;
          reply('354 end with <CRLF>.<CRLF>');
        } else if (command === 'RSET') {
          envelope = { from: '', to: [] };
          reply('250 ok');
        } else if (command === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('502 not implemented');
      }
    });
  }

  private store(envelope: { from: string; to: string[] }, raw: string): void {
    const { headers } = splitHeaders(raw);
    this.messages.push({ ...envelope, raw, subject: decodeHeader(headers.subject ?? ''), body: textOf(raw) });
    for (const waiter of [...this.waiting]) {
      if (this.messages.length >= waiter.count) {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        waiter.resolve(this.messages.slice(0, waiter.count));
      }
    }
  }
}

/** A port on 127.0.0.1 where nothing listens (bound, then released), for "mail server unreachable". */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
