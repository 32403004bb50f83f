/**
 * Part of `pnpm run guard`: every event type of libs/contracts-events — each `defineEvent`
 * in src/events/*.ts and each src/schemas/<type>.v<N>.json —
 * must be named (as a quoted string) by a *.spec.ts under libs/contracts-events. Prints one
 * line per event type without a contract test and exits 1; prints a one-line summary otherwise.
 *
 *   node tools/dev/check-event-contracts.js
 */
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const lib = path.resolve(__dirname, '../../libs/contracts-events');
const src = path.join(lib, 'src');

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

function definedTypes() {
  const types = sourceFiles(path.join(src, 'events')).flatMap((file) => {
    const code = readFileSync(file, 'utf8');
    return [...code.matchAll(/\bdefineEvent\b[\s\S]*?\btype:\s*['"`]([^'"`]+)['"`]/g)].map((m) => m[1]);
  });
  if (types.length === 0) throw new Error('check-event-contracts: no defineEvent({ type: … }) found in libs/contracts-events/src/events');
  return types;
}

function schemaTypes() {
  return readdirSync(path.join(src, 'schemas'))
    .map((file) => file.match(/^(.+)\.v\d+\.json$/))
    .filter(Boolean)
    .map((m) => m[1]);
}

function specFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : specFiles(full);
    return entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

const types = [...new Set([...definedTypes(), ...schemaTypes()])].sort();
const specs = specFiles(lib).map((file) => readFileSync(file, 'utf8'));
const quoted = (type) => ["'", '"', '`'].some((q) => specs.some((text) => text.includes(`${q}${type}${q}`)));
const untested = types.filter((type) => !quoted(type));

for (const type of untested) {
  process.stderr.write(`check-event-contracts: ${type} has no contract test (no *.spec.ts under libs/contracts-events names '${type}')\n`);
}
if (untested.length > 0) process.exit(1);
process.stdout.write(`check-event-contracts: ${types.length} event types, each named by a contract test\n`);
