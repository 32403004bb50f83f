import { Injectable } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import { AuditRepository } from '@mikasmissions/audit';
import type { AdminAction, AdminTarget, AuditEntry, NewAuditEntry } from './audit-entry';

/** What an action records; the actor comes from the verified caller. */
export type AuditedAction = Pick<NewAuditEntry, 'action' | 'target_type' | 'target_id'> & {
  before: object | null;
  after: object | null;
};

/** Records every admin action (who, what, before, after) and lets admins read the audit. */
@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository<AdminAction, AdminTarget>,
    private readonly ctx: RequestContext,
  ) {}

  /** Runs `fn` and records the action it returns, in one unit of work (a failed action records nothing). */
  atomically<T>(fn: () => Promise<{ result: T; audit: AuditedAction }>): Promise<T> {
    return this.audit.atomically(async () => {
      const { result, audit } = await fn();
      const principal = this.ctx.principal;
      await this.audit.append({
        actor: principal?.userId ?? 'anonymous',
        actor_role: principal?.role ?? 'anonymous',
        action: audit.action,
        target_type: audit.target_type,
        target_id: audit.target_id,
        before: audit.before as Record<string, unknown> | null,
        after: audit.after as Record<string, unknown> | null,
      });
      return result;
    });
  }

  /** The newest `limit` entries. */
  async list(limit: number): Promise<{ entries: AuditEntry[] }> {
    return { entries: await this.audit.list(limit) };
  }
}
