import type { MediaTranscodedPayload } from '@mikasmissions/contracts-events';
import type { NewReview } from './review';
import type { ReviewsRepository } from './reviews.repository';

const newReview = (assetId: string, overrides: Partial<NewReview> = {}): NewReview => {
  const asset: MediaTranscodedPayload = {
    assetId,
    episodeId: assetId,
    creatorId: 'creator-1',
    durationMs: 3000,
    renditions: [{ profile: '360p', storageKey: `episodes/${assetId}/360p/index.m3u8`, width: 640, height: 360 }],
    title: 'Stars',
    ageBand: '6-11',
    learningTags: ['counting'],
  };
  return {
    assetId,
    tenantId: 'default',
    status: 'queued',
    rules: [{ rule: 'creator_trust', severity: 'soft', detail: 'creator trust unknown' }],
    reason: 'creator_trust',
    language: 'en',
    trust: 'unknown',
    asset,
    decidedBy: null,
    ...overrides,
  };
};

/** The behaviour every ReviewsRepository adapter must have (memory and Postgres specs run it). */
export function reviewsRepositoryContract(name: string, make: () => Promise<ReviewsRepository> | ReviewsRepository): void {
  describe(`ReviewsRepository contract: ${name}`, () => {
    let repo: ReviewsRepository;
    const id = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

    beforeEach(async () => {
      repo = await make();
    });

    it('records a review once, with the asset snapshot, and finds it', async () => {
      const assetId = id('a');
      const first = await repo.record(newReview(assetId));
      expect(first.created).toBe(true);
      expect(first.review).toEqual({
        ...newReview(assetId),
        episodeId: assetId,
        creatorId: 'creator-1',
        decisionNote: null,
        createdAt: expect.any(String),
        decidedAt: null,
      });
      const again = await repo.record(newReview(assetId, { status: 'approved', decidedBy: 'policy', reason: null }));
      expect(again).toEqual({ created: false, review: first.review });
      expect(await repo.find(assetId)).toEqual(first.review);
      expect(await repo.find(id('missing'))).toBeNull();
    });

    it('stamps an automatic final decision', async () => {
      const { review } = await repo.record(newReview(id('b'), { status: 'rejected', decidedBy: 'policy', reason: 'blocked_term' }));
      expect(review).toMatchObject({ status: 'rejected', decidedBy: 'policy', reason: 'blocked_term', decidedAt: expect.any(String) });
    });

    it('lists only queued reviews, oldest first, up to the limit', async () => {
      const ids = [id('q1'), id('q2'), id('q3')];
      for (const assetId of ids) {
        await repo.record(newReview(assetId));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await repo.record(newReview(id('done'), { status: 'approved', decidedBy: 'policy' }));
      const queued = (await repo.listQueued(500)).map((r) => r.assetId).filter((a) => ids.includes(a));
      expect(queued).toEqual(ids);
      const firstTwo = await repo.listQueued(2);
      expect(firstTwo).toHaveLength(2);
      expect(firstTwo.every((r) => r.status === 'queued')).toBe(true);
    });

    it('decides a queued review once: the second decision is a conflict naming the status, an unknown asset is missing', async () => {
      const assetId = id('d');
      await repo.record(newReview(assetId));
      const decided = await repo.decide(assetId, { to: 'rejected', by: 'admin-1', reason: 'off_topic', note: 'not for kids' });
      expect(decided).toEqual({
        kind: 'decided',
        before: expect.objectContaining({ status: 'queued', decidedBy: null, reason: 'creator_trust' }),
        review: expect.objectContaining({
          status: 'rejected',
          decidedBy: 'admin-1',
          reason: 'off_topic',
          decisionNote: 'not for kids',
          decidedAt: expect.any(String),
        }),
      });
      expect(await repo.decide(assetId, { to: 'approved', by: 'admin-2' })).toEqual({ kind: 'conflict', status: 'rejected' });
      expect((await repo.find(assetId))?.decidedBy).toBe('admin-1');
      expect(await repo.decide(id('none'), { to: 'approved', by: 'admin-1' })).toEqual({ kind: 'missing' });
      expect((await repo.listQueued(500)).map((r) => r.assetId)).not.toContain(assetId);
    });

    it('lets exactly one of two racing decisions win', async () => {
      const assetId = id('race');
      await repo.record(newReview(assetId));
      const outcomes = await Promise.all([
        repo.decide(assetId, { to: 'approved', by: 'admin-1' }),
        repo.decide(assetId, { to: 'rejected', by: 'admin-2', reason: 'nope' }),
      ]);
      expect(outcomes.map((o) => o.kind).sort()).toEqual(['conflict', 'decided']);
    });

    it('hands out copies', async () => {
      const assetId = id('copy');
      const { review } = await repo.record(newReview(assetId));
      review.asset.title = 'changed';
      review.rules.push({ rule: 'x', severity: 'hard' });
      expect(await repo.find(assetId)).toMatchObject({
        asset: { title: 'Stars' },
        rules: [expect.objectContaining({ rule: 'creator_trust' })],
      });
    });
  });
}
