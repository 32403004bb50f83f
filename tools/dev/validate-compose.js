/**
 * `pnpm run compose:validate`: parses the compose files (no Docker engine needed) and
 * checks what `docker compose` would reject or what would break at run time: unknown
 * depends_on targets, missing env files, services without a profile, apps without a
 * healthcheck, pnpm scripts naming profiles that do not exist, and a Redis that would lose
 * events on a restart (no AOF with `appendfsync everysec`, an evicting policy, no volume).
 */
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const root = path.resolve(__dirname, '../..');
const scripts = require(path.join(root, 'package.json')).scripts;
const problems = [];

for (const file of ['docker-compose.dev.yml', 'docker-compose.prod.yml']) {
  const doc = YAML.parse(readFileSync(path.join(root, file), 'utf8'), { merge: true });
  const services = doc.services ?? {};
  const profiles = new Set();
  for (const [name, svc] of Object.entries(services)) {
    if (!svc.image && !svc.build) problems.push(`${file}: ${name} has neither image nor build`);
    if (!Array.isArray(svc.profiles) || svc.profiles.length === 0) problems.push(`${file}: ${name} has no profile`);
    (svc.profiles ?? []).forEach((p) => profiles.add(p));
    for (const dep of Object.keys(svc.depends_on ?? {})) {
      if (!services[dep]) problems.push(`${file}: ${name} depends on unknown service ${dep}`);
    }
    for (const envFile of svc.env_file ?? []) {
      if (!existsSync(path.join(root, envFile))) problems.push(`${file}: ${name} env_file ${envFile} is missing`);
    }
    if (svc.environment?.APP && !svc.healthcheck) problems.push(`${file}: app ${name} has no healthcheck`);
    if (svc.environment?.APP && !existsSync(path.join(root, 'apps', svc.environment.APP, 'src/main.ts'))) {
      problems.push(`${file}: ${name} runs APP=${svc.environment.APP}, which is not in apps/`);
    }
  }
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
  process.stdout.write(`compose:validate: ${file}: ${Object.keys(services).length} services, profiles ${[...profiles].sort().join(', ')}\n`);
}

if (problems.length) {
  for (const p of problems) process.stderr.write(`compose:validate: ${p}\n`);
  process.exit(1);
}
process.stdout.write('compose:validate: ok\n');
