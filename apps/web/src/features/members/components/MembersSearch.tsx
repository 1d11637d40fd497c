import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const debounceMs = 250;

interface MembersSearchProps {
  /** The search in the URL. */
  value: string;
  onSearch: (q: string) => void;
}

/**
 * Search box that follows the URL: typing updates the URL after a short pause, and a URL
 * change made elsewhere (back button, "clear filters") shows up in the box.
 */
export function MembersSearch({ value, onSearch }: MembersSearchProps) {
  const { t } = useTranslation();
  // What the admin typed, the URL value it was typed over, and what of it was sent. The box
  // shows the typed text while the URL holds either of those, and the URL's value once
  // something else (back button, "clear filters") has changed it: derived, never copied.
  const [draft, setDraft] = useState({ text: value, base: value, sent: value });
  const text = value === draft.base || value === draft.sent ? draft.text : value;

  const send = useDebouncedCallback((q: string, base: string) => {
    // The URL moved on while the admin paused: what they typed over it is no longer asked for.
    if (base !== value) return;
    setDraft((current) => ({ ...current, sent: q.trim() }));
    onSearch(q);
  }, debounceMs);

  const clear = () => {
    send.cancel();
    setDraft({ text: '', base: value, sent: '' });
    onSearch('');
  };

  return (
    <TextInput
      type="search"
      label={t('members.search.label')}
      placeholder={t('members.search.placeholder')}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(event) => {
        const typed = event.currentTarget.value;
        setDraft((current) => ({ ...current, text: typed, base: value }));
        send(typed, value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') send.flush();
      }}
      rightSection={
        text ? <CloseButton size="sm" aria-label={t('members.search.clear')} onClick={clear} /> : null
      }
      autoComplete="off"
      spellCheck={false}
      maxLength={200}
    />
  );
}
