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
import { Public, ZodValidationPipe, requestContext } from '@nexo/platform';
import { principalWithRole } from '../guard/require-role.js';
import { InvitationService, type InvitationView } from '../invitations/invitation.service.js';

const ADMIN_ROLES = ['owner', 'admin'];

@Controller('api/v1/auth/invitations')
export class InvitationController {
  constructor(@Inject(InvitationService) private readonly invitations: InvitationService) {}

  @Post()
  invite(
    @Body(new ZodValidationPipe(CreateInvitationInputSchema)) body: CreateInvitationInput,
  ): Promise<InvitationView> {
    return this.invitations.invite(principalWithRole(...ADMIN_ROLES), body);
  }

  @Get()
  list(): Promise<InvitationView[]> {
    return this.invitations.listPending(principalWithRole(...ADMIN_ROLES));
  }

  @Delete(':id')
  @HttpCode(204)
  revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.invitations.revoke(principalWithRole(...ADMIN_ROLES), id);
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
