/**
 * `pnpm run compose:validate`: parses the compose files (no Docker engine needed) and
 * checks what `docker compose` would reject or what would break at run time: unknown
 * depends_on targets, missing env files, services without a profile, apps without a
 * healthcheck, pnpm scripts naming profiles that do not exist, and a Redis that would lose
 * events on a restart (no AOF with `appendfsync everysec`, an evicting policy, no volume).
 *
 * Data-driven from apps/ (tools/dev/app-inventory.js): every app with a `src/main.ts` must
 * have, in both files, a service and profile of its name (also in `all`); when it has
 * `prisma/<app>/`, a one-shot `<app>-migrate` job (`restart: "no"`, after Postgres is
 * healthy, running migrate for that app) the app waits for (`service_completed_successfully`);
 * a healthcheck that asks `/ready` and then `/health`; and a `compose:dev:<app>` pnpm script
 * (plus the aliases, `compose:dev:payment` → billing). Web apps (`apps/<name>/next.config.*`, e.g.
 * apps/web) have no database: the accepted exception is NO `<name>-migrate` job and no wait for
 * Postgres/Redis; instead a service and profile of its name (and `all`), a build with
 * NEXT_PUBLIC_API_BASE_URL, a wait for the gateway (healthy), its port, a healthcheck on `/healthz`
 * and a `compose:dev:<name>` script. The media apps (app-inventory's MEDIA_APPS) mount one named
 * volume `media` at their MEDIA_STORE_DIR. Postgres and Redis publish no ports
 * in dev. docker-compose.smoke.yml (compose-smoke's override of the prod file) must point
 * identity's SMTP_URL at its capture service (tools/dev/smtp-capture.js, healthchecked, in
 * identity's profiles, waited for), and no other pnpm script may use it. When `docker compose`
 * is on PATH (no engine needed), `docker compose config -q` runs too, for the override layered
 * on the prod file as well (skip with `--no-docker`).
 *
 *   node tools/dev/validate-compose.js [--root DIR] [--no-docker]
 */
