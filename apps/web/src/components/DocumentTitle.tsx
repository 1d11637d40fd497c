import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatches } from 'react-router';
import { titleKeyOf } from '../lib/route-handle.ts';

/** Keeps the browser tab title in step with the current page and language. */
export function DocumentTitle() {
  const { t } = useTranslation();
  const titleKey = titleKeyOf(useMatches());
  const appName = t('app.name');
  const title = titleKey ? `${t(titleKey)} · ${appName}` : appName;
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}
