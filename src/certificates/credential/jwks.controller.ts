import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../../common/access.decorators';
import { CredentialKeysService } from './credential-keys.service';

/** The public keys that sign credentials (old ones too, after a rotation), for offline verification. */
@Controller('.well-known')
@Public()
export class JwksController {
  constructor(private readonly keys: CredentialKeysService) {}

  @Get('jwks.json')
  async jwks(@Res() response: Response): Promise<void> {
    response.set({ 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' });
    response.type('application/json').send(JSON.stringify(await this.keys.jwks()));
  }
}
