import { Controller, Get, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../common/access.decorators';
import { schemaState } from './schema-state';

export const HEALTH_PATH = '/healthz';

@Controller('healthz')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * For load balancers: 200 only while the database answers AND holds every
   * migration this build knows (a database recreated empty answers, but every
   * page would fail); 503 JSON otherwise. Served without a session
   * (app.setup.ts), so a signed-in cookie cannot turn an outage into a 500.
   */
  @Get()
  @Public()
  async check(@Res() response: Response): Promise<void> {
    const state = await schemaState(this.dataSource);
    if (state === 'ok') {
      response.status(200).json({ status: 'ok', database: 'up' });
      return;
    }
    response.status(503).json({ status: 'unavailable', database: state });
  }
}
