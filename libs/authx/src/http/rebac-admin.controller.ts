import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import { AuthxNotFoundError } from '../authx.errors';
import type { RelationTuple } from '../ports/relation-tuple-store';
import { RebacService, type RebacDecision } from '../rebac/rebac.service';
import { RequirePermissions } from '../require-permissions.decorator';
import { TupleDto, TupleListQuery } from './dto/admin.dto';

/**
 * `/admin/auth/rebac`: write, delete, list and check relation tuples of the request's tenant
 * (`x-tenant-id`). Needs `authx:admin` (granted to the `admin` role).
 */
@Controller('admin/auth/rebac')
@RequirePermissions('authx:admin')
export class RebacAdminController {
  constructor(
    private readonly rebac: RebacService,
    private readonly ctx: RequestContext,
  ) {}

  @Post()
  @HttpCode(201)
  async write(@Body() dto: TupleDto): Promise<RelationTuple & { tenantId: string }> {
    await this.rebac.write(this.ctx.tenantId, dto);
    return { tenantId: this.ctx.tenantId, object: dto.object, relation: dto.relation, subject: dto.subject };
  }

  @Delete()
  @HttpCode(204)
  async remove(@Body() body: TupleDto | undefined, @Query() query: Partial<TupleDto>): Promise<void> {
    const t = body?.object ? body : query;
    const tuple = { object: String(t.object ?? ''), relation: String(t.relation ?? ''), subject: String(t.subject ?? '') };
    if (!(await this.rebac.delete(this.ctx.tenantId, tuple))) throw new AuthxNotFoundError('no such tuple in this tenant');
  }

  @Get()
  async list(@Query() q: TupleListQuery): Promise<{ data: RelationTuple[]; count: number }> {
    const data = await this.rebac.list(this.ctx.tenantId, { subject: q.subject, relation: q.relation, object: q.object }, q.limit);
    return { data, count: data.length };
  }

  @Get('check')
  async check(@Query() q: TupleDto): Promise<RebacDecision & { tenantId: string }> {
    return { tenantId: this.ctx.tenantId, ...(await this.rebac.check(this.ctx.tenantId, q.object, q.relation, q.subject)) };
  }
}
