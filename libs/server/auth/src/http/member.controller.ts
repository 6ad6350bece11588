import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { RequirePermission, ZodValidationPipe, currentPrincipal } from '@nexo/platform';
import { z } from 'zod';
import { MemberService, type MemberView } from '../members/member.service.js';

const LimitQuery = z.coerce.number().int().min(1).max(200).default(50);

@Controller('api/v1/auth/members')
export class MemberController {
  constructor(@Inject(MemberService) private readonly members: MemberService) {}

  @RequirePermission('read', 'auth.member')
  @Get()
  list(@Query('limit', new ZodValidationPipe(LimitQuery)) limit: number): Promise<MemberView[]> {
    return this.members.list(currentPrincipal(), limit);
  }

  @RequirePermission('update', 'auth.member')
  @Post(':id/disable')
  @HttpCode(204)
  disable(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.members.disable(currentPrincipal(), id);
  }
}
