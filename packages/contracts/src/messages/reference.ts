import { q, type MessageCode, type Wording } from './wording.ts';

/** Refusals of the reference data administration (issue 15). Part of the one table (table.ts). */
export const referenceWordings = {
  name_taken: {
    en: (p, l) => `The name ${q(p.value, l)} is already used; choose another`,
    fr: (p, l) => `Le nom ${q(p.value, l)} est déjà utilisé ; choisissez-en un autre`,
  },
} satisfies Partial<Record<MessageCode, Wording>>;
