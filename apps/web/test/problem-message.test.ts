import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/lib/api-client.ts';
import { fieldErrorMessage, problemMessage } from '../src/lib/problem-message.ts';
import { en } from '../src/locales/en.ts';
import { fr } from '../src/locales/fr.ts';

async function translator(lng: 'fr' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { fr: { translation: fr }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

const tooLarge = (maxBytes: number) =>
  new ApiError({ status: 413, title: 'Payload Too Large', detail: 'The file is larger…', code: 'file_too_large', maxBytes } as ConstructorParameters<typeof ApiError>[0]);

describe('problemMessage', () => {
  it('names the size limit of a file refused as too large, in the interface language', async () => {
    expect(problemMessage(tooLarge(50 * 1024 * 1024), await translator('fr'))).toBe('Le fichier dépasse les 50 Mio qu’un import accepte\u00A0; découpez-le en plusieurs fichiers.');
    expect(problemMessage(tooLarge(1.5 * 1024 * 1024), await translator('fr'))).toBe('Le fichier dépasse les 1,5 Mio qu’un import accepte\u00A0; découpez-le en plusieurs fichiers.');
    expect(problemMessage(tooLarge(200), await translator('en'))).toBe('The file is larger than the 200 bytes an import accepts; split it into several files.');
  });

  it('falls back to the code’s own words when the limit is missing', async () => {
    const bare = new ApiError({ status: 413, title: 'Payload Too Large', detail: 'x', code: 'file_too_large' });
    expect(problemMessage(bare, await translator('fr'))).toBe('Le fichier dépasse la taille qu’un import accepte\u00A0; découpez-le en plusieurs fichiers.');
  });

  it('words a field error from its code and params in the interface language, not with the API’s message', async () => {
    const refusal = {
      path: 'members.0.role',
      code: 'incompatible_role',
      message: 'The role Publisher is not compatible with the user type Viewer',
      params: { role: 'Publisher', roleFr: 'Publication', userType: 'Viewer', userTypeFr: 'Lecteur', compatible: 'Viewer', compatibleFr: 'Lecteur' },
    };
    expect(fieldErrorMessage(refusal, await translator('fr'))).toBe('Le rôle «\u00A0Publication\u00A0» n’est pas compatible avec le type d’utilisateur «\u00A0Lecteur\u00A0»\u00A0; rôles compatibles\u00A0: Lecteur');
    expect(fieldErrorMessage(refusal, await translator('en'))).toBe('Role "Publisher" is not compatible with user type "Viewer"; compatible roles: Viewer');
    // A code this version has no words for: the API's message.
    expect(fieldErrorMessage({ code: 'from_the_future', message: 'Something new' }, await translator('fr'))).toBe('Something new');
    const seats = new ApiError({ status: 409, title: 'Conflict', detail: 'English', code: 'seats_exhausted', errors: [{ path: 'members', code: 'named_user_limit', message: 'English', params: { limit: 5, used: 5, requested: 1, short: 1 } }] });
    expect(problemMessage(seats, await translator('fr'))).toBe('Pas assez de places\u00A0: La limite d’utilisateurs nommés de l’organisation est de 5\u00a0: 5 utilisés, 1 demandés, 1 de trop');
  });
});
