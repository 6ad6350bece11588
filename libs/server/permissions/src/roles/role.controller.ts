import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  AssignRolesInputSchema,
  CreateRoleInputSchema,
  ExplainInputSchema,
  RoleKeySchema,
  UpdateRoleInputSchema,
  type CreateRoleInput,
  type ExplainInput,
  type UpdateRoleInput,
} from '@nexo/contracts';
import {
  RequirePermission,
  ZodValidationPipe,
  currentPrincipal,
  expectedVersion,
  setEtag,
} from '@nexo/platform';
import type { z } from 'zod';
import { RoleService, type Explanation, type RoleView } from './role.service.js';

@Controller('api/v1/permissions')
export class RoleController {
  constructor(@Inject(RoleService) private readonly roles: RoleService) {}

  @RequirePermission('read', 'permissions.role')
  @Get('roles')
  list(): Promise<RoleView[]> {
    return this.roles.list(currentPrincipal());
  }

  @RequirePermission('create', 'permissions.role')
  @Post('roles')
  create(
    @Body(new ZodValidationPipe(CreateRoleInputSchema)) body: CreateRoleInput,
  ): Promise<RoleView> {
    return this.roles.create(currentPrincipal(), body);
  }

  @RequirePermission('read', 'permissions.role')
  @Get('roles/:key')
  async get(
    @Param('key', new ZodValidationPipe(RoleKeySchema)) key: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RoleView> {
    const role = await this.roles.get(currentPrincipal(), key);
    setEtag(reply, role.version);
    return role;
  }

  @RequirePermission('update', 'permissions.role')
  @Patch('roles/:key')
  update(
    @Param('key', new ZodValidationPipe(RoleKeySchema)) key: string,
    @Body(new ZodValidationPipe(UpdateRoleInputSchema)) body: UpdateRoleInput,
  ): Promise<RoleView> {
    return this.roles.update(currentPrincipal(), key, expectedVersion(), body);
  }

  @RequirePermission('delete', 'permissions.role')
  @Delete('roles/:key')
  @HttpCode(204)
  remove(@Param('key', new ZodValidationPipe(RoleKeySchema)) key: string): Promise<void> {
    return this.roles.remove(currentPrincipal(), key, expectedVersion());
  }

  @RequirePermission('update', 'auth.member')
  @Put('memberships/:id/roles')
  assign(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(AssignRolesInputSchema))
    body: z.infer<typeof AssignRolesInputSchema>,
  ): Promise<unknown> {
    return this.roles.assign(currentPrincipal(), id, body.roles);
  }

  @RequirePermission('read', 'permissions.role')
  @Get('memberships/:id/effective')
  effective(@Param('id', new ParseUUIDPipe()) id: string): Promise<unknown> {
    return this.roles.effective(currentPrincipal(), id);
  }

  @RequirePermission('read', 'permissions.role')
  @Post('explain')
  @HttpCode(200)
  explain(
    @Body(new ZodValidationPipe(ExplainInputSchema)) body: ExplainInput,
  ): Promise<Explanation> {
    return this.roles.explain(currentPrincipal(), body);
  }
}
