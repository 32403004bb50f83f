import YAML from 'yaml';
import { NewServiceInputError } from './new-service.errors';
import type { TemplateValues } from './service-files';

const PORT_LINE = /^([A-Z][A-Z0-9_]*_PORT)=(\d+)\s*$/;

/** `{ ANALYTICS_PORT: 3003, … }`: the `<APP>_PORT` lines of an env file. */
export function envPorts(env: string): Map<string, number> {
  const ports = new Map<string, number>();
  for (const line of env.split('\n')) {
    const m = PORT_LINE.exec(line);
    if (m) ports.set(m[1], Number(m[2]));
  }
  return ports;
}

/** Adds `<NAME>_PORT=<port>` after the last `<APP>_PORT` line (or at the end). */
export function addEnvPort(env: string, v: TemplateValues): string {
  const lines = env.replace(/\n$/, '').split('\n');
  let last = -1;
  lines.forEach((line, i) => {
    if (PORT_LINE.test(line)) last = i;
  });
  lines.splice(last === -1 ? lines.length : last + 1, 0, `${v.portVar}=${v.port}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The compose services of an app, in the shape of analytics/identity: its one-shot, re-runnable
 * `<service>-migrate` job (after Postgres is healthy), then the app (shared `x-app` anchor, after
 * its migrate job, `/ready` then `/health` healthcheck).
 */
export function composeServiceBlock(v: TemplateValues, envFile = 'env.dev'): string {
  const base = `http://127.0.0.1:${v.port}/${v.prefix}`;
  const probe = `fetch('${base}/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>fetch('${base}/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1)))`;
  return [
    `  # One-shot, re-runnable: applies ${v.service}'s migrations (skips applied ones) before ${v.service} starts.`,
    `  ${v.service}-migrate:`,
    '    build: { context: ., dockerfile: Dockerfile }',
    `    profiles: [${v.service}, all]`,
    `    env_file: [${envFile}]`,
    `    command: ["node", "dist/tools/db/src/migrate.cli.js", "${v.service}"]`,
    '    restart: "no"',
    '    depends_on:',
    '      postgres: { condition: service_healthy }',
    '',
    `  ${v.service}:`,
    '    <<: *app',
    `    profiles: [${v.service}, all]`,
    '    depends_on:',
    '      postgres: { condition: service_healthy }',
    '      redis: { condition: service_healthy }',
    `      ${v.service}-migrate: { condition: service_completed_successfully }`,
    `    build: { context: ., dockerfile: Dockerfile, args: { APP: ${v.service} } }`,
    '    environment:',
    `      APP: ${v.service}`,
    `    ports: ["${v.port}:${v.port}"]`,
    '    healthcheck:',
    `      test: ["CMD-SHELL", "node -e \\"${probe}\\""]`,
    '      interval: 10s',
    '      timeout: 5s',
    '      retries: 6',
    '',
  ].join('\n');
}

/** Services every app profile needs: Postgres and Redis (each app brings its own `<service>-migrate` job). */
export const SHARED_SERVICES = ['postgres', 'redis'] as const;

/**
 * Adds the app's service before `volumes:` and its profile to the shared services
 * (before `all`), keeping the file's comments and layout. Fails when the file does not
 * have that shape, so nothing half-edited is written.
 */
export function addComposeService(compose: string, v: TemplateValues, file: string): string {
  let text = compose;
  for (const shared of SHARED_SERVICES) {
    const start = text.indexOf(`\n  ${shared}:\n`);
    const end = start === -1 ? -1 : text.slice(start + 1).search(/\n {2}[a-z#]|\n[a-z]/);
    const block = end === -1 ? '' : text.slice(start, start + 1 + end);
    const profiles = /\n {4}profiles: \[([^\]]*)\]/.exec(block);
    if (!profiles) throw new NewServiceInputError(`${file}: cannot find "profiles: [...]" of service ${shared}`);
    const list = profiles[1].split(',').map((p) => p.trim());
    const at = list.includes('all') ? list.indexOf('all') : list.length;
    list.splice(at, 0, v.service);
    const edited = block.replace(profiles[0], `\n    profiles: [${list.join(', ')}]`);
    text = text.slice(0, start) + edited + text.slice(start + block.length);
  }
  const volumes = text.search(/\nvolumes:/);
  if (volumes === -1) throw new NewServiceInputError(`${file}: cannot find the top-level "volumes:" to add the service before`);
  text = `${text.slice(0, volumes + 1)}${composeServiceBlock(v, file.includes('.prod.') ? 'env.prod' : 'env.dev')}\n${text.slice(volumes + 1)}`;
  const services = (YAML.parse(text, { merge: true }) as { services?: Record<string, { profiles?: string[] }> }).services ?? {};
  for (const name of [v.service, `${v.service}-migrate`, ...SHARED_SERVICES]) {
    if (!services[name]?.profiles?.includes(v.service))
      throw new NewServiceInputError(`${file}: after the edit, ${name} does not list profile ${v.service}`);
  }
  return text;
}

/** The names of a compose file's services and profiles. */
export function composeNames(compose: string): Set<string> {
  const services = (YAML.parse(compose, { merge: true }) as { services?: Record<string, { profiles?: string[] }> }).services ?? {};
  return new Set(Object.entries(services).flatMap(([name, svc]) => [name, ...(svc.profiles ?? [])]));
}

/** Adds `compose:dev:<name>` (before `compose:dev:all`) and `start:<name>` (after the last `start:*`). */
export function addPackageScripts(packageJson: string, v: TemplateValues): string {
  const pkg = JSON.parse(packageJson) as { scripts?: Record<string, string> };
  const entries = Object.entries(pkg.scripts ?? {});
  const compose: [string, string] = [
    `compose:dev:${v.service}`,
    `docker compose -f docker-compose.dev.yml --env-file env.dev --profile ${v.service} up -d --build`,
  ];
  const start: [string, string] = [`start:${v.service}`, `node dist/apps/${v.service}/src/main.js`];
  const lastStart = entries.map(([k]) => k.startsWith('start:')).lastIndexOf(true);
  entries.splice(lastStart === -1 ? entries.length : lastStart + 1, 0, start);
  const all = entries.findIndex(([k]) => k === 'compose:dev:all');
  entries.splice(all === -1 ? entries.length : all, 0, compose);
  pkg.scripts = Object.fromEntries(entries);
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** The README "Services" row of the new service. */
export function readmeServiceRow(v: TemplateValues): string {
  return `| ${v.service} | ${v.port} | \`/${v.prefix}\` | from \`new:service\`: \`/health\`, \`/ready\`, \`GET/POST /${v.feature}\`, \`GET /${v.feature}/:id\` (404 \`${v.ENTITY}_not_found\`); table \`${v.schema}.${v.table}\` with Postgres, memory otherwise |`;
}

/** Adds the service's row to the README's "Services" table, in name order. */
export function addReadmeRow(readme: string, v: TemplateValues): string {
  const lines = readme.split('\n');
  const heading = lines.findIndex((l) => l.trim() === '## Services');
  const header = heading === -1 ? -1 : lines.findIndex((l, i) => i > heading && l.startsWith('|'));
  if (header === -1 || !/^\|\s*-/.test(lines[header + 1] ?? ''))
    throw new NewServiceInputError('README.md: cannot find the table under "## Services"');
  let at = header + 2;
  while (lines[at]?.startsWith('|') && lines[at].split('|')[1].trim() < v.service) at++;
  let end = at;
  while (lines[end]?.startsWith('|')) end++;
  if (lines.slice(header + 2, end).some((l) => l.split('|')[1].trim() === v.service))
    throw new NewServiceInputError(`README.md: the Services table already has a row for ${v.service}`);
  lines.splice(at, 0, readmeServiceRow(v));
  return lines.join('\n');
}
