import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditLog } from './audit-log';

/** The behaviour every {@link AuditLog} adapter must have. */
export function auditLogContract(name: string, make: () => AuditLog): void {
  describe(`AuditLog contract: ${name}`, () => {
    it('returns a tenant’s entries newest first, filtered by principal and decision', async () => {
      const log = make();
      const tenant = `t${randomUUID().slice(0, 8)}`;
      const entry = (i: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
        at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
        requestId: `r${i}`,
        tenantId: tenant,
        principal: 'u1',
        kind: 'permission',
        action: 'events:write',
        object: null,
        decision: 'allow',
        reason: 'role_grants',
        ...over,
      });
      await log.append(entry(1));
      await log.append(entry(2, { decision: 'deny', reason: 'missing_permission' }));
      await log.append(entry(3, { principal: 'u2', object: 'project:1' }));
      await log.append(entry(4, { tenantId: `${tenant}x` }));
      expect((await log.query({ tenantId: tenant, limit: 10 })).map((e) => e.requestId)).toEqual(['r3', 'r2', 'r1']);
      expect(await log.query({ tenantId: tenant, decision: 'deny', limit: 10 })).toEqual([
        entry(2, { decision: 'deny', reason: 'missing_permission' }),
      ]);
      expect((await log.query({ tenantId: tenant, principal: 'u2', limit: 10 }))[0]).toEqual(
        entry(3, { principal: 'u2', object: 'project:1' }),
      );
      expect(await log.query({ tenantId: tenant, limit: 1 })).toHaveLength(1);
    });
  });
}
