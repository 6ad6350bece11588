import { Module } from '@nestjs/common';
import { ROUTE_AUTHORIZER } from '@nexo/db';
import { PermissionService } from './engine/permission.service.js';
import { RoleController } from './roles/role.controller.js';
import { RoleRepository } from './roles/role.repository.js';
import { RoleService } from './roles/role.service.js';
import { PermissionRouteAuthorizer } from './route/route-authorizer.js';

/** The permission engine; mounted in every API process, like identity. */
@Module({
  controllers: [RoleController],
  providers: [
    RoleRepository,
    PermissionService,
    RoleService,
    PermissionRouteAuthorizer,
    { provide: ROUTE_AUTHORIZER, useExisting: PermissionRouteAuthorizer },
  ],
  exports: [PermissionService, ROUTE_AUTHORIZER],
})
export class PermissionsModule {}
