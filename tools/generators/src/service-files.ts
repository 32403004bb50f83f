import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { NewServiceInputError } from './new-service.errors';
import type { ServiceNames } from './service-names';

/** A file `new:service` creates, relative to the repository root. */
export interface PlannedFile {
  path: string;
  content: string;
}

/** What the templates are filled with: the names plus port, prefix and migration timestamp. */
export type TemplateValues = ServiceNames & { port: number; prefix: string; timestamp: string };

/** The folder of `*.tmpl` files mirroring the repository (`apps/__service__/…`, `prisma/__service__/…`). */
export const TEMPLATE_DIR = join(__dirname, '..', 'templates', 'service');

const TOKEN = /__([A-Za-z]+)__/g;

/** Replaces every `__key__` with its value; an unknown key is a bug in a template and throws. */
export function fill(text: string, values: TemplateValues, where: string): string {
  return text.replace(TOKEN, (match, key: string) => {
    if (!(key in values)) throw new Error(`template ${where}: unknown placeholder ${match}`);
    return String(values[key as keyof TemplateValues]);
  });
}

function listTemplates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listTemplates(path);
    return entry.name.endsWith('.tmpl') ? [path] : [];
  });
}

/** The service's files (app, feature folder, tests, Prisma schema and migration), sorted by path. */
export function renderServiceFiles(values: TemplateValues, templateDir: string = TEMPLATE_DIR): PlannedFile[] {
  const files = listTemplates(templateDir).map((template) => {
    const where = relative(templateDir, template).split(sep).join('/');
    return { path: fill(where.replace(/\.tmpl$/, ''), values, where), content: fill(readFileSync(template, 'utf8'), values, where) };
  });
  if (files.length === 0) throw new NewServiceInputError(`no templates in ${templateDir}`);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** `20261201075538`: now in UTC, the shape of Prisma Migrate's folder names. */
export function migrationTimestamp(now: Date = new Date()): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
