import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';

// Feature boundaries in the web app (docs/decisions/012-web-structure.md): a feature folder
// imports nothing from another one; what two features share lives in src/components or
// src/lib, which import no feature. Features are siblings, so an import that climbs out of
// its feature (`../../members/…`, `…/features/members/…`) names the other feature.
const webFeatures = readdirSync(new URL('./apps/web/src/features/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const featureBoundaries = webFeatures.map((feature) => {
  const others = webFeatures.filter((other) => other !== feature).map(escapeRegex);
  return {
    files: [`apps/web/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(features/)?(${others.join('|')})/`,
              message: `No imports across features: move what ${feature} shares with another feature to src/components or src/lib.`,
            },
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'packages/db/src/generated/**', '.data/**', '.test-data/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    // Production code of the API and the packages: a value that may be missing gets a real
    // check (a clear internal error, or a narrowed type), never a `!` that hides it.
    files: ['apps/api/src/**/*.ts', 'packages/*/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      // Prisma turns `mode: 'insensitive'` into ILIKE with the value as a pattern: the helpers of
      // apps/api/src/lib/text-match.ts escape it, so every case-insensitive filter goes through them.
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='mode']:matches([value.value='insensitive'], [value.expression.value='insensitive'])",
          message: "Use sameText() or containsText() from lib/text-match.ts: Prisma's insensitive filters are ILIKE patterns.",
        },
      ],
    },
  },
  { files: ['apps/api/src/lib/text-match.ts'], rules: { 'no-restricted-syntax': 'off' } },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  ...featureBoundaries,
  {
    files: ['apps/web/src/components/**/*.{ts,tsx}', 'apps/web/src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+features/', message: 'Shared code (src/components, src/lib) imports no feature.' }] },
      ],
    },
  },
);
