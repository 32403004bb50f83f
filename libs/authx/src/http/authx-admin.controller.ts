import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import { PlatformError } from '@mikasmissions/http';
import { AuditLog, type AuditEntry } from '../ports/audit-log';
import { PolicyRegistry } from '../rbac/policy.registry';
import { RequirePermissions } from '../require-permissions.decorator';
import { AuditQueryDto, RoleDto } from './dto/admin.dto';

/**
 * `/admin/auth/audit` (decisions of the tenant, newest first) and `/admin/auth/roles`
 * (RBAC roles of the tenant; roles added here live in this process until restart —
 * declare lasting roles in `AuthxModule.forRoot({ roles })`). Needs `authx:admin`.
 */
@Controller('admin/auth')
@RequirePermissions('authx:admin')
export class AuthxAdminController {
  constructor(
    private readonly audit: AuditLog,
    private readonly policies: PolicyRegistry,
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
  register(@Body() dto: RoleDto): { tenantId: string; roles: Record<string, string[]> } {
    const tenant = dto.tenant ?? this.ctx.tenantId;
    try {
      this.policies.registerRole(dto.role, dto.permissions, tenant);
    } catch (error) {
      throw new PlatformError(400, 'INVALID_ROLE', (error as Error).message);
    }
    return { tenantId: tenant, roles: this.policies.describe(tenant) };
  }
}
