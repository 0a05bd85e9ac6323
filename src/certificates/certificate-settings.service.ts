import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { BinaryColumns } from './binary-columns';
import type { IssuerSnapshot, Signatory } from './entities/certificate.entity';
import { CertificateSettings } from './entities/certificate-settings.entity';

export const DEFAULT_ISSUER_NAME = { es: 'Aprende Protección', en: 'Aprende Protección' };
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export const MAX_LOGO_BYTES = 300 * 1024;
const SETTINGS_ID = 1;

/** PNG and JPEG by their first bytes, not by what the browser claimed. */
export function logoTypeOf(data: Buffer): (typeof LOGO_TYPES)[number] | null {
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  return null;
}

export interface IssuerSettingsValues {
  issuerName: Record<string, string>;
  signatories: Signatory[];
}

/** Issuer name, signatories and logo: one row in the database, so every instance prints the same. */
@Injectable()
export class CertificateSettingsService {
  private readonly bytes: BinaryColumns;

  constructor(
    @InjectRepository(CertificateSettings) private readonly settings: Repository<CertificateSettings>,
    @InjectDataSource() data: DataSource,
    private readonly clock: Clock,
  ) {
    this.bytes = new BinaryColumns(data);
  }

  async current(): Promise<IssuerSettingsValues & { hasLogo: boolean; updatedAt: Date | null }> {
    const row = await this.settings.findOneBy({ id: SETTINGS_ID });
    return {
      issuerName: row?.issuerName ?? DEFAULT_ISSUER_NAME,
      signatories: row?.signatories ?? [],
      hasLogo: !!row?.logoType,
      updatedAt: row?.updatedAt ?? null,
    };
  }

  /** What a certificate issued now prints. */
  async snapshot(): Promise<IssuerSnapshot> {
    const { issuerName, signatories } = await this.current();
    return { name: issuerName, signatories: signatories.slice(0, 2) };
  }

  async logo(): Promise<{ data: Buffer; type: string } | null> {
    const row = await this.settings.findOneBy({ id: SETTINGS_ID });
    if (!row?.logoType) return null;
    const data = await this.bytes.read('certificate_settings', 'logo', 'id', SETTINGS_ID);
    return data ? { data, type: row.logoType } : null;
  }

  async save(values: IssuerSettingsValues, actorId: number): Promise<void> {
    await this.settings.upsert(
      {
        id: SETTINGS_ID,
        issuerName: values.issuerName,
        signatories: values.signatories.slice(0, 2),
        updatedAt: this.clock.now(),
        updatedById: actorId,
      },
      ['id'],
    );
  }

  /** Stores (or, with null, removes) the logo; the type is checked from the bytes. */
  async setLogo(data: Buffer | null, actorId: number): Promise<void> {
    const existing = await this.current();
    await this.save({ issuerName: existing.issuerName, signatories: existing.signatories }, actorId);
    const type = data ? logoTypeOf(data) : null;
    await this.bytes.query('UPDATE "certificate_settings" SET "logo" = ?, "logoType" = ? WHERE "id" = ?', [
      data && type ? data : null,
      type,
      SETTINGS_ID,
    ]);
  }
}
