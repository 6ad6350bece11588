import { Global, Module } from '@nestjs/common';
import { AuthModule, ROLE_KEYS } from '@nexo/auth';
import { ROUTE_AUTHORIZER } from '@nexo/db';
import { RECORD_ACCESS } from '@nexo/platform';
import { PermissionService } from './engine/permission.service.js';
import { RoleController } from './roles/role.controller.js';
import { RoleRepository } from './roles/role.repository.js';
import { RoleService } from './roles/role.service.js';
import { PermissionRouteAuthorizer } from './route/route-authorizer.js';

/** The permission engine; mounted in every API process, like identity, and global: every context checks through it. */
@Global()
@Module({
  // Who holds a role is auth's (MembershipRoles): roles are assigned and counted there.
  imports: [AuthModule],
  controllers: [RoleController],
  providers: [
    RoleRepository,
    PermissionService,
    RoleService,
    PermissionRouteAuthorizer,
    { provide: ROUTE_AUTHORIZER, useExisting: PermissionRouteAuthorizer },
    // Auth checks the role keys it stores (API clients, invitations) through this.
    { provide: ROLE_KEYS, useExisting: RoleService },
    // Record checks for libraries that cannot depend on this one (tenancy, jobs).
    { provide: RECORD_ACCESS, useExisting: PermissionService },
  ],
  exports: [PermissionService, ROUTE_AUTHORIZER, RECORD_ACCESS, ROLE_KEYS],
})
export class PermissionsModule {}
