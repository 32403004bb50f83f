import { randomUUID } from 'node:crypto';
import type { ConsentRepository } from './consent.repository';
import type { NewConsentRequest } from './parent';

const unique = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

const newRequest = (overrides: Partial<NewConsentRequest> = {}): NewConsentRequest => ({
  id: randomUUID(),
  tenantId: unique('t'),
  parentUserId: randomUUID(),
  method: 'email_plus',
  codeHash: 'a'.repeat(64),
  maxAttempts: 3,
  expiresAt: new Date(Date.now() + 600_000).toISOString(),
  ...overrides,
});

/** The behaviour every ConsentRepository adapter must have (run by the memory and Prisma specs). */
export function consentRepositoryContract(name: string, make: () => Promise<ConsentRepository> | ConsentRepository): void {
  describe(`ConsentRepository contract: ${name}`, () => {
    let repo: ConsentRepository;
    beforeEach(async () => {
      repo = await make();
    });

    it('stores an open request and finds it only for its own parent and tenant', async () => {
      const input = newRequest();
      const stored = await repo.createRequest(input);
      expect(stored).toEqual({ ...input, attempts: 0, consumedAt: null, createdAt: expect.any(String) });
      expect(await repo.findRequest(input.tenantId, input.parentUserId, input.id)).toEqual(stored);
      expect(await repo.findRequest(input.tenantId, randomUUID(), input.id)).toBeNull();
      expect(await repo.findRequest(unique('other'), input.parentUserId, input.id)).toBeNull();
    });

    it('counts attempts up to the maximum, then answers null', async () => {
      const input = await repo.createRequest(newRequest());
      const counts = [];
      for (let i = 0; i < 4; i++) counts.push(await repo.recordAttempt(input.tenantId, input.id));
      expect(counts).toEqual([1, 2, 3, null]);
      expect(await repo.recordAttempt(input.tenantId, randomUUID())).toBeNull();
    });

    it('consumes a request exactly once and records its consent; used requests are no longer open', async () => {
      const request = await repo.createRequest(newRequest());
      const at = new Date('2026-12-01T12:00:00Z');
      const [a, b] = await Promise.all([
        repo.consume(request, { id: randomUUID(), verifiedAt: at }),
        repo.consume(request, { id: randomUUID(), verifiedAt: at }),
      ]);
      const won = [a, b].filter((r) => r !== null);
      expect(won).toHaveLength(1);
      expect(won[0]).toEqual({
        id: expect.any(String),
        tenantId: request.tenantId,
        parentUserId: request.parentUserId,
        consentRequestId: request.id,
        method: 'email_plus',
        verifiedAt: '2026-12-01T12:00:00.000Z',
      });
      expect((await repo.findRequest(request.tenantId, request.parentUserId, request.id))?.consumedAt).toBe('2026-12-01T12:00:00.000Z');
      expect(await repo.recordAttempt(request.tenantId, request.id)).toBeNull();
      expect(await repo.latestOpen(request.tenantId, request.parentUserId)).toBeNull();
    });

    it("finds the parent's newest open request", async () => {
      const older = await repo.createRequest(newRequest());
      await new Promise((r) => setTimeout(r, 5));
      const newer = await repo.createRequest(newRequest({ tenantId: older.tenantId, parentUserId: older.parentUserId }));
      expect((await repo.latestOpen(older.tenantId, older.parentUserId))?.id).toBe(newer.id);
      await repo.consume(newer, { id: randomUUID(), verifiedAt: new Date() });
      expect((await repo.latestOpen(older.tenantId, older.parentUserId))?.id).toBe(older.id);
    });
  });
}
