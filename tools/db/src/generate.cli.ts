import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listServices } from './service-plan';

/**
 * `pnpm run prisma:generate`: generates each service's Prisma Client (Prisma 7, TS output).
 * Generation needs no schema engine, but the Prisma CLI fetches one at start unless
 * PRISMA_SCHEMA_ENGINE_BINARY points at a file; on machines that cannot download it we
 * hand it a stub, which generation never calls.
 */
function schemaEngineEnv(): NodeJS.ProcessEnv {
  if (process.env.PRISMA_SCHEMA_ENGINE_BINARY && existsSync(process.env.PRISMA_SCHEMA_ENGINE_BINARY)) return process.env;
  const dir = mkdtempSync(join(tmpdir(), 'mm-prisma-'));
  const stub = join(dir, 'schema-engine');
  writeFileSync(stub, '#!/bin/sh\necho "schema engine not available: use pnpm run migrate" >&2\nexit 1\n');
  chmodSync(stub, 0o755);
  return { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
}

const root = resolve(__dirname, '../../..');
const env = schemaEngineEnv();
let failed = false;
for (const service of listServices(join(root, 'prisma')).filter((s) => existsSync(join(root, 'prisma', s, 'schema.prisma')))) {
  const result = spawnSync(
    process.execPath,
    [require.resolve('prisma/build/index.js'), 'generate', '--config', join('prisma', service, 'prisma.config.ts')],
    { cwd: root, env, encoding: 'utf8' },
  );
  if (result.status === 0) process.stdout.write(`prisma:generate: ${service} ok\n`);
  else {
    failed = true;
    process.stderr.write(`prisma:generate: ${service} failed\n${result.stdout}${result.stderr}\n`);
  }
}
process.exit(failed ? 1 : 0);
