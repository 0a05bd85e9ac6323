import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Authenticated } from '../../common/access.decorators';
import { Clock } from '../../common/clock';
import { CurrentUser } from '../../common/current-user.decorator';
import { translator } from '../../i18n/i18n';
import type { User } from '../../users/user.entity';
import { contentDisposition } from '../export/stream-download';
import { PersonalDataService } from './personal-data.service';
import { Lang } from '../../common/lang.decorator';

/** A learner (anyone signed in) downloads everything the platform holds about them, from the profile page. */
@Controller('profile/data')
@Authenticated()
export class PersonalDataController {
  constructor(
    private readonly data: PersonalDataService,
    private readonly clock: Clock,
  ) {}

  @Get('json')
  async json(@CurrentUser() user: User, @Res() response: Response): Promise<void> {
    this.headers(response, 'application/json; charset=utf-8', 'json');
    await this.data.writeJson(user, response);
  }

  @Get('csv')
  async csv(@CurrentUser() user: User, @Lang() lang: string, @Res() response: Response): Promise<void> {
    const t = translator(lang);
    this.headers(response, 'text/csv; charset=utf-8', 'csv');
    await this.data.writeCsv(user, response, [t('reports.myData.section'), t('reports.myData.field'), t('reports.myData.value')]);
  }

  private headers(response: Response, type: string, extension: string): void {
    response.setHeader('Content-Type', type);
    response.setHeader('Content-Disposition', contentDisposition(`my-data-${this.clock.now().toISOString().slice(0, 10)}.${extension}`));
    response.setHeader('Cache-Control', 'no-store');
  }
}
