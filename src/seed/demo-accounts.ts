import { Logger } from '@nestjs/common';
import { Role } from '../common/roles';
import { UsersService } from '../users/users.service';

export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
  name: string;
  institution: string;
  position: string;
  dutyStation: string;
  department: string;
  sex: string;
  ageGroup: string;
}

// Published in the README: for trying the site locally, never created in production.
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    role: 'learner',
    email: 'aprendiz@demo.test',
    password: 'demo-aprendiz-2026',
    name: 'Ana López (demo)',
    institution: 'dgme',
    position: 'Delegada de migración',
    dutyStation: 'La Hachadura',
    department: 'Ahuachapán',
    sex: 'female',
    ageGroup: '25-34',
  },
  {
    role: 'facilitator',
    email: 'facilitador@demo.test',
    password: 'demo-facilitador-2026',
    name: 'Carlos Rivera (demo)',
    institution: 'international_org',
    position: 'Facilitador de curso',
    dutyStation: 'San Salvador',
    department: 'San Salvador',
    sex: 'male',
    ageGroup: '35-44',
  },
  {
    role: 'coordinator',
    email: 'coordinadora@demo.test',
    password: 'demo-coordinadora-2026',
    name: 'María Hernández (demo)',
    institution: 'international_org',
    position: 'Coordinadora regional',
    dutyStation: 'San Salvador',
    department: 'San Salvador',
    sex: 'female',
    ageGroup: '45-54',
  },
  {
    role: 'admin',
    email: 'admin@demo.test',
    password: 'demo-admin-2026',
    name: 'Admin (demo)',
    institution: 'other',
    position: 'Administración de la plataforma',
    dutyStation: 'San Salvador',
    department: 'San Salvador',
    sex: 'prefer_not_to_say',
    ageGroup: '35-44',
  },
];

/** The demo account of a role, for demo data that links to it (cohorts, enrolments). */
export function demoAccount(role: Role): DemoAccount {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`No demo account for role ${role}`);
  return account;
}

/** Creates the demo accounts that are missing; existing ones are left as they are. */
export async function seedDemoAccounts(users: UsersService, logger = new Logger('DemoData')): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    if (!(await users.findByEmail(account.email))) {
      await users.create({
        ...account,
        institutionOther: account.institution === 'other' ? 'Demo' : undefined,
        country: 'SV',
        preferredLanguage: 'es',
      });
    }
  }
  logger.log('Demo accounts (development only):');
  for (const account of DEMO_ACCOUNTS) logger.log(`  ${account.role.padEnd(12)} ${account.email} / ${account.password}`);
}
