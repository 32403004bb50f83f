import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A bad command line or environment: the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** One `--option` of a launch CLI: its parseArgs type and the line `--help` prints for it. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
}

/** One environment variable a CLI reads, with its default, for `--help`. */
export interface EnvSpec {
  name: string;
  default?: string;
  description: string;
}

/** What a launch CLI is: its name, what it does, its options, its env and its exit codes (all printed by `--help`). */
export interface CommandSpec {
  name: string;
  summary: string;
  options?: Record<string, OptionSpec>;
  env?: EnvSpec[];
  exitCodes: Record<number, string>;
  examples?: string[];
}

/** The `--help` text of a command. */
export function helpText(spec: CommandSpec): string {
  const options = Object.entries(spec.options ?? {}).map(
    ([name, o]) => `  --${name}${o.type === 'string' ? ' <value>' : ''}`.padEnd(32) + o.description,
  );
  const env = (spec.env ?? []).map((e) => `  ${e.name}${e.default === undefined ? '' : `=${e.default}`}`.padEnd(44) + e.description);
  const codes = Object.entries(spec.exitCodes).map(([code, what]) => `  ${code}  ${what}`);
  return [
    `${spec.name} — ${spec.summary}`,
    '',
    'Options:',
    ...options,
    '  --help'.padEnd(32) + 'print this help',
    ...(env.length ? ['', 'Environment:', ...env] : []),
    '',
    'Exit codes:',
    ...codes,
    ...(spec.examples?.length ? ['', 'Examples:', ...spec.examples.map((e) => `  ${e}`)] : []),
    '',
  ].join('\n');
}

/**
 * Parses `argv` with node:util `parseArgs` (strict: an unknown option is a {@link UsageError}).
 * Returns `undefined` when `--help` was asked for (the caller prints {@link helpText} and exits 0).
 *
 * @example
 * const values = parseCommand(SPEC, process.argv.slice(2));
 */
export function parseCommand(spec: CommandSpec, argv: readonly string[]): Record<string, string | boolean | undefined> | undefined {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean' } };
  for (const [name, o] of Object.entries(spec.options ?? {})) options[name] = { type: o.type };
  try {
    const { values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
    return values.help ? undefined : (values as Record<string, string | boolean | undefined>);
  } catch (error) {
    throw new UsageError(`${spec.name}: ${(error as Error).message} (see --help)`);
  }
}

/**
 * Runs a CLI's `main`: prints `--help`, maps a {@link UsageError} to exit 2 and any other
 * failure to exit 1 with its message, and sets the exit code `main` resolves to.
 */
export function runCli(spec: CommandSpec, main: (values: Record<string, string | boolean | undefined>) => Promise<number> | number): void {
  let values: Record<string, string | boolean | undefined> | undefined;
  try {
    values = parseCommand(spec, process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  if (!values) {
    process.stdout.write(helpText(spec));
    return;
  }
  Promise.resolve()
    .then(() => main(values))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        const usage = error instanceof UsageError;
        process.stderr.write(`${usage ? '' : `${spec.name} failed: `}${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = usage ? 2 : 1;
      },
    );
}

/** A progress printer: `[name   12.3 s] line` on stdout, the time since it was made. */
export function progress(name: string): (line: string) => void {
  const t0 = Date.now();
  return (line) => process.stdout.write(`[${name} ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
}

/** A boolean variable: `true`/`false` (any case), or `fallback` when unset or empty. */
export function readBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (raw === 'true' || raw === '1' || raw === 'yes') return true;
  if (raw === 'false' || raw === '0' || raw === 'no') return false;
  throw new UsageError(`${name} must be true or false, got "${env[name]}"`);
}
