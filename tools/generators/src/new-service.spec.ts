import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import YAML from 'yaml';
import { applyPlan, planService } from './new-service';
import { NewServiceInputError } from './new-service.errors';
import { repoRoot } from './repo-root';
import { singular } from './service-names';

const REPO = repoRoot();
const CLI = join(__dirname, 'new-service.cli.ts');
const SEEDED = [
  'env.dev',
  'env.prod',
  'docker-compose.dev.yml',
  'docker-compose.prod.yml',
  'package.json',
  'README.md',
  'pnpm-workspace.yaml',
  '.prettierrc',
];
const NOW = new Date('2026-12-01T08:09:10Z');
// The seed is the working tree's env/compose/README, which may already hold generated services:
// this suite's service and ports must be none of theirs.
const SEEDED_PORTS = new Set(
  ['env.dev', 'env.prod'].flatMap((f) =>
    [...readFileSync(join(REPO, f), 'utf8').matchAll(/^[A-Z0-9_]+_PORT=(\d+)$/gm)].map((m) => Number(m[1])),
  ),
);
const [PORT, OTHER_PORT] = Array.from({ length: 100 }, (_, i) => 18_199 + i).filter((p) => !SEEDED_PORTS.has(p));

/** A temporary workspace with the real files new:service edits and the existing apps' folders. */
function seedWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'mm-new-service-'));
  for (const file of SEEDED) cpSync(join(REPO, file), join(root, file));
  for (const app of ['analytics', 'identity', 'outbox-relay']) mkdirSync(join(root, 'apps', app, 'src'), { recursive: true });
  for (const service of ['analytics', 'identity']) mkdirSync(join(root, 'prisma', service), { recursive: true });
  return root;
}

/** Every file under `root` with its content, to prove a refused run wrote nothing. */
function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) =>
    readdirSync(dir).forEach((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path)] = readFileSync(path, 'utf8');
    });
  walk(root);
  return files;
}

function runCli(root: string, ...args: string[]) {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', CLI, ...args, '--root', root], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, SWC_NODE_PROJECT: join(REPO, 'tsconfig.json') },
  });
}

