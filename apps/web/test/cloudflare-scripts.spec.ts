import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const APP = join(__dirname, '..');
const SECRETS = ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_ACCOUNT_ID', 'NEXT_PUBLIC_API_BASE_URL', 'CLOUDFLARE_WORKERS_DEV_URL'];

/** `pnpm --filter web run deploy` without the secrets, with only `PATH`/`HOME` plus `env`. */
const deploy = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['scripts/deploy.mjs'], {
    cwd: APP,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('deploy (scripts/deploy.mjs) without seed 000 secrets', () => {
  it('stops with exit 2 before building and names all four missing secrets', () => {
    const run = deploy({});
    expect(run.status).toBe(2);
    for (const name of SECRETS) expect(run.stderr).toContain(name);
    expect(run.stderr).toContain('stopped before building');
    expect(run.stdout).not.toContain('opennextjs-cloudflare');
  });

  it('names only the secret that is still missing', () => {
    const run = deploy({ CLOUDFLARE_API_TOKEN: 'set', CLOUDFLARE_ACCOUNT_ID: 'set', NEXT_PUBLIC_API_BASE_URL: 'https://api.example.com' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/stopped before building: CLOUDFLARE_WORKERS_DEV_URL is not set/);
  });
});
