import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../../common/clock';
import { UsersService } from '../../users/users.service';
import { DownloadKind, ReportDownload } from './report-download.entity';

export const DOWNLOADS_PAGE_SIZE = 50;

/** The log of personal-data downloads: written when a download starts, completed with its row count. */
@Injectable()
export class DownloadAuditService {
  constructor(
    @InjectRepository(ReportDownload) private readonly downloads: Repository<ReportDownload>,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async start(userId: number, kind: DownloadKind, format: string, filter: Record<string, unknown>): Promise<number> {
    const row = await this.downloads.save(
      this.downloads.create({ userId, kind, format, filter, rowCount: null, createdAt: this.clock.now() }),
    );
    return row.id;
  }

  async finish(id: number, rowCount: number): Promise<void> {
    await this.downloads.update({ id }, { rowCount });
  }

  /** Newest first, with who downloaded. */
  async page(page: number) {
    const [items, total] = await this.downloads.findAndCount({
      order: { id: 'DESC' },
      skip: (page - 1) * DOWNLOADS_PAGE_SIZE,
      take: DOWNLOADS_PAGE_SIZE,
    });
    const users = new Map(
      (await this.users.findByIds(items.map((item) => item.userId).filter((id): id is number => id !== null))).map((user) => [
        user.id,
        user,
      ]),
    );
    return {
      items: items.map((item) => ({
        ...item,
        user: item.userId === null ? null : (users.get(item.userId) ?? null),
        filterText: JSON.stringify(item.filter),
      })),
      total,
      page,
      pageCount: Math.max(1, Math.ceil(total / DOWNLOADS_PAGE_SIZE)),
    };
  }
}
