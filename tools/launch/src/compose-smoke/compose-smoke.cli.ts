import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type CommandSpec, progress, readBoolean, runCli, UsageError } from '../cli/cli-command';
import { parseNumber } from '../go-nogo/go-nogo';

const ROOT = resolve(__dirname, '../../../..');
/** The production-like stack with compose-smoke's override (identity mails its codes to smoke-mail). */
const FILES = ['-f', 'docker-compose.prod.yml', '-f', 'docker-compose.smoke.yml', '--env-file', 'env.prod'];
const FLOWS = ['family', 'auth'] as const;

const SPEC: CommandSpec = {
  name: 'compose-smoke',
  summary:
    'builds and starts docker-compose.prod.yml + docker-compose.smoke.yml (enforce mode, strict persistence), waits for every /ready, runs the family and auth smoke flows against it, then takes it down',
  env: [
    { name: 'COMPOSE_SMOKE_PROJECT', default: 'mikasmissions-smoke', description: 'compose project (own volumes, removed at the end)' },
    { name: 'COMPOSE_SMOKE_WAIT_SECONDS', default: '180', description: 'how long every app may take to be ready' },
    { name: 'COMPOSE_SMOKE_KEEP', default: 'false', description: 'true: leave the stack up (and its volumes) for a look' },
    { name: 'COMPOSE_SMOKE_DIR', default: 'tmp/compose-smoke', description: 'where smoke-mail’s log (the codes) goes' },
    { name: 'GATEWAY_PORT', default: '8080', description: 'the gateway port the prod file publishes' },
    { name: 'DOCKER', default: 'docker', description: 'the docker binary' },
  ],
  exitCodes: {
    0: 'the stack came up and every smoke flow passed',
    1: 'a step failed',
    2: 'no Docker with the compose plugin, or bad settings',
  },
  examples: ['make compose-smoke', 'COMPOSE_SMOKE_KEEP=true pnpm run compose-smoke'],
};

const NO_DOCKER =
  'compose-smoke: needs Docker with the compose plugin (`docker compose version` failed%s). ' +
  'Without Docker run the checks that need none: pnpm run compose:validate && pnpm run e2e-smoke';

runCli(SPEC, async () => {
  const docker = process.env.DOCKER?.trim() || 'docker';
  const project = process.env.COMPOSE_SMOKE_PROJECT?.trim() || 'mikasmissions-smoke';
  const raw = process.env.COMPOSE_SMOKE_WAIT_SECONDS?.trim();
  const waitSeconds = raw ? parseNumber('COMPOSE_SMOKE_WAIT_SECONDS', raw) : 180;
  if (waitSeconds <= 0) throw new UsageError('COMPOSE_SMOKE_WAIT_SECONDS must be above 0');
  const keep = readBoolean(process.env, 'COMPOSE_SMOKE_KEEP', false);
  const say = progress('compose-smoke');

  const version = spawnSync(docker, ['compose', 'version'], { encoding: 'utf8', timeout: 15_000 });
  if (version.status !== 0) {
    const why = version.error
      ? `: ${docker} ${(version.error as NodeJS.ErrnoException).code ?? version.error.message}`
      : `: ${(version.stderr || '').trim()}`;
    process.stderr.write(`${NO_DOCKER.replace('%s', why)}\n`);
    return 2;
  }
  const compose = (args: string[]) => [docker, ['compose', '-p', project, ...FILES, '--profile', 'all', ...args]] as const;
  const run = (label: string, [cmd, args]: readonly [string, readonly string[]], env: NodeJS.ProcessEnv = {}) => {
    say(`${label}: ${cmd} ${args.join(' ')}`);
    const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    if (r.status !== 0) process.stdout.write(`[FAIL] ${label} (exit ${r.status ?? r.signal})\n`);
    return r.status === 0;
  };
  const node = (...args: string[]) => [process.execPath, args] as const;

  if (!run('compose:validate', node('tools/dev/validate-compose.js'))) return 1;
  const dir = resolve(ROOT, process.env.COMPOSE_SMOKE_DIR || 'tmp/compose-smoke');
  mkdirSync(dir, { recursive: true });
  const mailLog = join(dir, 'smoke-mail.log');
  let passed = false;
  let logs: ReturnType<typeof spawn> | undefined;
  try {
    if (!run('build and start', compose(['up', '-d', '--build']))) return 1;
    if (!run(`wait for every app (${waitSeconds} s)`, node('tools/dev/health.js', '--wait', String(waitSeconds)))) return 1;
    const fd = openSync(mailLog, 'w');
    const [cmd, args] = compose(['logs', '-f', '--no-color', '--no-log-prefix', 'smoke-mail']);
    logs = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    say(`smoke-mail's log (the consent codes): ${mailLog}`);
    const gateway = `http://127.0.0.1:${process.env.GATEWAY_PORT?.trim() || '8080'}`;
    const results = FLOWS.map((flow) =>
      run(`smoke ${flow}`, node('-r', '@swc-node/register', 'tools/launch/src/smoke/smoke.cli.ts', '--flow', flow), {
        GATEWAY_URL: gateway,
        SMOKE_START_STACK: 'false',
        SMOKE_IDENTITY_LOG: mailLog,
      }),
    );
    passed = results.every(Boolean);
    return passed ? 0 : 1;
  } finally {
    logs?.kill();
    if (keep) say(`COMPOSE_SMOKE_KEEP=true: the stack stays up (${docker} compose -p ${project} ${FILES.join(' ')} --profile all down -v)`);
    else run('take down', compose(['down', '-v', '--remove-orphans']));
    process.stdout.write(passed ? '[OK] compose smoke passed\n' : '[FAIL] compose smoke failed\n');
  }
});
