import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type CommandSpec, progress, readBoolean, runCli, UsageError } from '../cli/cli-command';
import { FLOWS, type FlowName, isFlow, runSmokeFlow } from './smoke-run';
import { gatewayUrlFrom, openStack, startSmokeStack } from './smoke-stack';
import { healthUrl, stackPorts } from './stack-ports';

const ROOT = resolve(__dirname, '../../../..');

const SPEC: CommandSpec = {
  name: 'smoke',
  summary: 'seed 000’s smoke flows through the gateway at GATEWAY_URL; starts the stack in memory mode when no gateway answers there',
  options: {
    flow: { type: 'string', description: `which flow: ${Object.keys(FLOWS).join(' | ')} (default family)` },
    serve: {
      type: 'boolean',
      description:
        'start the stack of --flow (default: family, auth and admin together), print "[serve] gateway <url>" and one line per app, keep it up until Ctrl-C/SIGTERM (today-ready and stack:phase-b use it)',
    },
  },
  env: [
    {
      name: 'GATEWAY_URL',
      default: 'http://localhost:8080',
      description: 'the gateway to smoke; when /health does not answer, a stack is started',
    },
    { name: 'SMOKE_START_STACK', default: 'true', description: 'false: fail instead of starting a stack when no gateway answers' },
    {
      name: 'SMOKE_IDENTITY_LOG',
      default: 'tmp/smoke/identity.log (what --serve writes)',
      description: 'file with identity’s console (consent codes) for a gateway you started',
    },
    {
      name: 'STACK_PERSISTENCE',
      default: 'memory',
      description: 'postgres: a started stack uses the Postgres at DATABASE_URL (run pnpm run migrate first) and the Redis at REDIS_URL',
    },
    {
      name: 'STACK_PORT_BASE',
      description: '--serve --flow …: ports from here up, one per app (default: each app’s own port, <APP>_PORT when exported)',
    },
    { name: 'SMOKE_PARENT_EMAIL / SMOKE_PARENT_PASSWORD', description: 'a parent who already consented (targets with real mail)' },
    { name: 'SMOKE_ADMIN_EMAIL / SMOKE_ADMIN_PASSWORD', description: 'admin flow credentials (default: the dev admin)' },
    { name: 'SMOKE_REDIS_URL', default: 'redis://127.0.0.1:6379', description: 'Redis for events between the started apps' },
    {
      name: 'SMOKE_LOGS_DIR',
      default: 'tmp/smoke',
      description: 'where a failed run (and --serve, all along) writes each started app’s output',
    },
    { name: 'SMOKE_LOG_LEVEL', default: 'warn', description: 'LOG_LEVEL of the started apps' },
  ],
  exitCodes: { 0: 'every step passed', 1: 'a step failed (printed as [FAIL] <step>: …) or the stack did not start', 2: 'bad arguments' },
  examples: [
    'pnpm run e2e-smoke',
    'pnpm run e2e-auth-smoke',
    'pnpm run stack:phase-b   # in one terminal; then pnpm run smoke:phase-b in another',
    'GATEWAY_URL=https://staging.example.com SMOKE_START_STACK=false pnpm run e2e-smoke',
  ],
};

const SERVED_TOGETHER: FlowName[] = ['family', 'auth', 'admin'];

/**
 * `--serve`: the stack of `flow` (default: family, auth and admin together, on free ports; a named
 * flow on fixed ports, see {@link stackPorts}) until SIGINT/SIGTERM; identity's console goes to
 * SMOKE_IDENTITY_LOG (default tmp/smoke/identity.log), where a smoke in another terminal reads codes;
 * every app's output to SMOKE_LOGS_DIR/<app>.log (default tmp/smoke).
 */
