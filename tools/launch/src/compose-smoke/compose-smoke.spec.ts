import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLaunchCli } from '../testing/run-cli';

/** A fake `docker` in a fresh folder: logs each call to calls.log, fails (exit 1) the calls whose arguments contain $FAKE_DOCKER_FAIL. */
function fakeDocker(): { dir: string; calls: () => string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'fake-docker-'));
  const log = join(dir, 'calls.log');
  const script = [
    '#!/bin/sh',
    `echo "$*" >> '${log}'`,
    'if [ -n "$FAKE_DOCKER_FAIL" ]; then case "$*" in *"$FAKE_DOCKER_FAIL"*) echo "fake docker: $* failed" >&2; exit 1;; esac; fi',
    'echo "Docker Compose version v2.30.0"',
  ].join('\n');
  writeFileSync(join(dir, 'docker'), `${script}\n`, { mode: 0o755 });
  return { dir, calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []) };
}

describe('compose-smoke (make compose-smoke)', () => {
  let docker: ReturnType<typeof fakeDocker>;
  let out: string;
  beforeEach(() => {
    docker = fakeDocker();
    out = mkdtempSync(join(tmpdir(), 'compose-smoke-'));
  });
  afterEach(() => {
    rmSync(docker.dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('without a working docker compose exits 2 with what to run instead, and starts nothing', () => {
    const r = runLaunchCli('compose-smoke/compose-smoke.cli.ts', [], {
      PATH: `${docker.dir}:${process.env.PATH}`,
      FAKE_DOCKER_FAIL: 'compose version',
      COMPOSE_SMOKE_DIR: out,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'compose-smoke: needs Docker with the compose plugin (`docker compose version` failed: fake docker: compose version failed)',
    );
    expect(r.stderr).toContain('pnpm run compose:validate && pnpm run e2e-smoke');
    expect(docker.calls()).toEqual(['compose version']);
  });

  it('names a docker binary that is not there', () => {
    const r = runLaunchCli('compose-smoke/compose-smoke.cli.ts', [], { DOCKER: join(out, 'no-docker'), COMPOSE_SMOKE_DIR: out });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`failed: ${join(out, 'no-docker')} ENOENT`);
  });

  it('starts prod + the smoke override in its own project, and takes it down (volumes too) when the start fails', () => {
    const r = runLaunchCli('compose-smoke/compose-smoke.cli.ts', [], {
      PATH: `${docker.dir}:${process.env.PATH}`,
      FAKE_DOCKER_FAIL: ' up ',
      COMPOSE_SMOKE_DIR: out,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('compose:validate: ok');
    expect(r.stdout).toContain('[FAIL] build and start (exit 1)');
    expect(r.stdout).toContain('[FAIL] compose smoke failed');
    const stack = '-p mikasmissions-smoke -f docker-compose.prod.yml -f docker-compose.smoke.yml --env-file env.prod --profile all';
    expect(docker.calls().filter((c) => c !== 'compose version')).toEqual([
      'compose -f docker-compose.dev.yml --env-file env.dev --profile all config -q',
      'compose -f docker-compose.prod.yml --env-file env.prod --profile all config -q',
      'compose -f docker-compose.prod.yml -f docker-compose.smoke.yml --env-file env.prod --profile all config -q',
      `compose ${stack} up -d --build`,
      `compose ${stack} down -v --remove-orphans`,
    ]);
  });

  it('starts nothing when docker compose rejects the override layered on the prod file', () => {
    const r = runLaunchCli('compose-smoke/compose-smoke.cli.ts', [], {
      PATH: `${docker.dir}:${process.env.PATH}`,
      FAKE_DOCKER_FAIL: 'docker-compose.smoke.yml --env-file env.prod --profile all config',
      COMPOSE_SMOKE_DIR: out,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('compose:validate: docker-compose.prod.yml + docker-compose.smoke.yml: docker compose config: fake docker');
    expect(r.stdout).toContain('[FAIL] compose:validate (exit 1)');
    expect(docker.calls().some((c) => c.includes(' up '))).toBe(false);
  });

  it('rejects a bad wait and documents itself in --help', () => {
    const bad = runLaunchCli('compose-smoke/compose-smoke.cli.ts', [], { COMPOSE_SMOKE_WAIT_SECONDS: 'soon', COMPOSE_SMOKE_DIR: out });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('COMPOSE_SMOKE_WAIT_SECONDS');
    const help = runLaunchCli('compose-smoke/compose-smoke.cli.ts', ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('COMPOSE_SMOKE_KEEP=false');
  });
});
