import { Controller, Header, Inject } from '@nestjs/common';
import { AuthRoutes as R, type RouteResult } from '@nexo/contracts';
import { Route } from '@nexo/platform';
import { KeyStore } from './key-store.service.js';

@Controller()
export class JwksController {
  constructor(@Inject(KeyStore) private readonly keys: KeyStore) {}

  @Route(R.jwks)
  @Header('cache-control', 'public, max-age=300')
  jwks(): RouteResult<typeof R.jwks> {
    return this.keys.jwks();
  }
}
