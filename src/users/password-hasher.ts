import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

export const PASSWORD_MIN_LENGTH = 8;
// Long passphrases are welcome; the cap only stops hashing megabytes on purpose.
// argon2 reads every byte, so nothing is silently truncated below it.
export const PASSWORD_MAX_LENGTH = 1024;

@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
}