describe('new:service', () => {
  let root: string;
  beforeEach(() => {
    root = seedWorkspace();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stamps the app, its feature folder, tests and Prisma folder, and registers it in env, compose, package.json and README', async () => {
    const plan = await planService({ root, name: 'spec-probe', port: PORT, now: NOW });
    applyPlan(root, plan, () => undefined);
    const created = Object.keys(snapshot(root)).filter((f) => f.startsWith('apps/spec-probe') || f.startsWith('prisma/spec-probe'));
    expect(created.sort()).toEqual(
      [
        'apps/spec-probe/jest.config.js',
        'apps/spec-probe/package.json',
        'apps/spec-probe/project.json',
        'apps/spec-probe/src/app.module.ts',
        'apps/spec-probe/src/spec-probe.e2e-spec.ts',
        'apps/spec-probe/src/items/adapters/memory-items.repository.spec.ts',
        'apps/spec-probe/src/items/adapters/memory-items.repository.ts',
        'apps/spec-probe/src/items/adapters/postgres-items.repository.spec.ts',
        'apps/spec-probe/src/items/adapters/postgres-items.repository.ts',
        'apps/spec-probe/src/items/dto/create-item.dto.ts',
        'apps/spec-probe/src/items/dto/list-items.query.ts',
        'apps/spec-probe/src/items/item-not-found.error.ts',
        'apps/spec-probe/src/items/item.ts',
        'apps/spec-probe/src/items/items-repository.contract.ts',
        'apps/spec-probe/src/items/items.controller.ts',
        'apps/spec-probe/src/items/items.module.ts',
        'apps/spec-probe/src/items/items.repository.ts',
        'apps/spec-probe/src/items/items.service.ts',
        'apps/spec-probe/src/main.ts',
        'prisma/spec-probe/migrations/20261201080910_init/migration.sql',
        'prisma/spec-probe/migrations/migration_lock.toml',
        'prisma/spec-probe/platform.json',
        'prisma/spec-probe/prisma.config.ts',
        'prisma/spec-probe/schema.prisma',
      ].sort(),
    );
    const file = (path: string) => readFileSync(join(root, path), 'utf8');
    expect(file('apps/spec-probe/src/main.ts')).toContain('void bootstrap(AppModule);');
    expect(file('apps/spec-probe/src/app.module.ts')).toContain(
      `PlatformModule.forRoot({ service: 'spec-probe', http: { port: ${PORT}, prefix: 'v1' } }), ItemsModule`,
    );
    expect(JSON.parse(file('apps/spec-probe/project.json')).tags).toEqual(['type:app', 'scope:domain']);
    // a workspace package, so `pnpm --filter @mikasmissions/spec-probe start:dev` runs it alone
    expect(JSON.parse(file('apps/spec-probe/package.json'))).toMatchObject({
      name: '@mikasmissions/spec-probe',
      private: true,
      scripts: { 'start:dev': 'node ../../tools/dev/dev-local.js spec-probe', start: 'node ../../dist/apps/spec-probe/src/main.js' },
    });
    expect(JSON.parse(file('prisma/spec-probe/platform.json'))).toEqual({ schema: 'spec_probe', libs: [] });
    expect(file('prisma/spec-probe/migrations/20261201080910_init/migration.sql')).toContain('CREATE TABLE "spec_probe"."items"');
    expect(file('apps/spec-probe/src/items/item-not-found.error.ts')).toContain("super(404, 'item_not_found'");
    expect(created.map(file).join('\n')).not.toMatch(/__[A-Za-z]+__/);

    for (const env of ['env.dev', 'env.prod']) {
      const seeded = readFileSync(join(REPO, env), 'utf8').trimEnd().split('\n');
      const lastPort = seeded.reduce((at, line, i) => (/^[A-Z][A-Z0-9_]*_PORT=\d+$/.test(line) ? i : at), -1);
      expect(file(env).trimEnd().split('\n')).toEqual([
        ...seeded.slice(0, lastPort + 1),
        `SPEC_PROBE_PORT=${PORT}`,
        ...seeded.slice(lastPort + 1),
      ]); // after the last <APP>_PORT line
    }
    for (const compose of ['docker-compose.dev.yml', 'docker-compose.prod.yml']) {
      const { services } = YAML.parse(file(compose), { merge: true });
      expect(services['spec-probe']).toMatchObject({
        profiles: ['spec-probe', 'all'],
        environment: { APP: 'spec-probe' },
        ports: [`${PORT}:${PORT}`],
      });
      expect(services['spec-probe'].env_file).toEqual([compose.includes('dev') ? 'env.dev' : 'env.prod']);
      expect(services['spec-probe'].healthcheck.test[1]).toContain(`fetch('http://127.0.0.1:${PORT}/v1/ready')`);
      for (const shared of ['postgres', 'redis']) expect(services[shared].profiles.slice(-2)).toEqual(['spec-probe', 'all']);
      expect(services['spec-probe-migrate']).toMatchObject({
        profiles: ['spec-probe', 'all'],
        command: ['node', 'dist/tools/db/src/migrate.cli.js', 'spec-probe'],
        depends_on: { postgres: { condition: 'service_healthy' } },
      });
      expect(services['spec-probe-migrate'].env_file).toEqual([compose.includes('dev') ? 'env.dev' : 'env.prod']);
      expect(services['spec-probe'].depends_on).toMatchObject({ 'spec-probe-migrate': { condition: 'service_completed_successfully' } });
      expect(file(compose)).toContain('# Use the pnpm scripts'); // comments survive the edit
    }
    const scripts = JSON.parse(file('package.json')).scripts;
    expect(scripts['compose:dev:spec-probe']).toBe(
      'docker compose -f docker-compose.dev.yml --env-file env.dev --profile spec-probe up -d --build',
    );
    expect(scripts['start:spec-probe']).toBe('node dist/apps/spec-probe/src/main.js');
    const rows = file('README.md')
      .split('\n')
      .filter((l) => /^\| (identity|outbox-relay|spec-probe)\s+\|/.test(l));
    expect(rows.map((r) => r.split('|')[1].trim())).toEqual(['identity', 'outbox-relay', 'spec-probe']); // in name order
    expect(rows[2]).toMatch(new RegExp(`^\\| spec-probe\\s+\\| ${PORT}\\s+\\| \`/v1\`\\s+\\| .*\`GET/POST /items\``));
    expect(rows[2]).toContain('(404 `item_not_found`)'); // the code the generated error really answers, lowercase
  });

  it('takes --feature and --prefix: class, file, table and error names follow the feature', async () => {
    const plan = await planService({ root, name: 'shop', port: OTHER_PORT, feature: 'line-items', prefix: 'api/v1/shop', now: NOW });
    const paths = plan.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'apps/shop/src/line-items/line-items.controller.ts',
        'apps/shop/src/line-items/line-item.ts',
        'apps/shop/src/line-items/dto/create-line-item.dto.ts',
      ]),
    );
    const content = (path: string) => plan.files.find((f) => f.path === path)!.content;
    expect(content('apps/shop/src/line-items/line-items.controller.ts')).toContain(
      "@Controller('line-items')\nexport class LineItemsController",
    );
    expect(content('apps/shop/src/line-items/line-item-not-found.error.ts')).toContain("'line_item_not_found'");
    expect(content('prisma/shop/migrations/20261201080910_init/migration.sql')).toContain('"shop"."line_items"');
    expect(content('apps/shop/src/shop.e2e-spec.ts')).toContain("const PREFIX = 'api/v1/shop';");
    expect(['items', 'categories', 'boxes', 'addresses', 'inventory'].map(singular)).toEqual([
      'item',
      'category',
      'box',
      'address',
      'inventory',
    ]);
  });

  it.each([
    ['a name that is not kebab-case', ['Demo_Probe', '--port', String(PORT)], /service name must be kebab-case.*"Demo_Probe"/],
    [
      'a port another app uses in env.dev',
      ['spec-probe', '--port', '3003'],
      /port 3003 is already in use: env\.dev sets ANALYTICS_PORT=3003/,
    ],
    ['an app that already exists', ['identity', '--port', String(PORT)], /service identity already exists: apps\/identity\/ is there/],
    ['a missing port', ['spec-probe'], /--port is required/],
    [
      'a name that is a compose service',
      ['postgres', '--port', String(PORT)],
      /postgres is already a service or profile in docker-compose\.dev\.yml/,
    ],
  ])('refuses %s: exit 2, one line, nothing written', (_, args, message) => {
    const before = snapshot(root);
    const result = runCli(root, ...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(message)]);
    expect(snapshot(root)).toEqual(before);
  });

  it('prints each file it writes (formatted by Prettier), and a second run of the same service is refused', () => {
    const first = runCli(root, 'spec-probe', '--port', String(PORT));
    expect(first.status).toBe(0);
    const lines = first.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('new:service: create '))).toHaveLength(24);
    expect(lines.filter((l) => l.startsWith('new:service: update ')).map((l) => l.split(' ')[2])).toEqual([
      'env.dev',
      'env.prod',
      'docker-compose.dev.yml',
      'docker-compose.prod.yml',
      'package.json',
      'README.md',
    ]);
    const repository = readFileSync(join(root, 'apps/spec-probe/src/items/adapters/postgres-items.repository.ts'), 'utf8');
    expect(repository).toContain('const toItem = (row: Row): Item => ({\n  id: row.id,\n'); // formatted with the repo's .prettierrc (140 columns)
    const after = snapshot(root);
    const again = runCli(root, 'spec-probe', '--port', String(OTHER_PORT));
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/service spec-probe already exists/);
    expect(snapshot(root)).toEqual(after);
  });

  it('refuses a bad prefix, a port out of range and an existing app folder when planning', async () => {
    await expect(planService({ root, name: 'spec-probe', port: PORT, prefix: '/v1' })).rejects.toThrow(NewServiceInputError);
    await expect(planService({ root, name: 'spec-probe', port: 70_000 })).rejects.toThrow(/--port must be an integer from 1 to 65535/);
    await expect(planService({ root, name: 'outbox-relay', port: PORT })).rejects.toThrow(/already exists/);
  });
});
