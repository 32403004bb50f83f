/**
 * `pnpm run docker:dev:health`: asks every app for /ready (falling back to /health) on
 * localhost and prints a one-line summary per app. Works for compose and for dev:local.
 * Exit code 1 when any app is not ready.
 */
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

function appsWithPorts() {
  return readdirSync(path.join(root, 'apps'))
    .map((name) => ({ name, module: path.join(root, 'apps', name, 'src/app.module.ts') }))
    .filter((a) => existsSync(a.module))
    .map(({ name, module }) => {
      // PlatformModule.forRoot({ service, http: { port: N, prefix: '…' } }) in app.module.ts
      const http = readFileSync(module, 'utf8').match(/http:\s*\{([^}]*)\}/)?.[1] ?? '';
      const port = Number(process.env[`${name.toUpperCase().replace(/-/g, '_')}_PORT`] ?? http.match(/port:\s*(\d+)/)?.[1]);
      const prefix = http.match(/prefix:\s*'([^']*)'/)?.[1] ?? '';
      return { name, port, prefix };
    })
    .filter((a) => Number.isInteger(a.port));
}

async function probe(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return { ok: res.ok, status: res.status, body: await res.text() };
  } catch (error) {
    return { ok: false, status: 0, body: error.cause?.code ?? error.message };
  }
}

(async () => {
  let bad = 0;
  for (const app of appsWithPorts()) {
    const base = `http://127.0.0.1:${app.port}${app.prefix ? `/${app.prefix}` : ''}`;
    let result = await probe(`${base}/ready`);
    let which = 'ready';
    if (result.status === 0 || result.status === 404) {
      result = await probe(`${base}/health`);
      which = 'health';
    }
    if (!result.ok) bad += 1;
    const mark = result.ok ? 'ok  ' : 'FAIL';
    process.stdout.write(`${mark} ${app.name.padEnd(16)} ${which.padEnd(6)} ${String(result.status).padEnd(3)} ${base}${result.ok ? '' : `  ${result.body.slice(0, 160)}`}\n`);
  }
  process.exit(bad ? 1 : 0);
})();
