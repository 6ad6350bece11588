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
import { ZodValidationPipe } from '@nexo/platform';
import { z } from 'zod';
import { principalWithRole } from '../guard/require-role.js';
import { MemberService, type MemberView } from '../members/member.service.js';

const ADMIN_ROLES = ['owner', 'admin'];
const LimitQuery = z.coerce.number().int().min(1).max(200).default(50);

@Controller('api/v1/auth/members')
export class MemberController {
  constructor(@Inject(MemberService) private readonly members: MemberService) {}

  @Get()
  list(@Query('limit', new ZodValidationPipe(LimitQuery)) limit: number): Promise<MemberView[]> {
    return this.members.list(principalWithRole(...ADMIN_ROLES), limit);
  }

  @Post(':id/disable')
  @HttpCode(204)
  disable(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.members.disable(principalWithRole(...ADMIN_ROLES), id);
  }
}
