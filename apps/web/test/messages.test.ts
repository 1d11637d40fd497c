import { describe, expect, it } from 'vitest';
import { en } from '../src/locales/en.ts';
import { fr } from '../src/locales/fr.ts';
import { i18n } from '../src/lib/i18n.ts';

/**
 * The interface's words (issue 13, item 12): every key in both languages with the same
 * interpolation variables, counts through i18next's plural forms, the glossary's one word per
 * thing, French typography. The contracts' table of refusals has its own test
 * (packages/contracts/test/messages.test.ts).
 */
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const frKeys = flatten(fr as unknown as Tree);
const enKeys = flatten(en as unknown as Tree);
const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)(?:\s*,[^}]*)?\s*\}\}/g)].map((m) => m[1]).sort();
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(pluralSuffix, '');

/** Words the glossary bans from display, with the word to use instead. */
const bannedFr: [RegExp, string][] = [
  [/compl[ée]mentaires?/i, 'additionnelles'],
  [/page de d[ée]marrage/i, 'page d’accueil'],
  [/courriels?/i, 'e-mail'],
  [/adresses? [ée]lectroniques?/i, 'adresse e-mail'],
  [/(?<![-\w])mails?\b/i, 'e-mail'],
];
const bannedEn: [RegExp, string][] = [
  [/\bcomplementary licen[cs]es?\b/i, 'add-on licences'],
  [/\bstart(ing)? page\b/i, 'home page'],
  [/\be-mail\b/i, 'email'],
];

describe('interface messages', () => {
  it('has every key in both languages', () => {
    const missingEn = [...frKeys.keys()].filter((k) => !enKeys.has(k));
    const missingFr = [...enKeys.keys()].filter((k) => !frKeys.has(k));
    expect(missingEn, 'keys missing in English').toEqual([]);
    expect(missingFr, 'keys missing in French').toEqual([]);
  });

  it('uses the same interpolation variables in both languages', () => {
    const differ = [...frKeys]
      .filter(([key]) => enKeys.has(key))
      .filter(([key, text]) => variables(text).join() !== variables(enKeys.get(key)!).join())
      .map(([key]) => `${key}: fr {${variables(frKeys.get(key)!).join()}} en {${variables(enKeys.get(key)!).join()}}`);
    expect(differ).toEqual([]);
  });

  it('says a count through plural forms (_one and _other) in both languages', () => {
    for (const [name, keys] of [
      ['fr', frKeys],
      ['en', enKeys],
    ] as const) {
      const counted = [...keys].filter(([, text]) => variables(text).includes('count')).map(([key]) => key);
      const withoutForms = counted.filter((key) => !pluralSuffix.test(key));
      expect(withoutForms, `${name}: {{count}} without plural forms`).toEqual([]);
      // A plural set is complete: _one and _other both there.
      const bases = new Set([...keys.keys()].filter((k) => pluralSuffix.test(k)).map(base));
      for (const b of bases) {
        expect(keys.has(`${b}_one`) && keys.has(`${b}_other`), `${name}: ${b}_one and ${b}_other`).toBe(true);
      }
    }
  });

  it('never pluralises with "(s)" or a parenthesised count, nor agrees with "(e)"', () => {
    const bad = [...frKeys, ...enKeys].filter(([, text]) => /\w\((s|e|es)\)|\(\s*\{\{count\}\}[^)]*\)|\(0 /.test(text)).map(([key, text]) => `${key}: ${text}`);
    expect(bad).toEqual([]);
  });

  it('keeps to the glossary: one word per thing in each language', () => {
    const bad: string[] = [];
    for (const [key, text] of frKeys) for (const [word, instead] of bannedFr) if (word.test(text)) bad.push(`fr ${key}: "${text}" (say "${instead}")`);
    for (const [key, text] of enKeys) for (const [word, instead] of bannedEn) if (word.test(text)) bad.push(`en ${key}: "${text}" (say "${instead}")`);
    expect(bad).toEqual([]);
  });

  it('writes French with the typographic apostrophe, English with no space before a colon', () => {
    expect([...frKeys].filter(([, text]) => text.includes("'")).map(([key, text]) => `${key}: ${text}`)).toEqual([]);
    expect([...enKeys].filter(([, text]) => /\s:(\s|$)/.test(text)).map(([key, text]) => `${key}: ${text}`)).toEqual([]);
    expect([...enKeys].filter(([, text]) => /[’]/.test(text) && /'/.test(text)).map(([key]) => key)).toEqual([]);
  });

  it('never breaks a line inside "e-mail": the interface writes it with a non-breaking hyphen', () => {
    const t = i18n.getFixedT('fr');
    const emailKey = [...frKeys].find(([, text]) => /e-mail/.test(text));
    expect(emailKey, 'a French message with "e-mail"').toBeDefined();
    const shown = String(t(emailKey![0] as never, { count: 1 } as never));
    expect(shown).toContain('e\u2011mail');
    expect(shown).not.toContain('e-mail');
  });

  it('agrees in number: French 0 and 1 are singular, English 0 is plural', () => {
    const sample = [...frKeys.keys()].find((k) => k.endsWith('_one'));
    expect(sample, 'at least one plural message').toBeDefined();
    const key = base(sample!);
    const tf = i18n.getFixedT('fr');
    const te = i18n.getFixedT('en');
    expect(tf(key as never, { count: 0 } as never)).toBe(tf(`${key}_one` as never, { count: 0 } as never));
    expect(te(key as never, { count: 0 } as never)).toBe(te(`${key}_other` as never, { count: 0 } as never));
  });
});
