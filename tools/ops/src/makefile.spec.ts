import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './repo-copy';

/** Every `make …` command of seed 000 (the platform README), as written there. */
const SEED_COMMANDS = [
  'guard',
  'test',
  'build',
  'contract',
  'contract-check',
  'e2e-smoke',
  'e2e-auth-smoke',
  'e2e-admin-smoke',
  'migrate-db',
  'compose-smoke',
  'kube-validate',
  'run-gateway',
  'run-identity',
  'run-profile',
  'run-catalog',
  'run-recommendation',
  'run-playback',
  'run-progress',
  'run-billing',
  'launch-preflight',
  'launch-readiness-gate',
  'launch-decision-packet',
  'today-ready',
  'staging-soak',
  'launch-go-nogo',
  'launch-stage',
  'staging-deploy',
  'staging-rollback',
  'staging-deploy-dry-run',
  'outbox-replay',
];

const scripts = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const apps = readdirSync(join(REPO, 'apps')).filter((a) => existsSync(join(REPO, 'apps', a, 'src/main.ts')));
const make = (...args: string[]) => spawnSync('make', ['--no-print-directory', ...args], { cwd: REPO, encoding: 'utf8' });
/** The `pnpm run <script>` commands `make -n` would run (one a line). */
const pnpmScripts = (dryRun: string) => [...dryRun.matchAll(/^pnpm run (?:--silent )?([a-z0-9:-]+)/gm)].map((m) => m[1]);

describe('Makefile', () => {
  const targets =
    readFileSync(join(REPO, 'Makefile'), 'utf8')
      .replace(/\\\n/g, ' ')
      .match(/^[a-z%][a-z0-9% -]*:(?!=)/gm)
      ?.flatMap((l) => l.slice(0, -1).split(/\s+/)) ?? [];

  it.each(SEED_COMMANDS.filter((t) => !t.startsWith('run-')))('make %s delegates to an existing pnpm script', (target) => {
    expect(targets).toContain(target);
    const r = make('-n', target, 'ARGS=-mode=list-failed -limit=20');
    expect(r.status).toBe(0);
    const used = pnpmScripts(r.stdout);
    expect(used.length).toBeGreaterThan(0);
    for (const s of used) expect(Object.keys(scripts)).toContain(s);
  });

  it('make outbox-replay passes ARGS as written in the seed', () => {
    expect(make('-n', 'outbox-replay', 'ARGS=-mode=list-failed -limit=20').stdout.trim()).toBe(
      'pnpm run outbox-replay -mode=list-failed -limit=20',
    );
  });

  it('make run-<app> starts that app with dev:local, for every app of apps/', () => {
    expect(apps.length).toBeGreaterThanOrEqual(9);
    for (const app of apps) expect(make('-n', `run-${app}`).stdout.trim()).toBe(`pnpm run dev:local ${app}`);
    expect(Object.keys(scripts)).toContain('dev:local');
  });

  it('make run-web starts the web app (Next.js, no src/main.ts) with dev:local', () => {
    expect(make('-n', 'run-web').stdout.trim()).toBe('pnpm run dev:local web');
  });

  it('make run-<name> of an app that is not in apps/ fails and lists the apps', () => {
    const r = make('run-no-such-app');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('there is no app no-such-app in apps/');
    for (const app of apps) expect(r.stderr).toContain(app);
  });

  it('has no "not built yet" placeholder left', () => {
    expect(readFileSync(join(REPO, 'Makefile'), 'utf8')).not.toContain('not built yet');
  });

  it('make compose-smoke runs the compose-smoke CLI, and fails clearly (exit 2) where docker compose does not work', () => {
    expect(pnpmScripts(make('-n', 'compose-smoke').stdout)).toEqual(['compose-smoke']);
    const fake = mkdtempSync(join(tmpdir(), 'no-docker-'));
    try {
      writeFileSync(join(fake, 'docker'), '#!/bin/sh\necho "docker: unknown command: compose" >&2\nexit 1\n', { mode: 0o755 });
      const r = spawnSync('make', ['--no-print-directory', 'compose-smoke'], {
        cwd: REPO,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${fake}:${process.env.PATH}` },
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(
        'compose-smoke: needs Docker with the compose plugin (`docker compose version` failed: docker: unknown command: compose)',
      );
      expect(r.stderr).toContain('pnpm run compose:validate && pnpm run e2e-smoke');
    } finally {
      rmSync(fake, { recursive: true, force: true });
    }
  });
});
