import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { Role } from '../../src/common/roles';
import { ProfileFieldsDto } from '../../src/users/dto/profile-fields.dto';
import { User } from '../../src/users/user.entity';
import { UsersService } from '../../src/users/users.service';
import { Agent, submitForm } from './test-app';

let sequence = 0;

export const DEFAULT_PASSWORD = 'correct horse battery staple';

export function profileFields(overrides: Partial<ProfileFieldsDto> = {}): ProfileFieldsDto {
  return {
    name: 'Rosa Martínez',
    institution: 'pnc',
    position: 'Agente de fronteras',
    country: 'SV',
    department: 'La Unión',
    dutyStation: 'El Amatillo',
    sex: 'female',
    ageGroup: '25-34',
    preferredLanguage: 'es',
    ...overrides,
  };
}

export async function createUser(
  app: NestExpressApplication,
  overrides: Partial<{ email: string; role: Role; password: string; name: string; preferredLanguage: string }> = {},
): Promise<User> {
  sequence += 1;
  const fields = profileFields();
  return app.get(UsersService).create({
    ...fields,
    email: overrides.email ?? `user${sequence}-${Date.now()}@example.org`,
    password: overrides.password ?? DEFAULT_PASSWORD,
    role: overrides.role ?? 'learner',
    name: overrides.name ?? `${fields.name} ${sequence}`,
    preferredLanguage: overrides.preferredLanguage ?? 'es',
  });
}

/** A signed-in browser-like agent (cookies kept between requests). */
export async function signedInAgent(app: NestExpressApplication, user: { email: string }, password = DEFAULT_PASSWORD): Promise<Agent> {
  const agent = request.agent(app.getHttpServer());
  const response = await submitForm(agent, '/auth/login', '/auth/login', { email: user.email, password });
  if (response.status !== 303) throw new Error(`Login failed with ${response.status}`);
  return agent;
}
