import type { NewSession } from './session';
import type { SessionsRepository } from './sessions.repository';

/** The tenant every contract session is stored in (the Postgres spec's service scope names it). */
export const CONTRACT_TENANT = 'contract-tenant';

/**
 * The behaviour every SessionsRepository adapter must have. Each adapter's spec calls this
 * with a factory, so the memory and Postgres stores cannot drift apart.
 */
export function sessionsRepositoryContract(name: string, make: () => Promise<SessionsRepository> | SessionsRepository): void {
  describe(`SessionsRepository contract: ${name}`, () => {
    let repo: SessionsRepository;
    const unique = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    const fresh = (): NewSession => ({
      tenantId: CONTRACT_TENANT,
      childProfileId: unique('kid'),
      parentUserId: unique('parent'),
      episodeId: 'ep-demo-1',
      deviceType: 'tablet',
      mediaKey: 'episodes/ep-demo-1/index.m3u8',
      limitMinutes: 45,
      usedAtStart: 10,
      startedAt: new Date('2026-12-01T10:00:00.000Z'),
    });

    beforeEach(async () => {
      repo = await make();
    });

    it('stores child, episode, device, start, limit and usage, and finds the session by id', async () => {
      const input = fresh();
      const stored = await repo.create(input);
      expect(stored).toEqual({
        ...input,
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        startedAt: '2026-12-01T10:00:00.000Z',
        minutesWatched: 0,
        lastHeartbeatAt: null,
        endedAt: null,
        endReason: null,
      });
      expect(await repo.find(stored.id)).toEqual(stored);
    });

    it('finds nothing for an unknown or malformed id', async () => {
      expect(await repo.find('00000000-0000-4000-8000-000000000000')).toBeNull();
      expect(await repo.find('not-a-uuid')).toBeNull();
      expect(await repo.heartbeat('not-a-uuid', new Date(), 1)).toBeNull();
      expect(await repo.end('00000000-0000-4000-8000-000000000000', new Date(), 'bedtime_active')).toBe(false);
    });

    it('records heartbeats and never lowers the minutes watched', async () => {
      const stored = await repo.create(fresh());
      const at = new Date('2026-12-01T10:12:00.000Z');
      expect(await repo.heartbeat(stored.id, at, 12)).toMatchObject({ minutesWatched: 12, lastHeartbeatAt: at.toISOString() });
      const later = new Date('2026-12-01T10:13:00.000Z');
      expect(await repo.heartbeat(stored.id, later, 5)).toMatchObject({ minutesWatched: 12, lastHeartbeatAt: later.toISOString() });
      expect((await repo.find(stored.id))?.minutesWatched).toBe(12);
    });

    it('ends a session once: the first end wins and keeps its reason', async () => {
      const stored = await repo.create(fresh());
      const at = new Date('2026-12-01T10:30:00.000Z');
      expect(await repo.end(stored.id, at, 'session_cap_reached')).toBe(true);
      expect(await repo.end(stored.id, new Date(), 'bedtime_active')).toBe(false);
      expect(await repo.find(stored.id)).toMatchObject({ endedAt: at.toISOString(), endReason: 'session_cap_reached' });
    });

    it('erases every session of one child and no other', async () => {
      const mine = fresh();
      const a = await repo.create(mine);
      const b = await repo.create({ ...mine, episodeId: 'ep-demo-2' });
      const other = await repo.create(fresh());
      expect(await repo.eraseChild(CONTRACT_TENANT, mine.childProfileId)).toBe(2);
      expect(await repo.find(a.id)).toBeNull();
      expect(await repo.find(b.id)).toBeNull();
      expect(await repo.find(other.id)).not.toBeNull();
      expect(await repo.eraseChild(CONTRACT_TENANT, mine.childProfileId)).toBe(0);
    });

    it('hands out copies: mutating a result does not change the store', async () => {
      const stored = await repo.create(fresh());
      stored.episodeId = 'changed';
      expect((await repo.find(stored.id))?.episodeId).toBe('ep-demo-1');
    });
  });
}
