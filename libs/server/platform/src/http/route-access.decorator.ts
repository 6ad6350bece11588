import { SetMetadata } from '@nestjs/common';

export const REQUIRED_PERMISSION = 'nexo:required-permission';
export const SIGNED_IN_ONLY = 'nexo:signed-in-only';

export interface RequiredPermission {
  action: string;
  subject: string;
}

/**
 * What a route needs: an action on a resource type. Checked for every request before the
 * handler runs; record-level conditions and fields are then applied by the service.
 */
export const RequirePermission = (action: string, subject: string): MethodDecorator =>
  SetMetadata(REQUIRED_PERMISSION, { action, subject } satisfies RequiredPermission);

/** Any signed-in principal, acting on their own account only (sessions, MFA, sign-out). */
export const SignedIn = (): MethodDecorator => SetMetadata(SIGNED_IN_ONLY, true);
