import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NewServiceInputError } from './new-service.errors';
import { migrationTimestamp, renderServiceFiles, type PlannedFile, type TemplateValues } from './service-files';
import { serviceNames } from './service-names';
import { addComposeService, addEnvPort, addPackageScripts, addReadmeRow, composeNames, envPorts } from './workspace-edits';

/** Options of {@link planService} (what `pnpm run new:service` parses from its arguments). */
export interface NewServiceOptions {
  /** The repository to write into (default: this one). */
  root: string;
  /** Kebab-case service name, e.g. `creator-studio`. */
  name: string;
  /** Its default HTTP port; must not be another app's in env.dev / env.prod. */
  port: number | string;
  /** Global route prefix. Default `v1`. */
  prefix?: string;
  /** The feature folder and route. Default `items`. */
  feature?: string;
  /** Migration folder timestamp. Default: now (UTC). */
  now?: Date;
  /** Template folder. Default: tools/generators/templates/service. */
  templateDir?: string;
  /** Formats a created file (the CLI passes {@link formatWithPrettier}). Default: as rendered. */
  format?: (file: PlannedFile) => Promise<string>;
}

/** A file `new:service` edits, with the new content and a note of what changed. */
export interface PlannedEdit extends PlannedFile {
  note: string;
}

/** Everything `new:service` will write, computed (and checked) before anything is written. */
export interface ServicePlan {
  values: TemplateValues;
  files: PlannedFile[];
  edits: PlannedEdit[];
}

const PREFIX = /^[a-z0-9][a-z0-9/_-]*$/i;
const ENV_FILES = ['env.dev', 'env.prod'] as const;
const COMPOSE_FILES = ['docker-compose.dev.yml', 'docker-compose.prod.yml'] as const;

function read(root: string, file: string): string {
  const path = join(root, file);
  if (!existsSync(path))
    throw new NewServiceInputError(`${file} is missing in ${root}; run new:service from the repository (or pass --root)`);
  return readFileSync(path, 'utf8');
}

function parsePort(port: number | string): number {
  const n = typeof port === 'number' ? port : /^\d+$/.test(String(port ?? '').trim()) ? Number(port) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 65_535)
    throw new NewServiceInputError(`--port must be an integer from 1 to 65535, got ${JSON.stringify(port ?? null)}`);
  return n;
}

/**
 * Checks the input against the workspace and computes every file and edit of a new
 * service; throws {@link NewServiceInputError} (and writes nothing) when the name is not
 * kebab-case, the port belongs to another app, or the service already exists.
 */
export async function planService(options: NewServiceOptions): Promise<ServicePlan> {
  const { root } = options;
  const names = serviceNames(options.name, options.feature ?? 'items');
  const port = parsePort(options.port);
  const prefix = options.prefix ?? 'v1';
  if (!PREFIX.test(prefix))
    throw new NewServiceInputError(`--prefix must look like "v1" or "api/v1/catalog" (no leading slash), got ${JSON.stringify(prefix)}`);
  const values: TemplateValues = { ...names, port, prefix, timestamp: migrationTimestamp(options.now) };

  for (const taken of [`apps/${names.service}`, `prisma/${names.service}`]) {
    if (existsSync(join(root, taken))) throw new NewServiceInputError(`service ${names.service} already exists: ${taken}/ is there`);
  }
  const texts = Object.fromEntries([...ENV_FILES, ...COMPOSE_FILES, 'package.json', 'README.md'].map((f) => [f, read(root, f)]));
  for (const file of ENV_FILES) {
    const ports = envPorts(texts[file]);
    if (ports.has(names.portVar)) throw new NewServiceInputError(`service ${names.service} already exists: ${file} sets ${names.portVar}`);
    const owner = [...ports].find(([, p]) => p === port)?.[0];
    if (owner) throw new NewServiceInputError(`port ${port} is already in use: ${file} sets ${owner}=${port}`);
  }
  for (const file of COMPOSE_FILES) {
    if (composeNames(texts[file]).has(names.service))
      throw new NewServiceInputError(`name ${names.service} is already a service or profile in ${file}`);
  }
  const scripts = (JSON.parse(texts['package.json']) as { scripts?: Record<string, string> }).scripts ?? {};
  for (const script of [`compose:dev:${names.service}`, `start:${names.service}`]) {
    if (script in scripts) throw new NewServiceInputError(`package.json already has a script ${script}`);
  }

  const rawEdits: PlannedEdit[] = [
    ...ENV_FILES.map((path) => ({ path, content: addEnvPort(texts[path], values), note: `${names.portVar}=${port}` })),
    ...COMPOSE_FILES.map((path) => ({
      path,
      content: addComposeService(texts[path], values, path),
      note: `service + profile ${names.service}`,
    })),
    {
      path: 'package.json',
      content: addPackageScripts(texts['package.json'], values),
      note: `scripts compose:dev:${names.service}, start:${names.service}`,
    },
    { path: 'README.md', content: addReadmeRow(texts['README.md'], values), note: 'Services table row' },
  ];
  const format = options.format ?? ((file: PlannedFile) => Promise.resolve(file.content));
  const files = await Promise.all(
    renderServiceFiles(values, options.templateDir).map(async (file) => ({ ...file, content: await format(file) })),
  );
  const edits = await Promise.all(rawEdits.map(async (edit) => ({ ...edit, content: await format(edit) })));
  return { values, files, edits };
}

/** Writes a plan: creates its files (never overwriting one), then applies its edits; logs one line per file. */
export function applyPlan(root: string, plan: ServicePlan, log: (line: string) => void): void {
  const existing = plan.files.find((f) => existsSync(join(root, f.path)));
  if (existing) throw new NewServiceInputError(`${existing.path} already exists`);
  for (const file of plan.files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.content, { flag: 'wx' });
    log(`create ${file.path}`);
  }
  for (const edit of plan.edits) {
    writeFileSync(join(root, edit.path), edit.content);
    log(`update ${edit.path} (${edit.note})`);
  }
}
