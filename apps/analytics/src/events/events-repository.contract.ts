import type { EventsRepository } from './events.repository';

/**
 * The behaviour every EventsRepository adapter must have. Each adapter's spec calls this
 * with a factory, so the memory and Prisma stores cannot drift apart.
 */
export function eventsRepositoryContract(name: string, make: () => Promise<EventsRepository> | EventsRepository): void {
  describe(`EventsRepository contract: ${name}`, () => {
    let repo: EventsRepository;
    const tenant = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

    beforeEach(async () => {
      repo = await make();
    });

    it('returns what it stored, with id and timestamps', async () => {
      const t = tenant('a');
      const stored = await repo.record({
        tenantId: t,
        type: 'play',
        payload: { n: 1, nested: { ok: true } },
        occurredAt: new Date('2026-01-01T00:00:00Z'),
      });
      expect(stored).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        tenantId: t,
        type: 'play',
        payload: { n: 1, nested: { ok: true } },
        occurredAt: '2026-01-01T00:00:00.000Z',
        createdAt: expect.any(String),
      });
      expect(await repo.list({ tenantId: t, limit: 10 })).toEqual([stored]);
    });

    it('stores a missing payload as null and a missing occurredAt as now', async () => {
      const t = tenant('b');
      const before = Date.now();
      const stored = await repo.record({ tenantId: t, type: 'x' });
      expect(stored.payload).toBeNull();
      expect(Date.parse(stored.occurredAt)).toBeGreaterThanOrEqual(before - 1000);
    });

    it('lists newest first, filters by type, honours the limit, and isolates tenants', async () => {
      const t = tenant('c');
      for (const [type, hour] of [
        ['a', 1],
        ['b', 3],
        ['a', 2],
      ] as const) {
        await repo.record({ tenantId: t, type, occurredAt: new Date(`2026-01-01T0${hour}:00:00Z`) });
      }
      await repo.record({ tenantId: tenant('other'), type: 'a' });
      expect((await repo.list({ tenantId: t, limit: 10 })).map((e) => e.occurredAt.slice(11, 13))).toEqual(['03', '02', '01']);
      expect((await repo.list({ tenantId: t, type: 'a', limit: 10 })).map((e) => e.type)).toEqual(['a', 'a']);
      expect(await repo.list({ tenantId: t, limit: 1 })).toHaveLength(1);
    });

    it('hands out copies: mutating a result does not change the store', async () => {
      const t = tenant('d');
      const stored = await repo.record({ tenantId: t, type: 'x', payload: { v: 1 } });
      (stored.payload as Record<string, unknown>).v = 2;
      const [listed] = await repo.list({ tenantId: t, limit: 1 });
      expect(listed.payload).toEqual({ v: 1 });
    });
  });
}
