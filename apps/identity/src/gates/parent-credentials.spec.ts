import { hash } from '@node-rs/argon2';
import { MemoryParentsRepository } from '../parents/adapters/memory-parents.repository';
import { ParentsRepositoryCredentials } from './parent-credentials';

describe('ParentsRepositoryCredentials', () => {
  it("accepts the parent's password only, in its tenant, and nothing for an unknown parent", async () => {
    const parents = new MemoryParentsRepository();
    await parents.create({
      id: 'p-1',
      tenantId: 't1',
      email: 'a@example.com',
      emailKey: 'a@example.com',
      passwordHash: await hash('correct horse battery'),
      country: 'DE',
      language: 'de',
      marketing: false,
    });
    const creds = new ParentsRepositoryCredentials(parents);
    expect(await creds.verifyPassword('t1', 'p-1', 'correct horse battery')).toBe(true);
    expect(await creds.verifyPassword('t1', 'p-1', 'correct horse batterY')).toBe(false);
    expect(await creds.verifyPassword('t2', 'p-1', 'correct horse battery')).toBe(false);
    expect(await creds.verifyPassword('t1', 'p-unknown', 'correct horse battery')).toBe(false);
  });
});
