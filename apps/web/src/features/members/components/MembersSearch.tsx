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
  const [text, setText] = useState(value);
  const [seenValue, setSeenValue] = useState(value);
  const [lastSent, setLastSent] = useState(value);

  const send = useDebouncedCallback((q: string) => {
    setLastSent(q.trim());
    onSearch(q);
  }, debounceMs);

  // Adopt a URL value we did not send ourselves (derived state, adjusted during render).
  if (value !== seenValue) {
    setSeenValue(value);
    if (value !== lastSent) {
      send.cancel();
      setText(value);
      setLastSent(value);
    }
  }

  const clear = () => {
    send.cancel();
    setText('');
    setLastSent('');
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
        setText(event.currentTarget.value);
        send(event.currentTarget.value);
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
