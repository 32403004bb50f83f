import { parseArgs } from 'node:util';
import { applyPlan, planService } from './new-service';
import { NewServiceInputError } from './new-service.errors';
import { formatWithPrettier } from './prettier-format';
import { repoRoot } from './repo-root';

const USAGE = 'usage: pnpm run new:service <name> --port <N> [--prefix v1] [--feature items] [--root <dir>]';

/**
 * `pnpm run new:service <name> --port N [--prefix v1] [--feature items]`: stamps a service on
 * the platform frame (app, feature folder with memory + Postgres adapters and their contract
 * suite, e2e test, Prisma schema and migration) and registers it in env.dev/env.prod, both
 * compose files, package.json and the README. Bad input: one line on stderr, exit 2, nothing written.
 */
async function main(): Promise<void> {
  let root: string;
  try {
    const { values, positionals } = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { port: { type: 'string' }, prefix: { type: 'string' }, feature: { type: 'string' }, root: { type: 'string' } },
    });
    if (positionals.length !== 1)
      throw new NewServiceInputError(`expected one service name, got ${positionals.length ? positionals.join(' ') : 'none'}. ${USAGE}`);
    if (values.port === undefined) throw new NewServiceInputError(`--port is required. ${USAGE}`);
    root = values.root ?? repoRoot();
    const plan = await planService({
      root,
      name: positionals[0],
      port: values.port,
      prefix: values.prefix,
      feature: values.feature,
      format: formatWithPrettier(root),
    });
    applyPlan(root, plan, (line) => process.stdout.write(`new:service: ${line}\n`));
    const { service, feature, prefix, port } = plan.values;
    process.stdout.write(
      `new:service: ${service} is ready on :${port}/${prefix} (${feature}). Next: pnpm install (registers its workspace package @mikasmissions/${service}), pnpm run migrate ${service} (with DATABASE_URL), pnpm exec jest apps/${service}, pnpm run dev:local ${service}\n`,
    );
  } catch (error) {
    const known = error instanceof NewServiceInputError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`new:service: ${(error as Error).message.split('\n')[0]}\n`);
    process.exit(known ? 2 : 1);
  }
}

void main();
