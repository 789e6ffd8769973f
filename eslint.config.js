// ESLint (flat config): typescript-eslint with type information, Prettier for layout, and lines
// of at most 120 characters (Prettier does not break long strings and templates).
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Rules of syntax for every file, and for tests (a flat config replaces a rule's options, so the
// tests' list repeats these).
const erasableOnly = [
  { selector: 'TSEnumDeclaration', message: 'Use a union of string literals: enums are not erasable syntax.' },
  {
    selector: 'TSParameterProperty',
    message: 'Declare the field: parameter properties are not erasable syntax.',
  },
  {
    selector:
      "MemberExpression[property.name='pathname'][object.callee.name='URL'][object.arguments.1.object.type='MetaProperty']",
    message: 'A file path from a URL is fileURLToPath(url): .pathname keeps %20 for a space.',
  },
];
const noSleepsInTests = {
  selector: "NewExpression[callee.name='Promise'] CallExpression[callee.name='setTimeout']",
  message:
    'A test waits for the event (a log line, a message, tests/support/hold.ts) or advances a fake clock (vi.useFakeTimers), never for time to pass; timing budgets belong in bench/.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'bench/out/', 'tests/artifacts/', 'data/', 'tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: true,
      },
    },
    plugins: { '@stylistic': stylistic },
    rules: {
      '@stylistic/max-len': ['error', { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }],
      // A variable a closure reads before its one assignment (wiring that starts things in order) may stay `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', ...erasableOnly],
    },
  },
  {
    // The JavaScript files are small entry points and configuration, outside the TypeScript project.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // CommonJS where it must be (a --require preload: tests/support/loopback-only.cjs).
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The page's script: plain JavaScript for the browser, type-checked through its own project
    // (src/client/tsconfig.json, DOM types, JSDoc). Its files share one scope (render/html-script.ts
    // joins them), so a name one file defines is used by another: tsc, not no-undef, checks names.
    files: ['src/client/**/*.js'],
    ...tseslint.configs.enableTypeChecked,
    languageOptions: {
      globals: globals.browser,
      sourceType: 'script',
      parserOptions: { projectService: false, project: './src/client/tsconfig.json' },
    },
    rules: {
      ...tseslint.configs.recommendedTypeChecked.at(-1)?.rules,
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    // Test assertions use vitest's asymmetric matchers (expect.stringMatching and friends), typed `any`.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      // Fakes of async interfaces (sleep, run) need no await; fake aborts pass the signal's reason on.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      'no-restricted-syntax': ['error', ...erasableOnly, noSleepsInTests],
      'no-restricted-imports': [
        'error',
        { name: 'node:timers/promises', message: noSleepsInTests.message },
        { name: 'timers/promises', message: noSleepsInTests.message },
      ],
    },
  },
  prettier,
);
