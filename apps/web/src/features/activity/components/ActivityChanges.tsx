import { Text } from '@mantine/core';
import { auditChangeLines, auditChangeText, unbreakableEmailWord } from '@sesame/contracts';
import { useQuery } from '@tanstack/react-query';
import { useFormatters } from '../../../lib/format.ts';
import { rolesQueryOptions, userTypesQueryOptions } from '../../../lib/reference/reference-queries.ts';
import { useMe } from '../../../lib/session/session-queries.ts';

/**
 * An event's before and after values, one line per field in a stable order: "Statut : Actif →
 * Désactivé". Labels and coded values come from the one table the CSV export uses too
 * (packages/contracts activity-labels.ts). Roles, user types, licences, groups and categories
 * are recorded with their names; older events that kept only a role or user type key are named
 * from the organization's reference data when the reader may see it.
 */
export function ActivityChanges({ action, before, after }: { action: string; before: unknown; after: unknown }) {
  const format = useFormatters();
  const { privileges } = useMe();
  const canReadReference = privileges.members !== 'none';
  const roles = useQuery({ ...rolesQueryOptions(), enabled: canReadReference });
  const userTypes = useQuery({ ...userTypesQueryOptions(), enabled: canReadReference });
  const nameOf = (field: string, value: string) => {
    const list = field === 'role' || field === 'roleId' ? roles.data : field === 'userType' || field === 'userTypeId' ? userTypes.data : undefined;
    const found = list?.find((item) => item.key === value || item.id === value);
    return found ? format.name(found) : undefined;
  };
  const lines = auditChangeLines(action, before, after, { lang: format.language, nameOf, instant: format.longDateTime });
  if (!lines.length) {
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16 }} data-testid="activity-changes">
      {lines.map((line) => (
        <li key={line.field} data-field={line.field}>
          <Text span size="xs" fw={600}>
            {unbreakableEmailWord(line.label)}
            {format.language === 'fr' ? '\u00A0: ' : ': '}
          </Text>
          <Text span size="xs">
            {unbreakableEmailWord(auditChangeText(line))}
          </Text>
        </li>
      ))}
    </ul>
  );
}
