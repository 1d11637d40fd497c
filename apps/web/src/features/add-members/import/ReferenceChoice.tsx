import { Select } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';

/** A role or user type of the organization, as the row editor offers it. */
interface Choice {
  id: string;
  key: string;
  name: string;
  nameFr: string;
}

interface ReferenceChoiceProps {
  label: string;
  error: ReactNode;
  choices: readonly Choice[];
  /** The cell as it stands (the file's text, or what was chosen). */
  value: string;
  /** The choice the cell names, read as the server reads it; undefined when it names none. */
  resolvedId: string | undefined;
  /** The cell's text for a choice: its name when that names it alone, else its key. */
  cellFor: (choice: Choice, name: string) => string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
}

/** Marks the file's own text in the list when it names none of the organization's choices. */
const FILE_VALUE = '\u0000file';

/**
 * The organization's roles or user types by name (issue 13, item 7). A cell that names none of
 * them stays visible, as the file's value, next to the row's error, until another is chosen.
 */
export function ReferenceChoice({ label, error, choices, value, resolvedId, cellFor, onChange, autoFocus }: ReferenceChoiceProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const unmatched = !resolvedId && value.trim() !== '';
  const data = [
    ...(unmatched ? [{ value: FILE_VALUE, label: t('import.edit.fileValue', { value }) }] : []),
    ...choices.map((choice) => ({ value: choice.id, label: format.name(choice) })),
  ];
  const selected = resolvedId ?? (unmatched ? FILE_VALUE : null);
  return (
    <Select
      label={label}
      error={error}
      data={data}
      value={selected}
      placeholder={t('import.edit.choose')}
      allowDeselect={false}
      data-autofocus={autoFocus || undefined}
      comboboxProps={{ shadow: 'md', withinPortal: true }}
      onChange={(id) => {
        const choice = choices.find((candidate) => candidate.id === id);
        if (choice) onChange(cellFor(choice, format.name(choice)));
      }}
    />
  );
}
