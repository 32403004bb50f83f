import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Test files: Jest suites and the contract suites they run. */
const testFiles = ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.contract.ts'];
/** Code only tests use: a testing/ folder or a *test.helpers.ts file next to the suites. */
const testSupportFiles = ['**/testing/**', '**/*test.helpers.ts'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/generated/**',
      '.nx/**',
      'tmp/**',
      'coverage/**',
      'var/**',
      // the web app's build output and Next's generated type stub
      '**/.next/**',
      '**/.open-next/**',
      '**/.wrangler/**',
      'apps/web/next-env.d.ts',
      // the web app's static files (the fixture HLS segments are MPEG-TS `.ts` files)
      'apps/web/public/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform'] },
            { sourceTag: 'scope:domain', onlyDependOnLibsWithTags: ['scope:platform', 'scope:domain'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.contract.ts', 'libs/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Files stay a screen or two. Blank lines and comments do not count: STYLE.md asks for
    // JSDoc on every public export, and documenting a file must not push it over.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: testFiles,
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
  {
    // libs/testing (test env, app boot, throwaway databases) is for tests only.
    files: ['apps/**/*.ts', 'apps/**/*.tsx', 'libs/**/*.ts'],
    ignores: [...testFiles, ...testSupportFiles, 'libs/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@mikasmissions/testing', '@mikasmissions/testing/*'],
              message:
                '@mikasmissions/testing is for tests only: import it from *.spec.ts, *.e2e-spec.ts, *.contract.ts, a testing/ folder or a *test.helpers.ts file, never from production code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  prettier,
);
