import type { NewAuditEntry } from './audit-entry';
import type { AuditRepository } from './audit.repository';

const sample = (target: string, overrides: Partial<NewAuditEntry> = {}): NewAuditEntry => ({
  actor: 'admin-1',
  actor_role: 'admin',
  action: 'workflow.updated',
  target_type: 'workflow',
  target_id: target,
  before: { name: 'old', version: 1 },
  after: { name: 'new', version: 2 },
  ...overrides,
});

/** The behaviour every AuditRepository adapter must have (memory and Postgres specs run it). */
export function auditRepositoryContract(name: string, make: () => Promise<AuditRepository> | AuditRepository): void {
  describe(`AuditRepository contract: ${name}`, () => {
    let repo: AuditRepository;
    const target = () => `wf-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

    beforeEach(async () => {
      repo = await make();
    });

    it('appends an entry with who, what, before and after, and lists newest first', async () => {
      const t = target();
      const first = await repo.append(sample(t, { action: 'workflow.created', before: null, after: { name: 'old' } }));
      expect(first).toEqual({
        audit_id: expect.any(String),
        occurred_at: expect.any(String),
        ...sample(t, { action: 'workflow.created', before: null, after: { name: 'old' } }),
      });
      const second = await repo.append(sample(t));
      const listed = await repo.list(2);
      expect(listed).toEqual([second, first]);
      expect(await repo.list(1)).toEqual([second]);
    });

    it('keeps a null before and after', async () => {
      const entry = await repo.append(sample(target(), { action: 'workflow.deleted', after: null }));
      expect((await repo.list(1))[0]).toEqual(entry);
      expect(entry.after).toBeNull();
    });

    it('runs a unit of work and hands back its result', async () => {
      const t = target();
      expect(await repo.atomically(async () => (await repo.append(sample(t))).target_id)).toBe(t);
    });
  });
}
