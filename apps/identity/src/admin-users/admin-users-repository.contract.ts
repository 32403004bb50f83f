import { randomUUID } from 'node:crypto';
import type { NewAdminUser } from './admin-user';
import type { AdminUsersRepository } from './admin-users.repository';

const newAdmin = (overrides: Partial<NewAdminUser> = {}): NewAdminUser => ({
  id: randomUUID(),
  tenantId: `t-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`,
  emailKey: `admin.${Math.random().toString(36).slice(2, 8)}@example.com`,
  passwordHash: '$argon2id$fake',
  ...overrides,
});

/** The behaviour every AdminUsersRepository adapter must have (run by the memory and Prisma specs). */
export function adminUsersRepositoryContract(name: string, make: () => Promise<AdminUsersRepository> | AdminUsersRepository): void {
  describe(`AdminUsersRepository contract: ${name}`, () => {
    let repo: AdminUsersRepository;
    beforeEach(async () => {
      repo = await make();
    });

    it('creates an admin once and finds it by email within its tenant', async () => {
      const input = newAdmin();
      const first = await repo.ensure(input);
      expect(first).toEqual({ user: { ...input, createdAt: expect.any(String) }, created: true });
      expect(await repo.findByEmail(input.tenantId, input.emailKey)).toEqual(first.user);
      expect(await repo.findByEmail(`${input.tenantId}-other`, input.emailKey)).toBeNull();
    });

    it('keeps the existing admin when the email is ensured again', async () => {
      const input = newAdmin();
      const first = await repo.ensure(input);
      const again = await repo.ensure({ ...input, id: randomUUID(), passwordHash: '$argon2id$other' });
      expect(again).toEqual({ user: first.user, created: false });
    });
  });
}
