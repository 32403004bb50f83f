import { createPgPool } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { IdentityPrismaService } from '../../infra/identity-prisma.service';
import { consentRepositoryContract } from '../consent-repository.contract';
import { parentsRepositoryContract } from '../parents-repository.contract';
import { PrismaConsentRepository } from './prisma-consent.repository';
import { PrismaParentsRepository } from './prisma-parents.repository';

let pool: Pool;
let prisma: IdentityPrismaService;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 4);
  prisma = new IdentityPrismaService(pool);
});
afterAll(async () => {
  await prisma.$disconnect();
  if (!pool.ended) await pool.end();
});

parentsRepositoryContract('prisma (real Postgres)', () => new PrismaParentsRepository(prisma));
consentRepositoryContract('prisma (real Postgres)', () => new PrismaConsentRepository(prisma));