const { existsSync, readFileSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const YAML = require('yaml');
const { listApps, listWebApps, COMPOSE_ALIASES, MEDIA_APPS } = require('./app-inventory');

const rootArg = process.argv.indexOf('--root');
const root = rootArg === -1 ? path.resolve(__dirname, '../..') : path.resolve(process.argv[rootArg + 1]);
const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts ?? {};
const apps = listApps(root);
const webApps = listWebApps(root);
const problems = [];

function checkAppService(file, services, app) {
  const svc = services[app.name];
  if (!svc) return problems.push(`${file}: app ${app.name} (apps/${app.name}/src/main.ts) has no service`);
  for (const p of [app.name, 'all']) {
    if (!(svc.profiles ?? []).includes(p)) problems.push(`${file}: ${app.name} is not in profile ${p}`);
  }
  const probe = JSON.stringify(svc.healthcheck?.test ?? '');
  const ready = probe.indexOf(`${app.healthBase}/ready`);
  const health = probe.indexOf(`${app.healthBase}/health`);
  if (ready === -1 || health === -1 || health < ready)
    problems.push(`${file}: ${app.name} healthcheck must try ${app.healthBase}/ready, then ${app.healthBase}/health`);
  const deps = svc.depends_on ?? {};
  for (const infra of ['postgres', 'redis']) {
    if (deps[infra]?.condition !== 'service_healthy')
      problems.push(`${file}: ${app.name} must wait for ${infra} (condition service_healthy)`);
  }
  if (!app.schema) return;
  const jobName = `${app.name}-migrate`;
  const job = services[jobName];
  if (!job) return problems.push(`${file}: app ${app.name} has prisma/${app.name} but no ${jobName} job`);
  if (deps[jobName]?.condition !== 'service_completed_successfully')
    problems.push(`${file}: ${app.name} must start after ${jobName} (condition service_completed_successfully)`);
  if (job.depends_on?.postgres?.condition !== 'service_healthy') problems.push(`${file}: ${jobName} must run after postgres is healthy`);
  if (String(job.restart) !== 'no') problems.push(`${file}: ${jobName} must be one-shot (restart: "no")`);
  if (!JSON.stringify(job.command ?? '').includes('migrate')) problems.push(`${file}: ${jobName} does not run migrate`);
  if (!JSON.stringify(job.command ?? '').includes(`"${app.name}"`))
    problems.push(`${file}: ${jobName} does not name ${app.name} (migrate would run every service)`);
  for (const p of [app.name, 'all']) {
    if (!(job.profiles ?? []).includes(p)) problems.push(`${file}: ${jobName} is not in profile ${p}`);
  }
}

/** A web app: no database (explicitly no migrate job, no Postgres/Redis wait), behind a healthy gateway, probed on /healthz. */
function checkWebService(file, services, web) {
  const svc = services[web.name];
  if (!svc) return problems.push(`${file}: web app ${web.name} (apps/${web.name}/next.config.*) has no service`);
  for (const p of [web.name, 'all']) {
    if (!(svc.profiles ?? []).includes(p)) problems.push(`${file}: ${web.name} is not in profile ${p}`);
  }
  if (!JSON.stringify(svc.healthcheck?.test ?? '').includes(`:${web.port}${web.healthPath}`))
    problems.push(`${file}: ${web.name} healthcheck must ask :${web.port}${web.healthPath}`);
  if (svc.depends_on?.gateway?.condition !== 'service_healthy')
    problems.push(`${file}: ${web.name} must wait for gateway (condition service_healthy)`);
  if (!svc.build?.args?.NEXT_PUBLIC_API_BASE_URL)
    problems.push(`${file}: ${web.name} must build with NEXT_PUBLIC_API_BASE_URL (the browser-facing gateway)`);
  if (!(svc.ports ?? []).some((p) => String(p).endsWith(`:${web.port}`)))
    problems.push(`${file}: ${web.name} does not publish ${web.port}`);
  if (services[`${web.name}-migrate`]) problems.push(`${file}: ${web.name} has no database, so no ${web.name}-migrate job`);
  for (const infra of ['postgres', 'redis']) {
    if (svc.depends_on?.[infra]) problems.push(`${file}: ${web.name} has no database and must not wait for ${infra}`);
  }
}

/** The media apps share the named volume `media`, mounted at the MEDIA_STORE_DIR each is given. */
function checkMediaVolume(file, doc, services) {
  if (!doc.volumes || !('media' in doc.volumes)) problems.push(`${file}: no named volume media (the media apps share it)`);
  for (const name of MEDIA_APPS) {
    const svc = services[name];
    if (!svc) continue;
    const dir = svc.environment?.MEDIA_STORE_DIR;
    if (!dir) problems.push(`${file}: ${name} must set MEDIA_STORE_DIR (the shared media volume's mount)`);
    else if (!(svc.volumes ?? []).map(String).includes(`media:${dir}`))
      problems.push(`${file}: ${name} must mount the media volume at its MEDIA_STORE_DIR (media:${dir})`);
  }
}

function checkFile(file) {
  if (!existsSync(path.join(root, file))) return problems.push(`${file} is missing`);
  const doc = YAML.parse(readFileSync(path.join(root, file), 'utf8'), { merge: true }) ?? {};
  const services = doc.services ?? {};
  const profiles = new Set();
  for (const [name, svc] of Object.entries(services)) {
    if (!svc.image && !svc.build) problems.push(`${file}: ${name} has neither image nor build`);
    if (!Array.isArray(svc.profiles) || svc.profiles.length === 0) problems.push(`${file}: ${name} has no profile`);
    (svc.profiles ?? []).forEach((p) => profiles.add(p));
    for (const dep of Object.keys(svc.depends_on ?? {})) {
      if (!services[dep]) problems.push(`${file}: ${name} depends on unknown service ${dep}`);
      else if (!(svc.profiles ?? []).every((p) => (services[dep].profiles ?? []).includes(p)))
        problems.push(`${file}: ${name} depends on ${dep}, which is not in all of ${name}'s profiles`);
    }
    for (const envFile of svc.env_file ?? []) {
      if (!existsSync(path.join(root, envFile))) problems.push(`${file}: ${name} env_file ${envFile} is missing`);
    }
    if (svc.environment?.APP && !svc.healthcheck) problems.push(`${file}: app ${name} has no healthcheck`);
    if (svc.environment?.APP && !existsSync(path.join(root, 'apps', svc.environment.APP, 'src/main.ts'))) {
      problems.push(`${file}: ${name} runs APP=${svc.environment.APP}, which is not in apps/`);
    }
    if (file.includes('.dev.') && /^(postgres|redis)(:|$)/.test(String(svc.image ?? '')) && svc.ports?.length) {
      problems.push(`${file}: ${name} publishes ports ${svc.ports.join(', ')} (dev keeps Postgres and Redis off the host)`);
    }
  }
  for (const app of apps) checkAppService(file, services, app);
  checkMediaVolume(file, doc, services);
  for (const web of webApps) checkWebService(file, services, web);
  for (const [name, svc] of Object.entries(services)) {
    if (!/^redis(:|$)/.test(String(svc.image ?? ''))) continue;
    const args = (Array.isArray(svc.command) ? svc.command : String(svc.command ?? '').split(/\s+/)).join(' ');
    for (const needed of ['--appendonly yes', '--appendfsync everysec', '--maxmemory-policy noeviction']) {
      if (!args.includes(needed)) problems.push(`${file}: ${name} must run redis-server with ${needed} (README "Redis persistence")`);
    }
    if (!(svc.volumes ?? []).some((v) => String(v).endsWith(':/data'))) problems.push(`${file}: ${name} keeps /data on no volume`);
  }
  const kind = file.includes('.dev.') ? 'dev' : 'prod';
  for (const [script, command] of Object.entries(scripts)) {
    if (!script.startsWith(`compose:${kind}:`) || !command.includes(file)) continue;
    for (const m of command.matchAll(/--profile (\S+)/g)) {
      if (!profiles.has(m[1])) problems.push(`package.json ${script}: profile ${m[1]} is not in ${file}`);
    }
  }
  process.stdout.write(
    `compose:validate: ${file}: ${Object.keys(services).length} services, profiles ${[...profiles].sort().join(', ')}\n`,
  );
}

function checkScripts() {
  const wanted = [
    ...[...apps, ...webApps].map((a) => [a.name, a.name]),
    ...Object.entries(COMPOSE_ALIASES).filter(([, app]) => apps.some((a) => a.name === app)),
  ];
  for (const [script, profile] of wanted) {
    const command = scripts[`compose:dev:${script}`];
    if (!command) problems.push(`package.json: script compose:dev:${script} is missing`);
    else if (!command.includes(`--profile ${profile} `) && !command.endsWith(`--profile ${profile}`))
      problems.push(`package.json: compose:dev:${script} does not start profile ${profile}`);
  }
  for (const script of [
    'compose:dev:infra',
    'compose:dev:all',
    'compose:dev:down',
    'compose:prod:all',
    'compose:prod:down',
    'docker:dev:logs',
    'docker:dev:health',
  ]) {
    if (!scripts[script]) problems.push(`package.json: script ${script} is missing`);
  }
}

function dockerConfig(files, envFile) {
  if (process.argv.includes('--no-docker')) return;
  const plugin = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8', timeout: 10_000 });
  if (plugin.status !== 0)
    return process.stdout.write(`compose:validate: ${files.join(' + ')}: docker compose not available, skipped "docker compose config"\n`);
  const r = spawnSync(
    'docker',
    ['compose', ...files.flatMap((f) => ['-f', f]), '--env-file', envFile, '--profile', 'all', 'config', '-q'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) problems.push(`${files.join(' + ')}: docker compose config: ${(r.stderr || r.stdout).trim()}`);
}

const parse = (file) => YAML.parse(readFileSync(path.join(root, file), 'utf8'), { merge: true })?.services ?? {};

/** compose-smoke's override: identity mails its codes to a capture service of the override, which it waits for. */
function checkSmokeOverride(prodFile, file) {
  if (!existsSync(path.join(root, file))) return problems.push(`${file} is missing (make compose-smoke layers it on ${prodFile})`);
  const prod = existsSync(path.join(root, prodFile)) ? parse(prodFile) : {};
  const over = parse(file);
  for (const [name, svc] of Object.entries(over)) {
    if (prod[name]) continue;
    if (!svc.image && !svc.build) problems.push(`${file}: ${name} has neither image nor build`);
    if (!svc.profiles?.length) problems.push(`${file}: ${name} has no profile`);
  }
  for (const [script, command] of Object.entries(scripts)) {
    if (command.includes(file)) problems.push(`package.json ${script} uses ${file}: only compose-smoke may (it prints sign-in codes)`);
  }
  const identity = over.identity ?? {};
  const target = /^smtp:\/\/([^:/]+):(\d+)$/.exec(String(identity.environment?.SMTP_URL ?? ''));
  if (!target) return problems.push(`${file}: identity must set SMTP_URL to smtp://<capture service>:<port>`);
  const [, name, port] = target;
  const capture = over[name];
  if (!capture) return problems.push(`${file}: identity's SMTP_URL names ${name}, which is not a service of ${file}`);
  if (!JSON.stringify(capture.command ?? '').includes('tools/dev/smtp-capture.js'))
    problems.push(`${file}: ${name} does not run tools/dev/smtp-capture.js`);
  if (String(capture.environment?.SMTP_CAPTURE_PORT ?? '1025') !== port)
    problems.push(`${file}: identity mails port ${port}, ${name} listens on ${capture.environment?.SMTP_CAPTURE_PORT ?? 1025}`);
  if (!capture.healthcheck) problems.push(`${file}: ${name} has no healthcheck`);
  if (identity.depends_on?.[name]?.condition !== 'service_healthy')
    problems.push(`${file}: identity must wait for ${name} (condition service_healthy)`);
  const missing = (prod.identity?.profiles ?? []).filter((p) => !(capture.profiles ?? []).includes(p));
  if (missing.length) problems.push(`${file}: ${name} is not in identity's profile(s) ${missing.join(', ')}`);
  process.stdout.write(`compose:validate: ${file}: over ${prodFile}, identity mails codes to ${name}:${port}\n`);
}

for (const [file, envFile] of [
  ['docker-compose.dev.yml', 'env.dev'],
  ['docker-compose.prod.yml', 'env.prod'],
]) {
  checkFile(file);
  dockerConfig([file], envFile);
}
checkSmokeOverride('docker-compose.prod.yml', 'docker-compose.smoke.yml');
dockerConfig(['docker-compose.prod.yml', 'docker-compose.smoke.yml'], 'env.prod');
checkScripts();

if (problems.length) {
  for (const p of problems) process.stderr.write(`compose:validate: ${p}\n`);
  process.exit(1);
}
process.stdout.write(
  `compose:validate: ok (${apps.length} apps: ${apps.map((a) => a.name).join(', ')}; web apps, no database: ${webApps.map((a) => a.name).join(', ') || '-'})\n`,
);
