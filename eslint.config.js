// ESLint flat config: type-aware rules the style guide makes errors from day one.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'artifacts/**', 'web/dist/**', 'coverage/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // The web app (web/tsconfig.json): React hooks rules on top of the same type-aware rules.
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // Event handlers may be async (antd onFinish, onClick): their promises are handled inside.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Vite 8 gives a default import of a CommonJS module from this "type": "module" package its
      // whole module.exports: antd's CJS locales would arrive as { default: … } and be ignored.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^antd/(locale|lib)/',
              message: "Import antd's ES build (antd/es/…): the CommonJS one loses its default export.",
            },
            {
              // The server's vocabulary is shared from modules without I/O only (listed in
              // web/build.ts so that a change to them rebuilds the web app).
              regex:
                '^(\\.\\./)+src/(?!cases/workflow/model\\.js$|identity/actor\\.js$|shared/errors\\.js$|evaluation/vocabulary\\.js$)',
              message:
                'The web app may import only src/cases/workflow/model, src/identity/actor, src/shared/errors and src/evaluation/vocabulary.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read inject() responses through `.json()`, which is `any` by design; typing every
    // response would be noise. The unsafe-any rules stay on for all production code.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
