import { createPgPool } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { AnalyticsPrismaService } from '../../infra/analytics-prisma.service';
import { eventsRepositoryContract } from '../events-repository.contract';
import { PrismaEventsRepository } from './prisma-events.repository';

let pool: Pool;
let prisma: AnalyticsPrismaService;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 2);
  prisma = new AnalyticsPrismaService(pool);
});
afterAll(async () => {
  await prisma.$disconnect();
  if (!pool.ended) await pool.end();
});

eventsRepositoryContract('prisma (real Postgres)', () => new PrismaEventsRepository(prisma));
