import { runOutboxReplay } from './outbox-replay';

/** `pnpm run outbox-replay -- --mode=list-failed --limit=20` (see `--help`). */
void runOutboxReplay(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
