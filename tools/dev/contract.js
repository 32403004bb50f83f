/**
 * `pnpm run contract`: regenerates libs/contracts-api/src/generated/ (bundled openapi.json,
 * openapi-typescript types v1.ts, error-codes.ts) from libs/contracts-api/openapi/v1.yaml.
 * `pnpm run contract:baseline` also copies the bundled spec to openapi/v1.baseline.yaml
 * (the reference `contract-check` holds breaking changes against; move it only on purpose).
 *
 *   node tools/dev/contract.js [--baseline]
 */
const { writeFileSync } = require('node:fs');
const YAML = require('yaml');
const paths = require('./contract/paths');
const { generate } = require('./contract/generate');

try {
  const doc = generate();
  for (const f of paths.generatedFiles) process.stdout.write(`contract: wrote ${paths.rel(`${paths.generatedDir}/${f}`)}\n`);
  if (process.argv.includes('--baseline')) {
    writeFileSync(
      paths.baseline,
      `# Baseline of the v1 contract for contract-check's breaking-change gate (pnpm run contract:baseline).\n${YAML.stringify(doc, { lineWidth: 0 })}`,
    );
    process.stdout.write(`contract: wrote ${paths.rel(paths.baseline)}\n`);
  }
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
