import type { UIMatch } from 'react-router';
import type { MessageKey } from './i18n.ts';

/** Static data attached to a route definition. */
export interface RouteHandle {
  /** Page title, shown in the browser tab as "<title> · Sésame". */
  titleKey?: MessageKey;
}

export function titleKeyOf(matches: UIMatch[]): MessageKey | undefined {
  for (let i = matches.length - 1; i >= 0; i -= 1) {
    const handle = matches[i]?.handle as RouteHandle | undefined;
    if (handle?.titleKey) return handle.titleKey;
  }
  return undefined;
}
