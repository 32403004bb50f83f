import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import { PlatformError } from '@mikasmissions/http';
import { AuditLog, type AuditEntry } from '../ports/audit-log';
import { AdminScope } from '../rbac/admin-scope';
import { PolicyRegistry, assertPermission } from '../rbac/policy.registry';
import { RequirePermissions } from '../require-permissions.decorator';
import { AuditQueryDto, RoleDto } from './dto/admin.dto';

/**
 * `/admin/auth/audit` (decisions of the tenant, newest first) and `/admin/auth/roles`
 * (RBAC roles of the tenant; roles added here are stored and hold on every replica within
 * `roleRefreshSec`). Needs `authx:admin`; a `tenant` in the body passes the tenant rule, and
 * `tenant: "*"` or permissions covering `tenants:cross`/`tenants:*` need `tenants:*`
 * (`platform-admin`), see {@link AdminScope}.
 */
@Controller('admin/auth')
@RequirePermissions('authx:admin')
export class AuthxAdminController {
  constructor(
    private readonly audit: AuditLog,
    private readonly policies: PolicyRegistry,
    private readonly scope: AdminScope,
    private readonly ctx: RequestContext,
  ) {}

  @Get('audit')
  async entries(@Query() q: AuditQueryDto): Promise<{ data: AuditEntry[]; count: number }> {
    const data = await this.audit.query({ tenantId: this.ctx.tenantId, principal: q.principal, decision: q.decision, limit: q.limit });
    return { data, count: data.length };
  }

  @Get('roles')
  roles(): { tenantId: string; roles: Record<string, string[]> } {
    return { tenantId: this.ctx.tenantId, roles: this.policies.describe(this.ctx.tenantId) };
  }

  @Post('roles')
  @HttpCode(201)
  async register(@Body() dto: RoleDto): Promise<{ tenantId: string; roles: Record<string, string[]> }> {
    try {
      dto.permissions.forEach(assertPermission);
    } catch (error) {
      throw new PlatformError(400, 'invalid_role', (error as Error).message);
    }
    const tenant = await this.scope.tenant(dto.tenant, 'AuthxAdminController.register');
    await this.scope.mayGrant(dto.permissions, 'AuthxAdminController.register');
    await this.policies.defineRole(dto.role, dto.permissions, tenant);
    return { tenantId: tenant, roles: this.policies.describe(tenant) };
  }
}
