import { randomUUID } from 'node:crypto';
import type { NewParent } from './parent';
import { EmailTakenError } from './parents.errors';
import type { ParentsRepository } from './parents.repository';

const unique = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

/** A parent to store, unique per call. */
export function newParent(overrides: Partial<NewParent> = {}): NewParent {
  const email = `${unique('Parent')}@Example.com`;
  return {
    id: randomUUID(),
    tenantId: unique('t'),
    email,
    emailKey: email.toLowerCase(),
    passwordHash: '$argon2id$fake',
    country: 'DE',
    language: 'de',
    marketing: false,
    ...overrides,
  };
}

/** The behaviour every ParentsRepository adapter must have (run by the memory and Prisma specs). */
export function parentsRepositoryContract(name: string, make: () => Promise<ParentsRepository> | ParentsRepository): void {
  describe(`ParentsRepository contract: ${name}`, () => {
    let repo: ParentsRepository;
    beforeEach(async () => {
      repo = await make();
    });

    it('stores a parent as pending_consent and finds it by id and by lower-cased email', async () => {
      const input = newParent();
      const stored = await repo.create(input);
      expect(stored).toEqual({ ...input, status: 'pending_consent', consentVerifiedAt: null, createdAt: expect.any(String) });
      expect(await repo.findById(input.tenantId, input.id)).toEqual(stored);
      expect(await repo.findByEmail(input.tenantId, input.emailKey)).toEqual(stored);
    });

    it('refuses a second parent with the same email key in a tenant, but not in another tenant', async () => {
      const first = await repo.create(newParent());
      await expect(
        repo.create(newParent({ tenantId: first.tenantId, emailKey: first.emailKey, email: first.email.toUpperCase() })),
      ).rejects.toBeInstanceOf(EmailTakenError);
      const other = await repo.create(newParent({ emailKey: first.emailKey }));
      expect(other.emailKey).toBe(first.emailKey);
    });

    it('keeps tenants apart and answers null for the unknown', async () => {
      const stored = await repo.create(newParent());
      expect(await repo.findById(unique('other'), stored.id)).toBeNull();
      expect(await repo.findByEmail(unique('other'), stored.emailKey)).toBeNull();
      expect(await repo.findById(stored.tenantId, randomUUID())).toBeNull();
      expect(await repo.activate(stored.tenantId, randomUUID(), new Date())).toBeNull();
    });

    it('activates once: the status becomes active and the first consent time is kept', async () => {
      const stored = await repo.create(newParent());
      const first = await repo.activate(stored.tenantId, stored.id, new Date('2026-12-01T10:00:00Z'));
      expect(first).toMatchObject({ status: 'active', consentVerifiedAt: '2026-12-01T10:00:00.000Z' });
      const again = await repo.activate(stored.tenantId, stored.id, new Date('2026-12-02T10:00:00Z'));
      expect(again?.consentVerifiedAt).toBe('2026-12-01T10:00:00.000Z');
      expect((await repo.findById(stored.tenantId, stored.id))?.status).toBe('active');
    });
  });
}
