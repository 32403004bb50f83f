import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The repository root. */
export const ROOT = join(__dirname, '../../../..');

/**
 * Test helper: runs a launch CLI (`tools/launch/src/<entry>`) as `node -r @swc-node/register`,
 * the way its pnpm script does, with `env` over a minimal environment (PATH, HOME).
 */
export function runLaunchCli(
  entry: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  timeout = 120_000,
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'tools/launch/src', entry), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
  });
}

/** A folder with an executable `name` that appends its arguments (one call a line) to `<dir>/calls.log`, prints `stdout` and exits `code`. */
export function fakeBinary(name: string, options: { stdout?: string; code?: number; dir?: string } = {}): { dir: string; calls: string } {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), `fake-${name}-`));
  const calls = join(dir, 'calls.log');
  const script = `#!/bin/sh\necho "$*" >> '${calls}'\nprintf '%s' '${(options.stdout ?? '').replace(/'/g, "'\\''")}'\nexit ${options.code ?? 0}\n`;
  writeFileSync(join(dir, name), script);
  chmodSync(join(dir, name), 0o755);
  return { dir, calls };
}

/**
 * A fake `kubectl` in a fresh folder (put it first on PATH): records every call's arguments in
 * `calls.log`, hands `kustomize` to the real kubectl at `realKubectl` (rendering needs no
 * cluster), saves what `apply -f -` reads on stdin to `stdin.txt`, and fails (exit 1) any call
 * whose arguments contain `$FAKE_KUBECTL_FAIL`.
 */
export function fakeKubectl(realKubectl: string): { dir: string; calls: string; stdin: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fake-kubectl-'));
  const calls = join(dir, 'calls.log');
  const stdin = join(dir, 'stdin.txt');
  const script = [
    '#!/bin/sh',
    `[ "$1" = kustomize ] && exec '${realKubectl}' "$@"`,
    `echo "$*" >> '${calls}'`,
    `[ "$1 $2 $3" = "apply -f -" ] && cat > '${stdin}'`,
    'if [ -n "$FAKE_KUBECTL_FAIL" ]; then case "$*" in *"$FAKE_KUBECTL_FAIL"*) echo "fake kubectl: $* failed" >&2; exit 1;; esac; fi',
    'echo ok',
    'exit 0',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'kubectl'), script);
  chmodSync(join(dir, 'kubectl'), 0o755);
  return { dir, calls, stdin };
}
