import { useSyncExternalStore } from 'react';

// A small toast store. @mantine/notifications would be the obvious choice, but its releases
// trail @mantine/core (its peer range is pinned to an older exact version, and pnpm would
// install a second core with its own theme context), so the app keeps this one store and
// renders Mantine's own <Notification> component with it.

export type NotificationTone = 'success' | 'error' | 'info';

export interface AppNotification {
  id: number;
  tone: NotificationTone;
  title: string;
  message?: string;
}

const autoCloseMs = 6_000;
let nextId = 1;
let items: readonly AppNotification[] = [];
const listeners = new Set<() => void>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function emit() {
  for (const listener of listeners) listener();
}

export function dismissNotification(id: number) {
  const timer = timers.get(id);
  if (timer) clearTimeout(timer);
  timers.delete(id);
  items = items.filter((item) => item.id !== id);
  emit();
}

/** Shows a message in the corner of the window; it closes by itself after a few seconds. */
export function notify(notification: Omit<AppNotification, 'id'>): number {
  const id = nextId++;
  // At most four on screen: the oldest goes first.
  items = [...items, { ...notification, id }].slice(-4);
  timers.set(id, setTimeout(() => dismissNotification(id), notification.tone === 'error' ? autoCloseMs * 2 : autoCloseMs));
  emit();
  return id;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNotifications(): readonly AppNotification[] {
  return useSyncExternalStore(subscribe, () => items, () => items);
}
