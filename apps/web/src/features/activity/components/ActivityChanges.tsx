import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import { rolesQueryOptions, userTypesQueryOptions } from '../../../lib/reference/reference-queries.ts';
import { useMe } from '../../../lib/session/session-queries.ts';
import { areaKeys, fieldLabelKey, valueLabelKey } from '../activity-fields.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An event's before and after values, one line per field: "Statut : Actif → Désactivé".
 * Roles, user types, licences, groups and categories are recorded with their names
 * ({ key, name, nameFr } or { id, name }); older events that kept only a role or user type
 * key are named from the organization's reference data when the reader may see it.
 */
export function ActivityChanges({ action, before, after }: { action?: string; before: unknown; after: unknown }) {
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
    const valueKey = typeof value === 'string' ? valueLabelKey(action, key, value) : undefined;
    if (valueKey) return t(valueKey);
    if (Array.isArray(value)) return value.length ? value.map((v) => show(key, v)).join(', ') : '—';
    // Own levels given with a new member: "Rapports : Consulter, …".
    if (key === 'levels' && isRecord(value)) {
      // In the areas' order (the database keeps JSON keys in its own order).
      const order = Object.keys(areaKeys);
      const entries = Object.entries(value).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
      return entries.length ? entries.map(([area, level]) => `${areaKeys[area] ? t(areaKeys[area]) : area}\u00A0: ${show('levels', level)}`).join(', ') : '—';
    }
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
        const labelKey = fieldLabelKey(action, key);
        const label = labelKey ? t(labelKey) : key;
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
