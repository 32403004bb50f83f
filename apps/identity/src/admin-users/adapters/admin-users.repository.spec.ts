import { createPgPool } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { IdentityPrismaService } from '../../infra/identity-prisma.service';
import { adminUsersRepositoryContract } from '../admin-users-repository.contract';
import { MemoryAdminUsersRepository } from './memory-admin-users.repository';
import { PrismaAdminUsersRepository } from './prisma-admin-users.repository';

let pool: Pool;
let prisma: IdentityPrismaService;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 2);
  prisma = new IdentityPrismaService(pool);
});
afterAll(async () => {
  await prisma.$disconnect();
  if (!pool.ended) await pool.end();
});

adminUsersRepositoryContract('memory', () => new MemoryAdminUsersRepository());
adminUsersRepositoryContract('prisma (real Postgres)', () => new PrismaAdminUsersRepository(prisma));
