import type { Server } from 'node:http';
import request from 'supertest';
import { csrfTokenFrom } from '../../utils/test-app';

/**
 * Parallel form posts, the way a script hammers a form: every browser first
 * loads the page for its CSRF token, then all posts leave at once. Each post
 * may come from its own client address (X-Forwarded-For; the app trusts one
 * proxy hop in these tests), so per-account and per-address limits can be
 * tested apart.
 */
export async function burst(
  servers: Server[],
  pagePath: string,
  actionPath: string,
  fieldsOf: (i: number) => Record<string, string>,
  count: number,
  addressOf: (i: number) => string = () => '198.51.100.1',
): Promise<number[]> {
  const ready = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const agent = request.agent(servers[i % servers.length]);
      const page = await agent.get(pagePath);
      return { agent, token: csrfTokenFrom(page.text) };
    }),
  );
  const responses = await Promise.all(
    ready.map(({ agent, token }, i) =>
      agent
        .post(actionPath)
        .set('X-Forwarded-For', addressOf(i))
        .type('form')
        .send({ ...fieldsOf(i), _csrf: token }),
    ),
  );
  return responses.map((response) => response.status);
}

export function tally(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** A different documentation address (RFC 5737) for each request. */
export const addressNumber = (prefix: string) => (i: number) => `${prefix}.${Math.floor(i / 250)}.${(i % 250) + 1}`;
