import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/lib/api-client.ts';
import { problemMessage } from '../src/lib/problem-message.ts';
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
    expect(problemMessage(tooLarge(50 * 1024 * 1024), await translator('fr'))).toBe('Le fichier dépasse les 50\u00A0Mio qu’un import accepte\u00A0; découpez-le en plusieurs fichiers.');
    expect(problemMessage(tooLarge(1.5 * 1024 * 1024), await translator('fr'))).toBe('Le fichier dépasse les 1,5\u00A0Mio qu’un import accepte\u00A0; découpez-le en plusieurs fichiers.');
    expect(problemMessage(tooLarge(200), await translator('en'))).toBe('The file is larger than the 200 bytes an import accepts; split it into several files.');
  });

  it('falls back to the code’s own words when the limit is missing', async () => {
    const bare = new ApiError({ status: 413, title: 'Payload Too Large', detail: 'x', code: 'file_too_large' });
    expect(problemMessage(bare, await translator('fr'))).toBe(fr.errors.codes.file_too_large);
  });
});
