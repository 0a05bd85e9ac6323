import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, Repository } from 'typeorm';
import { SessionRecord } from './session.entity';

/** Sessions seen per user (the session table's userId column, filled by DatabaseSessionStore). */
@Injectable()
export class UserSessionsService {
  constructor(@InjectRepository(SessionRecord) private readonly sessions: Repository<SessionRecord>) {}

  /**
   * After a password change: everyone else signed in as this user (another
   * device, or whoever learnt the old password) is signed out; the session
   * that made the change stays.
   */
  async endOtherSessions(userId: number, keepSessionId: string): Promise<number> {
    const result = await this.sessions.delete({ userId, id: Not(keepSessionId) });
    return result.affected ?? 0;
  }
}
