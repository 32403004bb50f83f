import type { DigestItem } from './digest';
import type { DigestRepository } from './digest.repository';

/** The behaviour every DigestRepository adapter must have (memory and Postgres specs call it). */
export function digestRepositoryContract(name: string, make: () => Promise<DigestRepository> | DigestRepository): void {
  describe(`DigestRepository contract: ${name}`, () => {
    let repo: DigestRepository;
    const id = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    const closes = new Date('2026-12-02T00:00:00.000Z');
    const item = (parentUserId: string, episodeId: string, title: string, localDay = '2026-12-01', closesAt = closes): DigestItem => ({
      tenantId: 't1',
      parentUserId,
      localDay,
      episodeId,
      title,
      closesAt,
    });
    const dueFor = async (parent: string, now: Date) => (await repo.due(now, 100_000)).filter((d) => d.parentUserId === parent);

    beforeEach(async () => {
      repo = await make();
    });

    it('groups a parent-day once it closed, episodes in arrival order, each episode once', async () => {
      const p = id('p');
      await repo.addMany([item(p, 'e2', 'Second'), item(p, 'e1', 'First')]);
      await repo.addMany([item(p, 'e2', 'Second again'), item(p, 'e3', 'Next day', '2026-12-02', new Date('2026-12-03T00:00:00.000Z'))]);
      await repo.addMany([]);
      expect(await dueFor(p, new Date('2026-12-01T23:59:59.000Z'))).toEqual([]);
      expect(await dueFor(p, closes)).toEqual([
        {
          tenantId: 't1',
          parentUserId: p,
          localDay: '2026-12-01',
          episodes: [
            { episodeId: 'e2', title: 'Second' },
            { episodeId: 'e1', title: 'First' },
          ],
        },
      ]);
      expect((await dueFor(p, new Date('2026-12-03T00:00:00.000Z'))).map((d) => d.localDay)).toEqual(['2026-12-01', '2026-12-02']);
    });

    it('stops offering a parent-day once flushed, and keeps other parents and days open', async () => {
      const [p, q] = [id('p'), id('q')];
      await repo.addMany([item(p, 'e1', 'One'), item(q, 'e1', 'One')]);
      await repo.markFlushed('t1', p, '2026-12-01', closes);
      expect(await dueFor(p, closes)).toEqual([]);
      expect(await dueFor(q, closes)).toHaveLength(1);
      await repo.addMany([item(p, 'e1', 'One')]);
      expect(await dueFor(p, closes)).toEqual([]);
    });
  });
}
