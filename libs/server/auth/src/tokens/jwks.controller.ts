import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Public } from '@nexo/platform';
import type { JWK } from 'jose';
import { KeyStore } from './key-store.service.js';

@Public()
@Controller('.well-known')
export class JwksController {
  constructor(@Inject(KeyStore) private readonly keys: KeyStore) {}

  @Get('jwks.json')
  @Header('cache-control', 'public, max-age=300')
  jwks(): { keys: JWK[] } {
    return this.keys.jwks();
  }
}
