import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { rolesQueryOptions, userTypesQueryOptions } from '../../../lib/reference/reference-queries.ts';
import { useMe } from '../../../lib/session/session-queries.ts';

const fieldKeys: Record<string, MessageKey> = {
  status: 'activity.fields.status',
  role: 'activity.fields.role',
  userType: 'activity.fields.userType',
  licenses: 'activity.fields.licenses',
  groups: 'activity.fields.groups',
  categories: 'activity.fields.categories',
  firstName: 'activity.fields.firstName',
  lastName: 'activity.fields.lastName',
  email: 'activity.fields.email',
  description: 'activity.fields.description',
  language: 'activity.fields.language',
  locale: 'activity.fields.locale',
  units: 'activity.fields.units',
  startPage: 'activity.fields.startPage',
  profileVisibility: 'activity.fields.profileVisibility',
  owner: 'activity.fields.owner',
  content: 'activity.fields.content',
  groupsTransferred: 'activity.fields.groupsTransferred',
  thumbnail: 'activity.fields.thumbnail',
  username: 'activity.fields.username',
  identityType: 'activity.fields.identityType',
  mustChangePassword: 'activity.fields.mustChangePassword',
  sessionsEnded: 'activity.fields.sessionsEnded',
};
const statusKeys: Record<string, MessageKey> = { active: 'members.status.active', pending: 'members.status.pending', disabled: 'members.status.disabled' };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An event's before and after values, one line per field: "Statut : Actif → Désactivé".
 * Roles, user types, licences, groups and categories are recorded with their names
 * ({ key, name, nameFr } or { id, name }); older events that kept only a role or user type
 * key are named from the organization's reference data when the reader may see it.
 */
export function ActivityChanges({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { privileges } = useMe();
  const canReadReference = privileges.members !== 'none';
  const roles = useQuery({ ...rolesQueryOptions(), enabled: canReadReference });
  const userTypes = useQuery({ ...userTypesQueryOptions(), enabled: canReadReference });
  const byKey = (key: string, value: string) => {
    const list = key === 'role' ? roles.data : key === 'userType' ? userTypes.data : undefined;
    const found = list?.find((item) => item.key === value || item.id === value);
    return found ? format.name(found) : value;
  };
  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return value ? t('activity.yes') : t('activity.no');
    if (key === 'status' && typeof value === 'string' && statusKeys[value]) return t(statusKeys[value]);
    if (Array.isArray(value)) return value.length ? value.map((v) => show(key, v)).join(', ') : '—';
    if (isRecord(value)) {
      if (typeof value.name === 'string') return typeof value.nameFr === 'string' ? format.name({ name: value.name, nameFr: value.nameFr }) : value.name;
      return JSON.stringify(value);
    }
    if (typeof value === 'string') return byKey(key, value);
    return String(value);
  };
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (!keys.length) {
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16 }} data-testid="activity-changes">
      {keys.map((key) => {
        const label = fieldKeys[key] ? t(fieldKeys[key]) : key;
        const hasBefore = key in b;
        const hasAfter = key in a;
        return (
          <li key={key}>
            <Text span size="xs" fw={600}>
              {label}
              {'\u00A0'}:{' '}
            </Text>
            <Text span size="xs">
              {hasBefore && hasAfter ? `${show(key, b[key])} → ${show(key, a[key])}` : hasBefore ? `${show(key, b[key])} → —` : show(key, a[key])}
            </Text>
          </li>
        );
      })}
    </ul>
  );
}