async function serve(flow?: FlowName): Promise<number> {
  const say = progress(`smoke:serve${flow ? `:${flow}` : ''}`);
  const flows = flow ? [FLOWS[flow]] : SERVED_TOGETHER.map((f) => FLOWS[f]);
  const apps = [...new Set(flows.flatMap((f) => f.apps))];
  const env = Object.assign({}, ...flows.map((f) => ('stack' in f ? f.stack.env : {}))) as Record<string, string>;
  const stack = await startSmokeStack(apps, process.env, say, { env, ports: flow ? stackPorts(ROOT, apps, process.env) : {} });
  const log = resolve(ROOT, process.env.SMOKE_IDENTITY_LOG || 'tmp/smoke/identity.log');
  mkdirSync(dirname(log), { recursive: true });
  const logs = resolve(ROOT, process.env.SMOKE_LOGS_DIR || 'tmp/smoke');
  mkdirSync(logs, { recursive: true });
  const written = new Map<string, string>();
  const copy = setInterval(() => {
    const outputs = stack.outputs();
    writeFileSync(log, outputs.identity ?? '');
    for (const [app, text] of Object.entries(outputs))
      if (written.get(app) !== text) {
        writeFileSync(join(logs, `${app}.log`), text);
        written.set(app, text);
      }
  }, 250);
  process.stdout.write(`[serve] identity log ${log}\n[serve] gateway ${stack.gatewayUrl}\n`);
  say(`each app's output (its last 20 kB, LOG_LEVEL ${process.env.SMOKE_LOG_LEVEL ?? 'warn'}): ${logs}/<app>.log`);
  const width = Math.max(...apps.map((a) => a.length));
  for (const [app, url] of Object.entries(stack.urls ?? {}))
    process.stdout.write(`  ${app.padEnd(width)}  ${url}   (health: ${healthUrl(ROOT, app, url)})\n`);
  say('up; Ctrl-C stops every app');
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  clearInterval(copy);
  say('stopping the stack');
  await stack.stop();
  return 0;
}

/** The environment of a run: SMOKE_IDENTITY_LOG defaults to the file a `--serve` in another terminal writes. */
function runEnv(): NodeJS.ProcessEnv {
  const served = resolve(ROOT, 'tmp/smoke/identity.log');
  return process.env.SMOKE_IDENTITY_LOG || !existsSync(served) ? process.env : { ...process.env, SMOKE_IDENTITY_LOG: served };
}

runCli(SPEC, async (values) => {
  const named = typeof values.flow === 'string' ? values.flow : undefined;
  const flow = named ?? 'family';
  if (!isFlow(flow)) throw new UsageError(`--flow must be one of ${Object.keys(FLOWS).join(', ')}, got "${flow}"`);
  if (values.serve) return serve(named === undefined ? undefined : flow);
  const say = progress(`smoke:${flow}`);
  const env = runEnv();
  const spec = FLOWS[flow];
  const options = 'stack' in spec ? spec.stack : {};
  const stack = await openStack(spec.apps, env, say, readBoolean(env, 'SMOKE_START_STACK', true), options);
  if (!stack) {
    process.stdout.write(`[FAIL] gateway: no answer from ${gatewayUrlFrom(process.env)}/health (SMOKE_START_STACK=false)\n`);
    return 1;
  }
  const onSignal = () => void stack.stop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const result = await runSmokeFlow(flow, stack, (line) => process.stdout.write(`${line}\n`), env);
    if (!result.ok && stack.started) {
      const dir = resolve(ROOT, process.env.SMOKE_LOGS_DIR || 'tmp/smoke');
      mkdirSync(dir, { recursive: true });
      for (const [app, text] of Object.entries(stack.outputs())) writeFileSync(join(dir, `${app}.log`), text);
      say(`each app's output: ${dir}/<app>.log`);
    }
    say(`${result.steps} steps in ${(result.ms / 1000).toFixed(1)} s`);
    return result.ok ? 0 : 1;
  } finally {
    if (stack.started) say('stopping the stack');
    await stack.stop();
  }
});
