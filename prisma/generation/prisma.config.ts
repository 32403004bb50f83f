import { defineConfig } from 'prisma/config';

/** Prisma CLI config of the generation service (its schema and migrations). */
export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/mikasmissions' },
});
