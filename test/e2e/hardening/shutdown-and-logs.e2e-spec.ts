import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { createServer, AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createTestDatabase, TestDatabase } from '../../utils/test-database';

const ROOT = join(__dirname, '..', '..', '..');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A POST whose body arrives in two halves, `gap` apart, with `during` run in the gap (while the request is in flight). */
function slowPost(
  port: number,
  path: string,
  body: string,
  headers: Record<string, string>,
  gap: number,
  during: () => void,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { ...headers, 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    setTimeout(() => {
      during();
      setTimeout(() => req.end(body.slice(half)), gap);
    }, 200);
  });
}

describe('the built app (dist/) in production-like operation', () => {
  let database: TestDatabase;
  let child: ChildProcess;
  let output = '';
  let port: number;
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  beforeAll(async () => {
    const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
    database = await createTestDatabase();
    port = await freePort();
    const databaseUrl = database.config.kind === 'sqlite' ? `sqlite:${database.config.path}` : database.config.url;
    child = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        LOG_FORMAT: 'json',
        SHUTDOWN_TIMEOUT_MS: '15000',
        SEED_DEMO: 'false',
        CONTENT_IMPORT_ON_START: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    for (let waited = 0; !output.includes('Listening on'); waited += 100) {
      if (waited > 90_000 || child.exitCode !== null) throw new Error(`The app did not start:\n${output}`);
      await pause(100);
    }
  }, 240_000);

  afterAll(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await database.drop();
  });

  it('finishes a request in flight on SIGTERM, refuses new ones, exits 0, and logs one JSON line per request without personal data', async () => {
    const page = await fetch(`http://127.0.0.1:${port}/auth/login`);
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0];
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const email = 'rosa.secreta@example.org';
    const password = 'frase-secreta-que-no-debe-salir';
    const body = new URLSearchParams({ email, password, _csrf: token }).toString();

    let refusedWhileClosing: unknown = null;
    const answer = await slowPost(
      port,
      '/auth/login',
      body,
      { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
      1500,
      () => {
        child.kill('SIGTERM');
        setTimeout(() => {
          fetch(`http://127.0.0.1:${port}/healthz`).then(
            () => (refusedWhileClosing = false),
            (error: unknown) => (refusedWhileClosing = error),
          );
        }, 700);
      },
    );
    // The sign-in was checked after SIGTERM and answered in full: wrong credentials, the form again.
    expect(answer.status).toBe(401);
    expect(answer.body).toContain('</html>');
    expect(await exited).toEqual({ code: 0, signal: null });
    // A new connection during the shutdown was refused (fetch failed), not served.
    expect(refusedWhileClosing).toEqual(expect.objectContaining({ message: 'fetch failed' }));

    const lines = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = lines.filter((line) => line.msg === 'request');
    expect(requests.map((line) => [line.method, line.route, line.status])).toEqual([
      ['GET', '/auth/login', 200],
      ['POST', '/auth/login', 401],
    ]);
    expect(requests[1]).toMatchObject({ level: 'warn', userId: null, requestId: answer.headers['x-request-id'] });
    expect(requests[1].durationMs).toBeGreaterThan(1000);
    // Application logs are JSON lines too; nothing anywhere carries the email, the password, the cookie or the token.
    expect(lines.some((line) => String(line.message ?? '').includes('Listening on'))).toBe(true);
    for (const secret of [email, password, cookie.split('=')[1], token]) expect(output).not.toContain(secret);
  }, 120_000);
});
