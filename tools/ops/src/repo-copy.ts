import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repo root (tools/ops/src → ../../..). */
export const REPO = resolve(__dirname, '../../..');

/** Files the ops tools read besides apps/ and prisma/. */
const COPIED = [
  'package.json',
  'docker-compose.dev.yml',
  'docker-compose.prod.yml',
  'docker-compose.smoke.yml',
  'env.dev',
  'env.prod',
  'Makefile',
  'infra',
];

/**
 * A throwaway copy of what the ops tools read: the compose and env files, package.json,
 * infra/, every app's `src/main.ts` + `src/app.module.ts` (a web app's `next.config.ts` +
 * `package.json`) and the `prisma/<app>/` folders.
 * The tools run from the real repo with `--root <copy>`, so they resolve their packages.
 */
export function copyRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'mm-ops-'));
  for (const f of COPIED) cpSync(join(REPO, f), join(root, f), { recursive: true });
  for (const app of readdirSync(join(REPO, 'apps'))) {
    for (const f of ['src/main.ts', 'src/app.module.ts', 'next.config.ts', 'package.json']) {
      if (!existsSync(join(REPO, 'apps', app, f))) continue;
      mkdirSync(join(root, 'apps', app, 'src'), { recursive: true });
      cpSync(join(REPO, 'apps', app, f), join(root, 'apps', app, f));
    }
  }
  for (const svc of readdirSync(join(REPO, 'prisma'))) mkdirSync(join(root, 'prisma', svc), { recursive: true });
  return root;
}

/** Adds an app (main.ts, an app.module.ts with `http: { port, prefix: 'v1' }`, optionally prisma/<name>/) to a copy. */
export function addApp(root: string, name: string, port: number, schema = true): void {
  mkdirSync(join(root, 'apps', name, 'src'), { recursive: true });
  writeFileSync(join(root, 'apps', name, 'src/main.ts'), 'void 0;\n');
  writeFileSync(
    join(root, 'apps', name, 'src/app.module.ts'),
    `PlatformModule.forRoot({ service: '${name}', http: { port: ${port}, prefix: 'v1' } })\n`,
  );
  if (schema) mkdirSync(join(root, 'prisma', name), { recursive: true });
}

/** Rewrites a file of a copy through `edit`. */
export function editFile(root: string, file: string, edit: (text: string) => string): void {
  writeFileSync(join(root, file), edit(readFileSync(join(root, file), 'utf8')));
}

/** Runs `node tools/dev/<script> --root <root> …args` and returns exit code and output. */
export function runTool(script: string, root: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(REPO, 'tools/dev', script), '--root', root, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The apps of this checkout that run (`apps/<name>/src/main.ts`), sorted: what the ops tooling must cover. */
export function landedApps(): string[] {
  return readdirSync(join(REPO, 'apps'))
    .filter((name) => existsSync(join(REPO, 'apps', name, 'src/main.ts')))
    .sort();
}

/** The landed apps with a Postgres schema (`prisma/<name>`): each gets a migrate job. */
export function appsWithSchema(): string[] {
  return landedApps().filter((name) => existsSync(join(REPO, 'prisma', name)));
}
