import { Body, Controller, Inject } from '@nestjs/common';
import { AuthRoutes as R, type RouteBody } from '@nexo/contracts';
import { Route, currentPrincipal, requestContext } from '@nexo/platform';
import { RecoveryService } from '../recovery/recovery.service.js';

const ip = (): string => requestContext.get()?.ip ?? 'unknown';

/** Password reset and email verification by emailed link. */
@Controller()
export class RecoveryController {
  constructor(@Inject(RecoveryService) private readonly recovery: RecoveryService) {}

  /** Always 202, whether or not the address has an account: no way to probe for users. */
  @Route(R.forgotPassword)
  forgot(@Body() body: RouteBody<typeof R.forgotPassword>): Promise<void> {
    return this.recovery.requestPasswordReset(body.email, ip());
  }

  @Route(R.resetPassword)
  reset(@Body() body: RouteBody<typeof R.resetPassword>): Promise<void> {
    return this.recovery.resetPassword(body.token, body.password, ip());
  }

  @Route(R.requestVerification)
  requestVerification(): Promise<void> {
    return this.recovery.requestEmailVerification(currentPrincipal().userId);
  }

  @Route(R.verifyEmail)
  verify(@Body() body: RouteBody<typeof R.verifyEmail>): Promise<void> {
    return this.recovery.verifyEmail(body.token, ip());
  }
}
