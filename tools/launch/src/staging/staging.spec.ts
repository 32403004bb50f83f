import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fakeKubectl, runLaunchCli } from '../testing/run-cli';

const REAL_KUBECTL = spawnSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).stdout.trim();
const SECRETS = {
  DATABASE_URL: 'postgres://u:very-secret-pw@db:5432/mm?sslmode=require',
  AUTH_JWT_SECRET: 'jwt-secret-value-0123456789abcdef',
};

describe('staging-deploy / staging-rollback / staging-deploy-dry-run (fake kubectl on PATH)', () => {
  it('deploy: Secret on stdin, migrate Jobs deleted, apply -k of the staging overlay, then a wait per Job and a rollout per Deployment', () => {
    const kubectl = fakeKubectl(REAL_KUBECTL);
    const r = runLaunchCli('staging/staging.cli.ts', ['--action', 'deploy'], {
      PATH: `${kubectl.dir}:${process.env.PATH}`,
      ...SECRETS,
      REDIS_URL: 'redis://r:6379',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const calls = readFileSync(kubectl.calls, 'utf8').trim().split('\n');
    expect(calls[0]).toBe('apply -f -');
    expect(calls[1]).toMatch(/^-n mikasmissions-staging delete job .*identity-migrate.* --ignore-not-found$/);
    expect(calls[2]).toMatch(/^apply -k \/.*infra\/kubernetes\/overlays\/staging$/);
    const waits = calls.filter((c) => c.includes('wait --for=condition=complete'));
    const rollouts = calls.filter((c) => c.includes('rollout status'));
    expect(waits.length).toBeGreaterThan(0);
    expect(rollouts).toContain('-n mikasmissions-staging rollout status deployment/gateway --timeout=300s');
    expect(calls.indexOf(waits.at(-1)!)).toBeLessThan(calls.indexOf(rollouts[0]));
    expect(rollouts.length).toBe(Number(/(\d+) rollouts finished/.exec(r.stdout)?.[1]));
    const secret = JSON.parse(readFileSync(kubectl.stdin, 'utf8'));
    expect(secret).toMatchObject({ kind: 'Secret', metadata: { name: 'mikasmissions-secrets', namespace: 'mikasmissions-staging' } });
    expect(secret.stringData).toEqual({
      DATABASE_URL: SECRETS.DATABASE_URL,
      JWT_SECRET: SECRETS.AUTH_JWT_SECRET,
      REDIS_URL: 'redis://r:6379',
    });
    for (const value of Object.values(SECRETS)) {
      expect(calls.join('\n')).not.toContain(value);
      expect(r.stdout).not.toContain(value);
    }
  });

  it('deploy refuses to start without DATABASE_URL and AUTH_JWT_SECRET (exit 2, nothing applied)', () => {
    const kubectl = fakeKubectl(REAL_KUBECTL);
    const r = runLaunchCli('staging/staging.cli.ts', ['--action', 'deploy'], {
      PATH: `${kubectl.dir}:${process.env.PATH}`,
      DATABASE_URL: SECRETS.DATABASE_URL,
    });
    expect([r.status, r.stderr.trim()]).toEqual([2, 'staging-deploy needs AUTH_JWT_SECRET (export AUTH_JWT_SECRET=…)']);
    expect(() => readFileSync(kubectl.calls, 'utf8')).toThrow();
  });

  it('a failed rollout fails the deploy with kubectl’s message (exit 1)', () => {
    const kubectl = fakeKubectl(REAL_KUBECTL);
    const r = runLaunchCli('staging/staging.cli.ts', ['--action', 'deploy'], {
      PATH: `${kubectl.dir}:${process.env.PATH}`,
      ...SECRETS,
      FAKE_KUBECTL_FAIL: 'deployment/playback',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'rollout status deployment/playback failed (exit 1): fake kubectl: -n mikasmissions-staging rollout status deployment/playback',
    );
  });

  it('rollback: rollout undo of every Deployment, then a rollout wait for each', () => {
    const kubectl = fakeKubectl(REAL_KUBECTL);
    const r = runLaunchCli('staging/staging.cli.ts', ['--action', 'rollback'], { PATH: `${kubectl.dir}:${process.env.PATH}` });
    expect(r.status).toBe(0);
    const calls = readFileSync(kubectl.calls, 'utf8').trim().split('\n');
    const undos = calls.filter((c) => c.includes('rollout undo'));
    expect(undos).toContain('-n mikasmissions-staging rollout undo deployment/gateway');
    expect(calls.filter((c) => c.includes('rollout status'))).toHaveLength(undos.length);
    expect(calls.some((c) => c.startsWith('apply'))).toBe(false);
  });

  it('dry-run renders and validates with no cluster and calls no cluster command', () => {
    const kubectl = fakeKubectl(REAL_KUBECTL);
    const r = runLaunchCli('staging/staging.cli.ts', ['--action', 'dry-run'], { PATH: `${kubectl.dir}:${process.env.PATH}` });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('kube-validate: ok   staging');
    expect(r.stdout).toContain('note: a deploy needs DATABASE_URL and AUTH_JWT_SECRET exported');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('[OK] staging dry run: rendered and validated without a cluster');
    expect(() => readFileSync(kubectl.calls, 'utf8')).toThrow();
  });
});
