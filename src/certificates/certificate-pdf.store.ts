import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BinaryColumns } from './binary-columns';

/** The stored PDF of each certificate: written once, then every download returns the same bytes. */
@Injectable()
export class CertificatePdfStore {
  private readonly bytes: BinaryColumns;

  constructor(@InjectDataSource() data: DataSource) {
    this.bytes = new BinaryColumns(data);
  }

  read(certificateId: number): Promise<Buffer | null> {
    return this.bytes.read('certificate_pdf', 'data', 'certificateId', certificateId);
  }

  /** Insert or ignore: when two requests made it at once, the first stored copy wins and is returned. */
  async storeOnce(certificateId: number, pdf: Buffer): Promise<Buffer> {
    await this.bytes.query(
      'INSERT INTO "certificate_pdf" ("certificateId", "data", "size") VALUES (?, ?, ?) ON CONFLICT ("certificateId") DO NOTHING',
      [certificateId, pdf, pdf.length],
    );
    return (await this.read(certificateId)) ?? pdf;
  }

  /** Drops the stored files (an anonymised holder's): the next download is drawn again from the certificate row. */
  async forget(certificateIds: number[]): Promise<void> {
    for (let index = 0; index < certificateIds.length; index += 500) {
      const ids = certificateIds.slice(index, index + 500);
      if (ids.length)
        await this.bytes.query(`DELETE FROM "certificate_pdf" WHERE "certificateId" IN (${ids.map(() => '?').join(', ')})`, ids);
    }
  }
}
