import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

const debounceMs = 250;

interface MembersSearchProps {
  /** The search in the URL. */
  value: string;
  /** What may be searched: names and addresses with View on members, names only in the directory. */
  placeholder: string;
  /** `state` goes with the navigation, so that the box knows the URL change is its own. */
  onSearch: (q: string, state: SentSearch) => void;
}

interface SentSearch {
  searchBoxSent: number;
}

/** Ids that stay unique across reloads, since the history keeps navigation state. */
const newSendId = () => Date.now() + Math.random();

/**
 * Search box that follows the URL: typing updates the URL after a short pause, and a URL
 * change made elsewhere (back button, "clear filters") shows up in the box.
 */
export function MembersSearch({ value, placeholder, onSearch }: MembersSearchProps) {
  const { t } = useTranslation();
  const location = useLocation();
  // What the admin typed, on which page of the history, and the id of its last send. The
  // box shows the typed text while the URL is still that page or the one its send made, and
  // the URL's value once anything else (back button, "clear filters") navigated: derived
  // from the location, never copied into state during render.
  const [draft, setDraft] = useState<{ text: string; at: string; sent: number | null }>({ text: value, at: location.key, sent: null });
  const ownNavigation = draft.sent !== null && (location.state as Partial<SentSearch> | null)?.searchBoxSent === draft.sent;
  const text = location.key === draft.at || ownNavigation ? draft.text : value;

  const send = useDebouncedCallback((q: string, typedAt: string) => {
    // Something else navigated while the admin paused: what they typed is no longer asked for.
    if (typedAt !== location.key) return;
    const sent = newSendId();
    setDraft((current) => ({ ...current, sent }));
    onSearch(q, { searchBoxSent: sent });
  }, debounceMs);

  const clear = () => {
    send.cancel();
    const sent = newSendId();
    setDraft({ text: '', at: location.key, sent });
    onSearch('', { searchBoxSent: sent });
  };

  return (
    <TextInput
      type="search"
      label={t('members.search.label')}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(event) => {
        const typed = event.currentTarget.value;
        setDraft((current) => ({ ...current, text: typed, at: location.key }));
        send(typed, location.key);
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
