import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import YAML from 'yaml';
import { addApp, copyRepo, editFile, REPO, runTool } from './repo-copy';

/** tools/dev/app-inventory.js's list of the apps that share the media volume (a CommonJS tool, loaded by path). */
const { MEDIA_APPS } = createRequire(__filename)(join(REPO, 'tools/dev/app-inventory.js')) as { MEDIA_APPS: readonly string[] };

const validate = (root: string) => runTool('validate-compose.js', root, '--no-docker');
const DEV = 'docker-compose.dev.yml';
const PROD = 'docker-compose.prod.yml';

/** Edits the parsed compose file (anchors resolved, comments dropped) of a copy. */
function editCompose(root: string, file: string, edit: (services: Record<string, Record<string, unknown>>) => void): void {
  editFile(root, file, (text) => {
    const doc = YAML.parse(text, { merge: true }) as { services: Record<string, Record<string, unknown>> };
    edit(doc.services);
    return YAML.stringify(doc);
  });
}

describe('compose:validate', () => {
  let root: string;
  beforeEach(() => {
    root = copyRepo();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('passes on the repo and names every app of apps/, the web app as one without a database', () => {
    const r = runTool('validate-compose.js', REPO, '--no-docker');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('web apps, no database: web');
    for (const app of ['analytics', 'identity', 'profile', 'catalog', 'billing', 'playback', 'progress', 'outbox-relay', 'gateway'])
      expect(r.stdout).toContain(app);
  });

  it('passes on an untouched copy, also after a YAML round trip', () => {
    expect(validate(root).status).toBe(0);
    editCompose(root, DEV, () => undefined);
    expect(validate(root)).toMatchObject({ status: 0 });
  });

  it.each([
    [
      'a missing migrate job',
      (s: Record<string, Record<string, unknown>>) => delete s['catalog-migrate'],
      /catalog has prisma\/catalog but no catalog-migrate job/,
    ],
    [
      'an app that does not wait for its migrate job',
      (s: Record<string, Record<string, unknown>>) => delete (s.billing.depends_on as Record<string, unknown>)['billing-migrate'],
      /billing must start after billing-migrate/,
    ],
    [
      'a migrate job before Postgres is healthy',
      (s: Record<string, Record<string, unknown>>) => (s['profile-migrate'].depends_on = {}),
      /profile-migrate must run after postgres is healthy/,
    ],
    [
      'a migrate job that restarts',
      (s: Record<string, Record<string, unknown>>) => (s['identity-migrate'].restart = 'unless-stopped'),
      /identity-migrate must be one-shot/,
    ],
    [
      'a migrate job that migrates every service',
      (s: Record<string, Record<string, unknown>>) => (s['progress-migrate'].command = ['node', 'dist/tools/db/src/migrate.cli.js']),
      /progress-migrate does not name progress/,
    ],
    [
      'a healthcheck on /health only',
      (s: Record<string, Record<string, unknown>>) =>
        (s.playback.healthcheck = { test: ['CMD-SHELL', "fetch('http://127.0.0.1:8085/v1/health')"] }),
      /playback healthcheck must try \/v1\/ready, then \/v1\/health/,
    ],
    [
      'an app missing from profile all',
      (s: Record<string, Record<string, unknown>>) => (s.gateway.profiles = ['gateway']),
      /gateway is not in profile all/,
    ],
    [
      'a removed app service',
      (s: Record<string, Record<string, unknown>>) => delete s['outbox-relay'],
      /app outbox-relay \(apps\/outbox-relay\/src\/main.ts\) has no service/,
    ],
    [
      'Postgres publishing a port in dev',
      (s: Record<string, Record<string, unknown>>) => (s.postgres.ports = ['5432:5432']),
      /postgres publishes ports 5432:5432/,
    ],
    [
      'Redis publishing a port in dev',
      (s: Record<string, Record<string, unknown>>) => (s.redis.ports = ['6379:6379']),
      /redis publishes ports 6379:6379/,
    ],
    [
      'Redis without AOF',
      (s: Record<string, Record<string, unknown>>) => (s.redis.command = ['redis-server']),
      /redis must run redis-server with --appendonly yes/,
    ],
    [
      'a web app without its service',
      (s: Record<string, Record<string, unknown>>) => delete s.web,
      /web app web \(apps\/web\/next.config.\*\) has no service/,
    ],
    [
      'a web app healthcheck that does not ask /healthz',
      (s: Record<string, Record<string, unknown>>) => (s.web.healthcheck = { test: ['CMD-SHELL', "fetch('http://127.0.0.1:3000/de')"] }),
      /web healthcheck must ask :3000\/healthz/,
    ],
    [
      'a web app that does not wait for the gateway',
      (s: Record<string, Record<string, unknown>>) => (s.web.depends_on = {}),
      /web must wait for gateway \(condition service_healthy\)/,
    ],
    [
      'a web app built without the gateway origin',
      (s: Record<string, Record<string, unknown>>) => (s.web.build = { context: '.', dockerfile: 'apps/web/Dockerfile' }),
      /web must build with NEXT_PUBLIC_API_BASE_URL/,
    ],
    [
      'a migrate job for the web app (it has no database)',
      (s: Record<string, Record<string, unknown>>) =>
        (s['web-migrate'] = { image: 'x', profiles: ['web', 'all'], command: ['migrate', 'web'], restart: 'no' }),
      /web has no database, so no web-migrate job/,
    ],
  ])('fails on %s', (_name, edit, message) => {
    editCompose(root, DEV, edit);
    const r = validate(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
  });

  it('lists as media apps exactly the apps whose sources read MEDIA_STORE_DIR', () => {
    const reads = (dir: string): boolean =>
      readdirSync(dir, { withFileTypes: true }).some((e) =>
        e.isDirectory()
          ? reads(join(dir, e.name))
          : /\.ts$/.test(e.name) && !/spec\.ts$/.test(e.name) && readFileSync(join(dir, e.name), 'utf8').includes('MEDIA_STORE_DIR'),
      );
    const apps = readdirSync(join(REPO, 'apps')).filter(
      (app) => existsSync(join(REPO, 'apps', app, 'src/main.ts')) && reads(join(REPO, 'apps', app, 'src')),
    );
    expect([...MEDIA_APPS].sort()).toEqual(apps.sort());
  });

  it('fails when a media app does not mount the shared media volume at its MEDIA_STORE_DIR', () => {
    editCompose(root, PROD, (s) => {
      s.playback.volumes = [];
    });
    const r = validate(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /docker-compose\.prod\.yml: playback must mount the media volume at its MEDIA_STORE_DIR \(media:\/repo\/var\/media\)/,
    );
  });

  it('checks the prod file too', () => {
    editCompose(root, PROD, (s) => delete s['analytics-migrate']);
    const r = validate(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('docker-compose.prod.yml: app analytics has prisma/analytics but no analytics-migrate job');
    expect(r.stderr).not.toContain('docker-compose.dev.yml: app analytics');
  });

  it('fails when a new app in apps/ has no service, migrate job or script, without being registered anywhere', () => {
    addApp(root, 'newbie', 18_321);
    const r = validate(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('docker-compose.dev.yml: app newbie (apps/newbie/src/main.ts) has no service');
    expect(r.stderr).toContain('docker-compose.prod.yml: app newbie (apps/newbie/src/main.ts) has no service');
    expect(r.stderr).toContain('package.json: script compose:dev:newbie is missing');
  });

  it('requires compose:dev:<app> scripts (web too) and the payment alias for billing', () => {
    editFile(root, 'package.json', (text) => {
      const pkg = JSON.parse(text) as { scripts: Record<string, string> };
      delete pkg.scripts['compose:dev:payment'];
      delete pkg.scripts['compose:dev:web'];
      pkg.scripts['compose:dev:catalog'] = pkg.scripts['compose:dev:catalog'].replace('--profile catalog', '--profile billing');
      return JSON.stringify(pkg);
    });
    const r = validate(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('package.json: script compose:dev:payment is missing');
    expect(r.stderr).toContain('package.json: script compose:dev:web is missing');
    expect(r.stderr).toContain('package.json: compose:dev:catalog does not start profile catalog');
  });

  it('checks compose-smoke’s override: identity mails a healthchecked capture service of its profiles, which it waits for', () => {
    const SMOKE = 'docker-compose.smoke.yml';
    editCompose(root, SMOKE, (services) => {
      services['smoke-mail'].profiles = ['all'];
      delete services['smoke-mail'].healthcheck;
      services.identity.depends_on = {};
    });
    const r = validate(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("docker-compose.smoke.yml: smoke-mail is not in identity's profile(s) identity");
    expect(r.stderr).toContain('docker-compose.smoke.yml: smoke-mail has no healthcheck');
    expect(r.stderr).toContain('docker-compose.smoke.yml: identity must wait for smoke-mail (condition service_healthy)');

    editCompose(root, SMOKE, (services) => {
      (services.identity.environment as Record<string, string>).SMTP_URL = 'smtp://mailbox:1025';
    });
    expect(validate(root).stderr).toContain(
      "docker-compose.smoke.yml: identity's SMTP_URL names mailbox, which is not a service of docker-compose.smoke.yml",
    );

    rmSync(`${root}/${SMOKE}`);
    const gone = validate(root);
    expect(gone.stderr).toContain('docker-compose.smoke.yml is missing (make compose-smoke layers it on docker-compose.prod.yml)');
  });

  it('refuses a pnpm script that layers the smoke override (it prints sign-in codes)', () => {
    editFile(root, 'package.json', (text) => {
      const pkg = JSON.parse(text) as { scripts: Record<string, string> };
      pkg.scripts['compose:prod:all'] = pkg.scripts['compose:prod:all'].replace(
        '-f docker-compose.prod.yml',
        '-f docker-compose.prod.yml -f docker-compose.smoke.yml',
      );
      return JSON.stringify(pkg);
    });
    const r = validate(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'package.json compose:prod:all uses docker-compose.smoke.yml: only compose-smoke may (it prints sign-in codes)',
    );
  });
});
