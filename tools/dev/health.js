/**
 * `pnpm run docker:dev:health`: asks every app of apps/ (tools/dev/app-inventory.js) for
 * /ready (falling back to /health when /ready cannot be reached) on localhost, prints one
 * line per app and a summary line. Works for compose and for dev:local. `--wait SECONDS`
 * retries until every app is ready or the time is up (compose-smoke uses it); `--host`
 * changes the host. Exit code 1 when any app is not ready.
 *
 *   node tools/dev/health.js [--wait 180] [--host 127.0.0.1]
 */
const path = require('node:path');
const { listApps, portVariable } = require('./app-inventory');

const root = path.resolve(__dirname, '../..');
const arg = (name) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const waitMs = Number(arg('wait') ?? 0) * 1000;
const host = arg('host') ?? '127.0.0.1';

const apps = listApps(root)
  .map((a) => ({ ...a, port: Number(process.env[portVariable(a.name)] ?? a.port) }))
  .filter((a) => Number.isInteger(a.port));

async function probe(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return { ok: res.ok, status: res.status, body: await res.text() };
  } catch (error) {
    return { ok: false, status: 0, body: error.cause?.code ?? error.message };
  }
}

async function check(app) {
  const base = `http://${host}:${app.port}${app.healthBase}`;
  let result = await probe(`${base}/ready`);
  let which = 'ready';
  if (result.status === 0 || result.status === 404) {
    result = await probe(`${base}/health`);
    which = 'health';
  }
  return { app, base, which, ...result };
}

(async () => {
  const deadline = Date.now() + waitMs;
  let results = await Promise.all(apps.map(check));
  while (results.some((r) => !r.ok) && Date.now() < deadline) {
    process.stdout.write(
      `docker:dev:health: waiting for ${results
        .filter((r) => !r.ok)
        .map((r) => r.app.name)
        .join(', ')}…\n`,
    );
    await new Promise((resolve) => setTimeout(resolve, 3000));
    results = await Promise.all(apps.map(check));
  }
  for (const r of results) {
    const mark = r.ok ? 'ok  ' : 'FAIL';
    process.stdout.write(
      `${mark} ${r.app.name.padEnd(16)} ${r.which.padEnd(6)} ${String(r.status).padEnd(3)} ${r.base}${r.ok ? '' : `  ${r.body.slice(0, 160)}`}\n`,
    );
  }
  const bad = results.filter((r) => !r.ok);
  process.stdout.write(
    `docker:dev:health: ${results.length - bad.length}/${results.length} apps ready${bad.length ? `; not ready: ${bad.map((r) => r.app.name).join(', ')}` : ''}\n`,
  );
  process.exit(bad.length ? 1 : 0);
})();
