import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createApp, prepareData } from '../app.bootstrap';
import { loadConfig } from '../config/app-config';
import { UsersService } from '../users/users.service';

/** npm run user:create-admin -- --email you@example.org [--name "..."] [--password "..."] */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } } });
  if (!values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) {
    console.error(
      'Usage: npm run user:create-admin -- --email admin@example.org [--name "Full name"] [--password "at least 8 characters"]',
    );
    process.exit(2);
  }
  if (values.password !== undefined && values.password.length < 8) {
    console.error('The password must have at least 8 characters.');
    process.exit(2);
  }
  const config = { ...loadConfig(process.env), seedDemo: false };
  const app = await createApp(config, { logger: ['error', 'warn'] });
  await prepareData(app, config);
  const users = app.get(UsersService);
  const existing = await users.findByEmail(values.email);
  if (existing) {
    await users.changeRole({ id: -1, role: 'admin' }, existing.id, 'admin');
    console.log(`${existing.email} is now an admin.`);
  } else {
    const password = values.password ?? randomBytes(12).toString('base64url');
    await users.create({
      email: values.email,
      password,
      name: values.name ?? 'Administrator',
      role: 'admin',
      institution: 'other',
      institutionOther: 'Platform administration',
      position: 'Administrator',
      country: 'SV',
      department: '-',
      dutyStation: '-',
      sex: 'prefer_not_to_say',
      ageGroup: '35-44',
      preferredLanguage: 'es',
    });
    console.log(`Admin created: ${values.email}`);
    if (!values.password) console.log(`Temporary password (shown once, change it after signing in): ${password}`);
  }
  await app.close();
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
