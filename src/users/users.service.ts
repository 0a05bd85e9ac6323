import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, IsNull, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { FormError } from '../common/errors';
import { Role } from '../common/roles';
import { isUniqueViolation } from '../database/unique-violation';
import { PasswordHasher } from './password-hasher';
import { ProfileFieldsDto } from './dto/profile-fields.dto';
import { User } from './user.entity';

export const USERS_PAGE_SIZE = 25;

export interface NewUser extends ProfileFieldsDto {
  email: string;
  password: string;
  role?: Role;
}

export interface UserPage {
  items: User[];
  total: number;
  page: number;
  pageCount: number;
}

/** What is left of an anonymised person's name and email (the email column is unique and required). */
export const ANONYMISED_NAME = '—';
export const anonymisedEmail = (id: number) => `anonymised-${id}@invalid`;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Keeps the free-text "other" fields only when "other" was chosen. */
export function profileColumns(fields: ProfileFieldsDto): Partial<User> {
  return {
    name: fields.name,
    institution: fields.institution,
    institutionOther: fields.institution === 'other' ? (fields.institutionOther ?? null) : null,
    position: fields.position,
    country: fields.country,
    countryOther: fields.country === 'other' ? (fields.countryOther ?? null) : null,
    department: fields.department,
    dutyStation: fields.dutyStation,
    sex: fields.sex,
    ageGroup: fields.ageGroup,
    preferredLanguage: fields.preferredLanguage,
  };
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  findById(id: number): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: normalizeEmail(email) });
  }

  /** Includes the password hash, which is never loaded otherwise. */
  /** Everyone with the role, by name (e.g. the facilitators a cohort can be given). */
  withRole(role: Role): Promise<User[]> {
    return this.users.find({ where: { role }, order: { name: 'ASC' } });
  }

  /** How many of these ids are users with the role. */
  countWithRole(ids: number[], role: Role): Promise<number> {
    return ids.length ? this.users.countBy({ id: In(ids), role }) : Promise.resolve(0);
  }

  /** Users by email inside a caller's transaction (bulk enrolment plans under the cohort lock), in IN lists of at most 500. */
  async findByEmailsWithin(manager: EntityManager, emails: string[]): Promise<User[]> {
    const result: User[] = [];
    for (let i = 0; i < emails.length; i += 500)
      result.push(...(await manager.getRepository(User).findBy({ email: In(emails.slice(i, i + 500)) })));
    return result;
  }

  /** Inserts an account inside a caller's transaction (bulk enrolment); returns its id. */
  async insertWithin(manager: EntityManager, values: Partial<User>): Promise<number> {
    const result = await manager.getRepository(User).insert(values);
    return Number(result.identifiers[0].id);
  }

  findWithPasswordHash(where: { email: string } | { id: number }): Promise<User | null> {
    const query = this.users.createQueryBuilder('user').addSelect('user.passwordHash');
    if ('email' in where) query.where('user.email = :email', { email: normalizeEmail(where.email) });
    else query.where('user.id = :id', { id: where.id });
    return query.getOne();
  }

  async create(input: NewUser): Promise<User> {
    const email = normalizeEmail(input.email);
    if (await this.users.existsBy({ email })) throw FormError.field('email', 'auth.register.emailTaken');
    const user = this.users.create({
      ...profileColumns(input),
      email,
      passwordHash: await this.hasher.hash(input.password),
      role: input.role ?? 'learner',
      dataConsentAt: this.clock.now(),
    });
    try {
      return await this.users.save(user);
    } catch (error) {
      // Another request registered the same email between the check and the insert.
      if (isUniqueViolation(error, 'app_user')) throw FormError.field('email', 'auth.register.emailTaken');
      throw error;
    }
  }

  async updateProfile(userId: number, fields: ProfileFieldsDto): Promise<User> {
    await this.users.update({ id: userId }, profileColumns(fields));
    return this.users.findOneByOrFail({ id: userId });
  }

  /** An anonymised account keeps its unusable password: no link or form can give it one again. */
  async setPassword(userId: number, password: string): Promise<void> {
    await this.users.update({ id: userId, anonymisedAt: IsNull() }, { passwordHash: await this.hasher.hash(password) });
  }

  /** Records the person's own data consent (e.g. when they set their password through a link) and returns the account. */
  async recordConsent(userId: number, at: Date): Promise<User> {
    await this.users.update({ id: userId }, { dataConsentAt: at });
    return this.users.findOneByOrFail({ id: userId });
  }

  async setPreferredLanguage(userId: number, language: string): Promise<void> {
    await this.users.update({ id: userId }, { preferredLanguage: language });
  }

  async recordLogin(userId: number): Promise<void> {
    await this.users.update({ id: userId }, { lastLoginAt: this.clock.now() });
  }

  async list(filter: { q?: string; role?: string; page?: number }): Promise<UserPage> {
    const page = Math.max(1, filter.page ?? 1);
    const query = this.users.createQueryBuilder('user').orderBy('user.name', 'ASC').addOrderBy('user.id', 'ASC');
    if (filter.q) {
      const term = `%${filter.q
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(
        new Brackets((where) =>
          where
            .where("LOWER(user.name) LIKE :term ESCAPE '\\'", { term })
            .orWhere("LOWER(user.email) LIKE :term ESCAPE '\\'", { term })
            .orWhere("LOWER(user.position) LIKE :term ESCAPE '\\'", { term }),
        ),
      );
    }
    if (filter.role) query.andWhere('user.role = :role', { role: filter.role });
    const [items, total] = await query
      .skip((page - 1) * USERS_PAGE_SIZE)
      .take(USERS_PAGE_SIZE)
      .getManyAndCount();
    return { items, total, page, pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
  }

  /** An admin changes someone else's role; nobody changes their own. */
  async changeRole(actor: { id: number; role: string }, targetId: number, role: Role): Promise<User> {
    if (actor.role !== 'admin') throw new ForbiddenException();
    if (actor.id === targetId) throw new ForbiddenException('users.admin.ownRole');
    const target = await this.users.findOneBy({ id: targetId });
    if (!target) throw new NotFoundException();
    target.role = role;
    return this.users.save(target);
  }

  /** Users by id in IN lists of at most 500 (reports read a page of learners at once). */
  async findByIds(ids: number[]): Promise<User[]> {
    const unique = [...new Set(ids)];
    const result: User[] = [];
    for (let i = 0; i < unique.length; i += 500) result.push(...(await this.users.findBy({ id: In(unique.slice(i, i + 500)) })));
    return result;
  }

  /**
   * Erases a person's data on request, irreversibly: name, email and the free-text
   * fields (position, duty station, "other" institution and country) are
   * overwritten and the password made unusable, so the account cannot sign in.
   * The coded fields (sex, age group, institution, country, department) stay, so
   * the disaggregated counts of past training stay right; certificates read
   * anonymisedAt to say "holder data removed".
   */
  async anonymise(actor: { id: number; role: string }, targetId: number): Promise<User> {
    if (actor.role !== 'admin') throw new ForbiddenException();
    if (actor.id === targetId) throw new ForbiddenException('users.anonymise.self');
    const target = await this.users.findOneBy({ id: targetId });
    if (!target) throw new NotFoundException();
    if (!target.anonymisedAt) {
      await this.users.update(
        { id: targetId, anonymisedAt: IsNull() },
        {
          name: ANONYMISED_NAME,
          email: anonymisedEmail(targetId),
          passwordHash: '!',
          position: '',
          dutyStation: '',
          institutionOther: null,
          countryOther: null,
          anonymisedAt: this.clock.now(),
        },
      );
    }
    return this.users.findOneByOrFail({ id: targetId });
  }
}
