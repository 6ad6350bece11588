import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  AcceptInvitationInputSchema,
  CreateInvitationInputSchema,
  type AcceptInvitationInput,
  type CreateInvitationInput,
} from '@nexo/contracts';
import {
  Public,
  RequirePermission,
  ZodValidationPipe,
  requestContext,
  currentPrincipal,
} from '@nexo/platform';
import { InvitationService, type InvitationView } from '../invitations/invitation.service.js';

@Controller('api/v1/auth/invitations')
export class InvitationController {
  constructor(@Inject(InvitationService) private readonly invitations: InvitationService) {}

  @RequirePermission('create', 'auth.invitation')
  @Post()
  invite(
    @Body(new ZodValidationPipe(CreateInvitationInputSchema)) body: CreateInvitationInput,
  ): Promise<InvitationView> {
    return this.invitations.invite(currentPrincipal(), body);
  }

  @RequirePermission('read', 'auth.invitation')
  @Get()
  list(): Promise<InvitationView[]> {
    return this.invitations.listPending(currentPrincipal());
  }

  @RequirePermission('delete', 'auth.invitation')
  @Delete(':id')
  @HttpCode(204)
  revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.invitations.revoke(currentPrincipal(), id);
  }

  @Public()
  @Post('accept')
  @HttpCode(200)
  accept(
    @Body(new ZodValidationPipe(AcceptInvitationInputSchema)) body: AcceptInvitationInput,
  ): Promise<unknown> {
    return this.invitations.accept(body, requestContext.get()?.ip ?? 'unknown');
  }
}
