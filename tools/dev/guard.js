/**
 * `pnpm run guard`: event contracts, contract-check, format check (Prettier), lint, typecheck, in that order. Prints each
 * step before it runs and its time after, stops at the first failure (its exit code).
 */
const { spawnSync } = require('node:child_process');

const STEPS = ['check:event-contracts', 'contract-check', 'format:check', 'lint', 'typecheck'];
const started = performance.now();
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

for (const [i, step] of STEPS.entries()) {
  process.stdout.write(`guard: [${i + 1}/${STEPS.length}] ${step} …\n`);
  const at = performance.now();
  const run = spawnSync('pnpm', ['run', '--silent', step], { stdio: 'inherit' });
  const code = run.status ?? 1;
  if (code !== 0) {
    process.stderr.write(`guard: [${i + 1}/${STEPS.length}] ${step} FAILED after ${seconds(at)} (exit ${code})\n`);
    process.exit(code);
  }
  process.stdout.write(`guard: [${i + 1}/${STEPS.length}] ${step} ok in ${seconds(at)}\n`);
}
process.stdout.write(`guard: all ${STEPS.length} steps passed in ${seconds(started)}\n`);
