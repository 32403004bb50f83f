import type { NewAuditEntry } from './audit-entry';
import type { AuditRepository } from './ports/audit.repository';

const sample = (target: string, overrides: Partial<NewAuditEntry> = {}): NewAuditEntry => ({
  actor: 'admin-1',
  actor_role: 'admin',
  action: 'thing.updated',
  target_type: 'thing',
  target_id: target,
  before: { name: 'old', version: 1 },
  after: { name: 'new', version: 2 },
  ...overrides,
});

/**
 * The behaviour every {@link AuditRepository} adapter must have. The lib's specs run it against
 * memory and a fresh Postgres schema; a service's spec runs it against its own migrated schema.
 * For specs only (it calls Jest's `describe`/`it`).
 *
 * @example
 * auditRepositoryContract('postgres (moderation)', () => new PostgresAuditRepository(new PoolSqlTransactions(pool), 'moderation'));
 */
export function auditRepositoryContract(name: string, make: () => Promise<AuditRepository> | AuditRepository): void {
  describe(`AuditRepository contract: ${name}`, () => {
    let repo: AuditRepository;
    const target = () => `t-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

    beforeEach(async () => {
      repo = await make();
    });

    it('appends who, what, before and after, and lists newest first', async () => {
      const t = target();
      const first = await repo.append(sample(t, { action: 'thing.created', before: null, after: { name: 'old' } }));
      expect(first).toEqual({
        audit_id: expect.any(String),
        occurred_at: expect.any(String),
        ...sample(t, { action: 'thing.created', before: null, after: { name: 'old' } }),
      });
      const second = await repo.append(sample(t));
      expect(await repo.list(2)).toEqual([second, first]);
      expect(await repo.list(1)).toEqual([second]);
    });

    it('keeps a null before and after', async () => {
      const entry = await repo.append(sample(target(), { action: 'thing.deleted', after: null }));
      expect((await repo.list(1))[0]).toEqual(entry);
      expect(entry.after).toBeNull();
    });

    it('filters by target id and type', async () => {
      const [a, b] = [target(), target()];
      const ea = await repo.append(sample(a));
      await repo.append(sample(b));
      const other = await repo.append(sample(a, { action: 'owner.changed', target_type: 'owner' }));
      expect(await repo.list(50, { targetId: a })).toEqual([other, ea]);
      expect(await repo.list(50, { targetType: 'thing', targetId: a })).toEqual([ea]);
      expect(await repo.list(50, { targetType: 'owner', targetId: a })).toEqual([other]);
      expect(await repo.list(50, { targetId: target() })).toEqual([]);
    });

    it('runs a unit of work and hands back its result', async () => {
      const t = target();
      expect(await repo.atomically(async () => (await repo.append(sample(t))).target_id)).toBe(t);
      expect(await repo.list(50, { targetId: t })).toHaveLength(1);
    });
  });
}
