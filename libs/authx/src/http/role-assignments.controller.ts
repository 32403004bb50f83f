import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import { AuthxNotFoundError } from '../authx.errors';
import { RoleAssignmentStore } from '../ports/role-assignment-store';
import { AdminScope } from '../rbac/admin-scope';
import { PolicyRegistry } from '../rbac/policy.registry';
import { RequirePermissions } from '../require-permissions.decorator';
import { AssignRoleDto } from './dto/admin.dto';

const USER_ID = /^[A-Za-z0-9_.@:-]{1,128}$/;

/**
 * `/admin/auth/users/:userId/roles`: the roles a user holds in the request's tenant
 * (persisted; added to the session at the user's next sign-in). Needs `authx:admin`; a role
 * that carries cross-tenant or platform permissions needs `tenants:*` ({@link AdminScope}).
 */
@Controller('admin/auth/users/:userId/roles')
@RequirePermissions('authx:admin')
export class RoleAssignmentsController {
  constructor(
    private readonly store: RoleAssignmentStore,
    private readonly policies: PolicyRegistry,
    private readonly scope: AdminScope,
    private readonly ctx: RequestContext,
  ) {}

  @Get()
  async list(@Param('userId') userId: string): Promise<{ tenantId: string; userId: string; roles: string[] }> {
    return { tenantId: this.ctx.tenantId, userId, roles: USER_ID.test(userId) ? await this.store.rolesOf(this.ctx.tenantId, userId) : [] };
  }

  @Post()
  @HttpCode(201)
  async assign(
    @Param('userId') userId: string,
    @Body() dto: AssignRoleDto,
  ): Promise<{ tenantId: string; userId: string; roles: string[] }> {
    if (!USER_ID.test(userId)) throw new AuthxNotFoundError('no such user id');
    await this.scope.mayGrant(this.policies.permissionsOf([dto.role], this.ctx.tenantId), 'RoleAssignmentsController.assign');
    await this.store.assign(this.ctx.tenantId, userId, dto.role);
    return this.list(userId);
  }

  @Delete(':role')
  @HttpCode(204)
  async unassign(@Param('userId') userId: string, @Param('role') role: string): Promise<void> {
    if (!USER_ID.test(userId) || !(await this.store.unassign(this.ctx.tenantId, userId, role)))
      throw new AuthxNotFoundError('the user does not hold this role here');
  }
}
