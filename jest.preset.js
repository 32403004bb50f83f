/**
 * Shared Jest preset: SWC transform (legacy decorators + metadata, which Nest needs)
 * and the `@mikasmissions/<lib>` aliases of tsconfig.base.json.
 */
const path = require('node:path');

const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      {
        swcrc: false,
        jsc: {
          parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@mikasmissions/([a-z0-9-]+)$': path.join(root, 'libs/$1/src/index.ts'),
  },
  testMatch: ['**/?(*.)+(spec|e2e-spec).ts'],
  setupFiles: [path.join(root, 'jest.setup.js')],
};
