/** Where libs/contracts-api keeps its spec and what `pnpm run contract` generates from it. */
const path = require('node:path');

const root = path.resolve(__dirname, '../../..');
const lib = path.join(root, 'libs/contracts-api');

module.exports = {
  root,
  lib,
  spec: path.join(lib, 'openapi/v1.yaml'),
  baseline: path.join(lib, 'openapi/v1.baseline.yaml'),
  redoclyConfig: path.join(lib, 'redocly.yaml'),
  generatedDir: path.join(lib, 'src/generated'),
  /** The generated files, each relative to the generated dir. */
  generatedFiles: ['openapi.json', 'v1.ts', 'error-codes.ts'],
  bin: (name) => path.join(root, 'node_modules/.bin', name),
  rel: (file) => path.relative(root, file),
};
