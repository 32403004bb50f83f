import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { listServices, repoRoot } from './service-plan';

const REPO = repoRoot();
const CLI = join(__dirname, 'migrate.cli.ts');

function migrate(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', CLI, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...env, SWC_NODE_PROJECT: join(REPO, 'tsconfig.json') },
  });
}

describe('pnpm run migrate <service>', () => {
  it('refuses a name that is not a service, lists the known ones, and touches no database', () => {
    const { DATABASE_URL: _unused, ...env } = process.env;
    const r = migrate(['identity', 'identiy'], { ...env, DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/never' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('migrate: unknown service(s): identiy.');
    for (const service of listServices(join(REPO, 'prisma'))) expect(r.stderr).toContain(service);
    expect(r.stderr).not.toContain('cannot connect');
  });

  it('says which variable is missing before it connects', () => {
    const { DATABASE_URL: _unused, ...env } = process.env;
    const r = migrate(['identity'], env);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('DATABASE_URL is not set');
  });
});
