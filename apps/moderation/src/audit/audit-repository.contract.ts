import type { NewAuditEntry } from './audit-entry';
import type { AuditRepository } from './audit.repository';

const sample = (target: string, overrides: Partial<NewAuditEntry> = {}): NewAuditEntry => ({
  actor: 'admin-1',
  actor_role: 'admin',
  action: 'moderation.approved',
  target_type: 'asset',
  target_id: target,
  before: { status: 'queued' },
  after: { status: 'approved' },
  ...overrides,
});

/** The behaviour every AuditRepository adapter must have (memory and Postgres specs run it). */
export function auditRepositoryContract(name: string, make: () => Promise<AuditRepository> | AuditRepository): void {
  describe(`moderation AuditRepository contract: ${name}`, () => {
    let repo: AuditRepository;
    const target = () => `asset-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

    beforeEach(async () => {
      repo = await make();
    });

    it('appends who, what, before and after, and lists newest first', async () => {
      const t = target();
      const first = await repo.append(sample(t, { actor: 'policy', actor_role: 'service', action: 'moderation.queued', before: null }));
      expect(first).toEqual({
        audit_id: expect.any(String),
        occurred_at: expect.any(String),
        ...sample(t, { actor: 'policy', actor_role: 'service', action: 'moderation.queued', before: null }),
      });
      const second = await repo.append(sample(t));
      expect(await repo.list(2)).toEqual([second, first]);
      expect(await repo.list(1)).toEqual([second]);
    });

    it('filters by target id and type', async () => {
      const [a, b] = [target(), target()];
      const ea = await repo.append(sample(a));
      await repo.append(sample(b));
      const creator = await repo.append(sample(a, { action: 'moderation.trust_changed', target_type: 'creator' }));
      expect(await repo.list(50, { targetId: a })).toEqual([creator, ea]);
      expect(await repo.list(50, { targetType: 'asset', targetId: a })).toEqual([ea]);
      expect(await repo.list(50, { targetType: 'creator', targetId: a })).toEqual([creator]);
      expect(await repo.list(50, { targetId: target() })).toEqual([]);
    });

    it('runs a unit of work and hands back its result', async () => {
      const t = target();
      expect(await repo.atomically(async () => (await repo.append(sample(t))).target_id)).toBe(t);
      expect(await repo.list(50, { targetId: t })).toHaveLength(1);
    });
  });
}
