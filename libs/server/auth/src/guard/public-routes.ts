import { SetMetadata } from '@nestjs/common';

export const ALLOWED_DURING_MFA_ENROLMENT = 'nexo:allowed-during-mfa-enrolment';

/** Routes a session may use while its tenant still requires it to enrol a second factor. */
export const AllowedDuringMfaEnrolment = (): MethodDecorator =>
  SetMetadata(ALLOWED_DURING_MFA_ENROLMENT, true);
