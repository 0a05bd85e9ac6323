import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { LANGUAGES, translator } from '../i18n/i18n';
import { PrivacyNotice } from './privacy-notice.entity';

export interface NoticeText {
  /** Paragraphs, as the admin separated them by blank lines. */
  paragraphs: string[];
  /** False while an admin has not written one: the built-in text is shown. */
  custom: boolean;
}

export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** What is collected and why, as shown at registration; written by an admin in both languages. */
@Injectable()
export class PrivacyNoticeService {
  constructor(
    @InjectRepository(PrivacyNotice) private readonly notices: Repository<PrivacyNotice>,
    private readonly clock: Clock,
  ) {}

  async forLanguage(language: string): Promise<NoticeText> {
    const row = await this.notices.findOneBy({ language });
    if (row?.text.trim()) return { paragraphs: paragraphs(row.text), custom: true };
    return { paragraphs: paragraphs(translator(language)('users.privacy.defaultText')), custom: false };
  }

  /** The stored texts for the admin form (empty when none was written yet). */
  async texts(): Promise<Record<string, string>> {
    const rows = await this.notices.find();
    return Object.fromEntries(LANGUAGES.map((language) => [language, rows.find((row) => row.language === language)?.text ?? '']));
  }

  async save(actorId: number, texts: Record<string, string>): Promise<void> {
    for (const language of LANGUAGES) {
      await this.notices.upsert(
        { language, text: (texts[language] ?? '').replace(/\r\n?/g, '\n').trim(), updatedById: actorId, updatedAt: this.clock.now() },
        ['language'],
      );
    }
  }
}
