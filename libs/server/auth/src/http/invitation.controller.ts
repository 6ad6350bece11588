import { Body, Controller, Inject, Param } from '@nestjs/common';
import {
  AuthRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteResult,
} from '@nexo/contracts';
import { Route, currentPrincipal, requestContext } from '@nexo/platform';
import { InvitationService } from '../invitations/invitation.service.js';

@Controller()
export class InvitationController {
  constructor(@Inject(InvitationService) private readonly invitations: InvitationService) {}

  @Route(R.createInvitation)
  create(
    @Body() body: RouteBody<typeof R.createInvitation>,
  ): Promise<RouteResult<typeof R.createInvitation>> {
    return this.invitations.invite(currentPrincipal(), body);
  }

  @Route(R.listInvitations)
  list(): Promise<RouteResult<typeof R.listInvitations>> {
    return this.invitations.listPending(currentPrincipal());
  }

  @Route(R.revokeInvitation)
  revoke(@Param() p: RouteParams<typeof R.revokeInvitation>): Promise<void> {
    return this.invitations.revoke(currentPrincipal(), p.id);
  }

  @Route(R.acceptInvitation)
  accept(
    @Body() body: RouteBody<typeof R.acceptInvitation>,
  ): Promise<RouteResult<typeof R.acceptInvitation>> {
    return this.invitations.accept(body, requestContext.get()?.ip ?? 'unknown');
  }
}
