import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { generateKeyPairSync, createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, type JWK, SignJWT } from 'jose';
import { Repository } from 'typeorm';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.token';
import { CredentialKey } from '../entities/credential-key.entity';
import { decryptSecret, deriveWrappingKey, encryptSecret } from './key-encryption';

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

/**
 * The platform's Ed25519 key pairs for signed credentials. The first start makes
 * generation 1 (insert-or-ignore on a unique generation: two instances starting
 * together end up with the same key); a rotation adds the next generation. The newest
 * signs; all stay in the JWKS so older credentials keep verifying. Private keys are
 * stored encrypted (AES-256-GCM, key from HKDF over CREDENTIAL_KEY or SESSION_SECRET).
 */
@Injectable()
export class CredentialKeysService {
  private readonly logger = new Logger(CredentialKeysService.name);
  private signing: SigningKey | null = null;

  constructor(
    @InjectRepository(CredentialKey) private readonly keys: Repository<CredentialKey>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** At start: make the first key if there is none, and load the newest one. */
  async ensureKey(): Promise<void> {
    if (!(await this.keys.exist())) await this.addGeneration(1);
    await this.loadNewest();
  }

  /** A new key signs from now on; the old public keys stay published. */
  async rotate(): Promise<string> {
    const newest = await this.keys.findOne({ where: {}, order: { generation: 'DESC' } });
    await this.addGeneration((newest?.generation ?? 0) + 1);
    return (await this.loadNewest()).kid;
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    const rows = await this.keys.find({ order: { generation: 'DESC' } });
    return { keys: rows.map((row) => JSON.parse(row.publicJwk) as JWK) };
  }

  async sign(claims: Record<string, unknown>): Promise<string> {
    const key = this.signing ?? (await this.loadNewest());
    return new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: key.kid }).sign(key.privateKey);
  }

  private wrappingKey(): Buffer {
    return deriveWrappingKey(this.config.credentialKey ?? this.config.sessionSecret);
  }

  private async addGeneration(generation: number): Promise<void> {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const jwk = publicKey.export({ format: 'jwk' }) as JWK;
    const kid = await calculateJwkThumbprint(jwk);
    const publicJwk = JSON.stringify({ ...jwk, kid, alg: 'EdDSA', use: 'sig' });
    const encrypted = encryptSecret(Buffer.from(privateKey.export({ format: 'pem', type: 'pkcs8' }) as string), this.wrappingKey());
    await this.keys
      .createQueryBuilder()
      .insert()
      .into(CredentialKey)
      .values({ generation, kid, publicJwk, privateKeyEncrypted: encrypted, createdAt: this.clock.now() })
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  private async loadNewest(attempt = 1): Promise<SigningKey> {
    const row = await this.keys.findOne({ where: {}, order: { generation: 'DESC' } });
    if (!row) throw new Error('No credential signing key: ensureKey() runs at start');
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey(decryptSecret(row.privateKeyEncrypted, this.wrappingKey()).toString());
    } catch {
      if (attempt >= 3)
        throw new Error('Credential signing keys cannot be decrypted: check CREDENTIAL_KEY / SESSION_SECRET (the same on every instance)');
      // The secret changed (or the row was altered): this key can no longer sign. Start a new
      // generation rather than refuse to issue; the old public key stays published.
      this.logger.warn(
        `Credential key ${row.kid} cannot be decrypted with the current CREDENTIAL_KEY/SESSION_SECRET; rotating to a new key`,
      );
      await this.addGeneration(row.generation + 1);
      return this.loadNewest(attempt + 1);
    }
    // A sanity check that the stored public key belongs to this private key.
    const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' }) as JWK;
    if (publicJwk.x !== (JSON.parse(row.publicJwk) as JWK).x)
      throw new Error(`Credential key ${row.kid}: public and private parts do not match`);
    this.signing = { kid: row.kid, privateKey };
    return this.signing;
  }
}
