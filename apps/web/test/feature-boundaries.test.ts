import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The rule of docs/decisions/012-web-structure.md, checked through the project's own
// ESLint configuration: a feature imports nothing from another feature, and shared code
// (src/components, src/lib) imports no feature.

const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(code: string, file: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports');
}

describe('feature boundaries', () => {
  it('refuses an import from another feature, however deep the importing file is', async () => {
    const refused = [
      ["import { useMemberDetail } from '../../members/api/member-detail.ts';", 'apps/web/src/features/add-members/components/X.tsx'],
      ["import { importFr } from '../../add-members/import/messages.fr.ts';", 'apps/web/src/features/contacts/routes/X.tsx'],
      ["import { x } from '../../../features/contacts/api/contacts.ts';", 'apps/web/src/features/add-members/import/x.ts'],
      ["export { x } from '../members/member-form.ts';", 'apps/web/src/features/add-members/x.ts'],
    ] as const;
    for (const [code, file] of refused) {
      const messages = await restrictedImports(code, file);
      expect(messages, `${file}: ${code}`).toHaveLength(1);
      expect(messages[0]!.message).toMatch(/No imports across features/);
    }
  });

  it('allows imports inside the feature and from shared code', async () => {
    const allowed = [
      ["import { useMemberDetail } from '../api/member-detail.ts';", 'apps/web/src/features/members/components/X.tsx'],
      ["import { x } from '../../members/api/member-detail.ts';", 'apps/web/src/features/members/components/X.tsx'],
      ["import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';", 'apps/web/src/features/contacts/routes/X.tsx'],
      ["import { request } from '../../../lib/api-client.ts';", 'apps/web/src/features/add-members/import/x.ts'],
      ["import { importFr } from './messages.fr.ts';", 'apps/web/src/features/add-members/import/x.ts'],
    ] as const;
    for (const [code, file] of allowed) expect(await restrictedImports(code, file), `${file}: ${code}`).toEqual([]);
  });

  it('refuses a feature import in shared components and lib', async () => {
    expect(await restrictedImports("import { x } from '../features/members/api/member-detail.ts';", 'apps/web/src/components/X.tsx')).toHaveLength(1);
    expect(await restrictedImports("import { x } from '../../features/auth/api/sign-in.ts';", 'apps/web/src/lib/session/x.ts')).toHaveLength(1);
  });
});
