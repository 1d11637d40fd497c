import type { Location } from 'react-router';
import { describe, expect, it } from 'vitest';
import { askBeforeUnload, leavesPage } from '../src/lib/unsaved-changes.ts';

/** Node's Event has a read-only returnValue; a browser's BeforeUnloadEvent lets it be set. */
function beforeUnloadEvent() {
  const event = new Event('beforeunload', { cancelable: true }) as Event & { returnValue: unknown };
  Object.defineProperty(event, 'returnValue', { value: undefined, writable: true });
  return event;
}

const at = (pathname: string, search = '', hash = ''): Location => ({ pathname, search, hash, state: null, key: 'k' });

describe('the unsaved-changes guard', () => {
  it('holds a move to another page, not a change of search or hash on the same page', () => {
    const historyAction = 'PUSH' as never;
    expect(leavesPage({ currentLocation: at('/members/1'), nextLocation: at('/members'), historyAction })).toBe(true);
    expect(leavesPage({ currentLocation: at('/members/add'), nextLocation: at('/members/add', '?step=2'), historyAction })).toBe(false);
    expect(leavesPage({ currentLocation: at('/settings/contacts'), nextLocation: at('/settings/contacts', '', '#domains'), historyAction })).toBe(false);
  });

  it('makes the browser ask before the tab closes, until it is told to stop', () => {
    const target = new EventTarget();
    const stop = askBeforeUnload(target);

    const asked = beforeUnloadEvent();
    target.dispatchEvent(asked);
    expect(asked.defaultPrevented).toBe(true);

    stop();
    const after = beforeUnloadEvent();
    target.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });

  it('sets returnValue, which older browsers need to show their question', () => {
    const target = new EventTarget();
    askBeforeUnload(target);
    const event = beforeUnloadEvent();
    target.dispatchEvent(event);
    expect(event.returnValue).toBe('');
  });
});
