// ESLint for the TypeScript sources, with typescript-eslint's type-aware recommended rules.
// `npm run lint` runs it with --max-warnings 0, and `npm test` runs the lint. A recommended rule that does not fit
// this codebase is turned off (or narrowed) here, with the reason, rather than disabled line by line.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// `no-unnecessary-type-assertion` limited to `as X` / `<X>x`: its other half calls every `xs[i]!` unnecessary,
// and those are written on purpose (they stay right under noUncheckedIndexedAccess; without that flag, which
// would cost about 700 changes, the rule cannot tell them from real needless `!`). So the rule runs on a context
// whose `report` drops the non-null findings.
const needlessAssertion = tseslint.plugin.rules['no-unnecessary-type-assertion'];
const local = {
  rules: {
    'no-needless-as': {
      ...needlessAssertion,
      create(context) {
        const report = (d) => d.node.type !== 'TSNonNullExpression' && context.report(d);
        return needlessAssertion.create(Object.create(context, { report: { value: report } }));
      },
    },
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      // Stryker's sandboxes (a second concurrent run uses --tempDirName .stryker-tmp-b).
      '.stryker-tmp*/**',
      'reports/**',
      '**/*.mjs',
      '**/*.js',
      'test/fixtures/**',
      'test/e2e/vscode/**',
      'test/vscode/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { local },
    rules: {
      // Only its `as X` half (see `local` above): `xs[i]!` is written on purpose.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      'local/no-needless-as': 'error',
      // YAML scalar values are typed `unknown`; `String(v)` of a scalar is the intended spelling (33 hits).
      '@typescript-eslint/no-base-to-string': 'off',
      // Control characters in patterns are deliberate: JUnit XML and Go's quoting strip or escape them.
      'no-control-regex': 'off',
      // The template lexer resets its state defensively where a later path would also set it.
      'no-useless-assignment': 'off',
      // `async () => syncRead()` turns a thrown read error into a rejection, and test fakes implement async
      // interfaces without awaiting anything.
      '@typescript-eslint/require-await': 'off',
      // node:test's describe/it return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
          ],
        },
      ],
      // `_name` marks a deliberately unused binding (a loop counter, a parameter an interface requires).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // The template parser unwinds with a plain Bail object (no stack to capture) and catches it at its entry.
      '@typescript-eslint/only-throw-error': ['error', { allow: [{ from: 'file', name: 'Bail' }] }],
      // lintConfig.ts loads the zod schema lazily with require() so a run without .cilium-lint.yaml never loads zod;
      // boot/runBundle.ts loads node:crypto only for a bundle that does not state its digest.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['/lintConfigSchema$', '^node:crypto$'] }],
      // A tree walk starts its cursor at `this` (MapView.lookup); that is not a closure alias.
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['view'] }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read the JSON the CLI and the server print (`any` from JSON.parse) and assert its shape: the
      // assertion is the check.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Patterns match YAML indentation, which reads better as the spaces themselves than as ` {2}`.
      'no-regex-spaces': 'off',
    },
  },
);
