import { useEffect } from 'react';
import { useBlocker, type BlockerFunction } from 'react-router';

// One guard for every screen that holds unsaved changes (the add-members wizard, the
// member page form, the contact settings): links inside the app wait for an answer in a
// dialog (components/UnsavedChangesGuard.tsx); closing or reloading the tab gets the
// browser's own question.

/** A move to another page; a change of search or hash alone stays on the screen and keeps its edits. */
export const leavesPage: BlockerFunction = ({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname;

/** Makes the browser ask before the tab closes or reloads; returns what stops asking. */
export function askBeforeUnload(target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>) {
  const onBeforeUnload = (event: Event) => {
    event.preventDefault();
    // Older browsers show the dialog only when a value is set.
    (event as BeforeUnloadEvent).returnValue = '';
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}

export interface UnsavedChangesOptions {
  /** A save under way: in-app navigation (its own, after success) is not held up. */
  saving?: boolean;
}

/** Holds in-app navigation while `when`, and asks before the tab closes; returns the router's blocker. */
export function useUnsavedChangesGuard(when: boolean, { saving = false }: UnsavedChangesOptions = {}) {
  const blocker = useBlocker((args) => when && !saving && leavesPage(args));
  useEffect(() => (when ? askBeforeUnload(window) : undefined), [when]);
  return blocker;
}
