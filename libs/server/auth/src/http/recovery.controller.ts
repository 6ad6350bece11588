import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import {
  ForgotPasswordInputSchema,
  ResetPasswordInputSchema,
  VerifyEmailInputSchema,
} from '@nexo/contracts';
import {
  Public,
  SignedIn,
  ZodValidationPipe,
  requestContext,
  currentPrincipal,
} from '@nexo/platform';
import type { z } from 'zod';
import { AllowedDuringMfaEnrolment } from '../guard/public-routes.js';
import { RecoveryService } from '../recovery/recovery.service.js';

const ip = (): string => requestContext.get()?.ip ?? 'unknown';

/** Password reset and email verification by emailed link. */
@Controller('api/v1/auth')
export class RecoveryController {
  constructor(@Inject(RecoveryService) private readonly recovery: RecoveryService) {}

  /** Always 202, whether or not the address has an account: no way to probe for users. */
  @Public()
  @Post('password/forgot')
  @HttpCode(202)
  forgot(
    @Body(new ZodValidationPipe(ForgotPasswordInputSchema))
    body: z.infer<typeof ForgotPasswordInputSchema>,
  ): Promise<void> {
    return this.recovery.requestPasswordReset(body.email, ip());
  }

  @Public()
  @Post('password/reset')
  @HttpCode(204)
  reset(
    @Body(new ZodValidationPipe(ResetPasswordInputSchema))
    body: z.infer<typeof ResetPasswordInputSchema>,
  ): Promise<void> {
    return this.recovery.resetPassword(body.token, body.password, ip());
  }

  @AllowedDuringMfaEnrolment()
  @SignedIn()
  @Post('email/verification')
  @HttpCode(202)
  requestVerification(): Promise<void> {
    return this.recovery.requestEmailVerification(currentPrincipal().userId);
  }

  @Public()
  @Post('email/verify')
  @HttpCode(204)
  verify(
    @Body(new ZodValidationPipe(VerifyEmailInputSchema))
    body: z.infer<typeof VerifyEmailInputSchema>,
  ): Promise<void> {
    return this.recovery.verifyEmail(body.token, ip());
  }
}
