/** What the operator asked for. */
export interface ReplayArgs {
  mode: 'list-failed' | 'requeue-failed';
  limit: number;
  dryRun: boolean;
  resetAttempts: boolean;
  schema: string;
}

/** Bad command line; the message is printed with the usage. */
export class UsageError extends Error {}

export const USAGE = `usage: pnpm run outbox-replay -- --mode=list-failed|requeue-failed [options]

  --mode=list-failed        show failed outbox rows (oldest first)
  --mode=requeue-failed     move failed rows back to pending so the relay retries them
  --limit=N                 at most N rows (default 20)
  --dry-run=true|false      requeue: only show what would be requeued (default true)
  --reset-attempts=true     requeue: give the rows a fresh retry budget (default false)
  --schema=NAME             the service's Postgres schema (default analytics)

  DATABASE_URL must point at the service's database. Single-dash flags (-mode=…) work too.`;

const bool = (name: string, raw: string | undefined): boolean => {
  if (raw === undefined || raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new UsageError(`--${name} expects true or false, got "${raw}"`);
};

/**
 * Parses `--mode=list-failed --limit=20` (and the seed's `-mode=list-failed -limit=20`,
 * and `--limit 20`).
 */
export function parseReplayArgs(argv: string[]): ReplayArgs | 'help' {
  const values = new Map<string, string | undefined>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--') continue;
    const match = /^--?([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unexpected argument "${arg}"`);
    const [, name, inline] = match;
    let value = inline;
    if (
      value === undefined &&
      argv[i + 1] !== undefined &&
      !argv[i + 1].startsWith('-') &&
      !['dry-run', 'reset-attempts', 'help', 'h'].includes(name)
    ) {
      value = argv[(i += 1)];
    }
    values.set(name, value);
  }
  if (values.has('help') || values.has('h')) return 'help';
  const known = new Set(['mode', 'limit', 'dry-run', 'reset-attempts', 'schema']);
  for (const name of values.keys()) if (!known.has(name)) throw new UsageError(`unknown option --${name}`);

  const mode = values.get('mode');
  if (mode !== 'list-failed' && mode !== 'requeue-failed')
    throw new UsageError(`--mode must be list-failed or requeue-failed${mode ? `, got "${mode}"` : ''}`);
  const limitRaw = values.get('limit') ?? '20';
  const limit = Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
    throw new UsageError(`--limit must be an integer from 1 to 10000, got "${limitRaw}"`);
  const schema = values.get('schema') ?? 'analytics';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new UsageError(`--schema must be a schema name, got "${schema}"`);
  return {
    mode,
    limit,
    dryRun: values.has('dry-run') ? bool('dry-run', values.get('dry-run')) : true,
    resetAttempts: values.has('reset-attempts') ? bool('reset-attempts', values.get('reset-attempts')) : false,
    schema,
  };
}
