/**
 * `pnpm run contract-check` (part of `pnpm run guard`), for libs/contracts-api:
 *   lint      redocly lint of openapi/v1.yaml (libs/contracts-api/redocly.yaml)
 *   rules     x-error-codes per error status, codes in the catalogue, ErrorBody, x-roles
 *   stale     regenerates into a temp dir and diffs against src/generated/ (committed)
 *   breaking  redocly diff against openapi/v1.baseline.yaml, failing on any major change
 * Prints one line per failed step and exits 1; prints a one-line summary otherwise.
 *
 *   node tools/dev/contract-check.js [--spec FILE] [--baseline FILE] [--steps lint,rules,stale,breaking]
 */
const { existsSync, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const paths = require('./contract/paths');
const { generate } = require('./contract/generate');
const { consistencyProblems } = require('./contract/consistency');
const { runTool } = require('./contract/run-tool');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const spec = path.resolve(arg('spec', paths.spec));
const baseline = path.resolve(arg('baseline', paths.baseline));
const steps = arg('steps', 'lint,rules,stale,breaking').split(',');
const failures = [];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'contract-check-'));

try {
  if (steps.includes('lint')) {
    const r = runTool('redocly', ['lint', spec, '--config', paths.redoclyConfig, '--format', 'codeframe']);
    if (r.status !== 0) failures.push({ line: `lint: ${paths.rel(spec)} has problems (redocly lint)`, output: r.output });
  }
  const doc = generate({ spec, outDir: tmp });
  if (steps.includes('rules')) {
    const problems = consistencyProblems(doc);
    if (problems.length) failures.push({ line: `rules: ${problems.length} problem(s)`, output: problems.join('\n') });
  }
  if (steps.includes('stale')) {
    const stale = paths.generatedFiles.filter((f) => {
      const committed = path.join(paths.generatedDir, f);
      return !existsSync(committed) || readFileSync(committed, 'utf8') !== readFileSync(path.join(tmp, f), 'utf8');
    });
    for (const f of stale)
      failures.push({
        line: `stale: ${paths.rel(path.join(paths.generatedDir, f))} does not match the spec: run \`pnpm run contract\` and commit it`,
      });
  }
  if (steps.includes('breaking')) {
    if (!existsSync(baseline)) failures.push({ line: `breaking: no baseline at ${paths.rel(baseline)} (pnpm run contract:baseline)` });
    else {
      const r = runTool('redocly', ['diff', baseline, path.join(tmp, 'openapi.json'), '--fail-on', 'major', '--lint-config', 'off']);
      if (r.status !== 0) {
        const changes = r.output
          .split('\n')
          .filter((l) => l.trim() && !/^\s+at /.test(l) && !/✔ (minor|patch)/.test(l))
          .join('\n');
        failures.push({
          line: `breaking: ${paths.rel(spec)} breaks ${paths.rel(baseline)} (redocly diff found major changes)`,
          output: changes,
        });
      }
    }
  }
} catch (error) {
  failures.push({ line: error.contractFailure ? error.message : `contract-check: ${error.stack}` });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (failures.length) {
  for (const f of failures) process.stderr.write(`${f.output ? `${f.output.trim()}\n` : ''}contract-check: ${f.line}\n`);
  process.exit(1);
}
process.stdout.write(`contract-check: ${paths.rel(spec)} ok (${steps.join(', ')})\n`);
