import { Alert, Button, Center, Group, Loader, Modal, SegmentedControl, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { privilegeAreas, viewOnlyAreas, type AccessRequest, type PrivilegeArea, type PrivilegeLevel, type PrivilegeLevels } from '@sesame/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormatters } from '../../../lib/format.ts';
import { notify } from '../../../lib/notifications.ts';
import { fieldErrorMessage, problemMessage } from '../../../lib/problem-message.ts';
import { useMe } from '../../../lib/session/session-queries.ts';
import { AlreadyDecidedError, grantOptionsQueryOptions, useGrantAccessRequest } from '../api/queue.ts';
import { grantableRoles } from '../grant-rules.ts';
import { AlreadyDecidedAlert } from './AlreadyDecidedAlert.tsx';


/** Grant: user type, a compatible role and own levels per area; the member gets an activation email. */
export function GrantModal({ request, onClose }: { request: AccessRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const options = useQuery(grantOptionsQueryOptions());
  const grant = useGrantAccessRequest(request.id);
  const me = useMe();
  const name = `${request.firstName} ${request.lastName}`;
  const [userTypeId, setUserTypeId] = useState<string | null>(null);
  const [roleId, setRoleId] = useState<string | null>(null);
  const [levels, setLevels] = useState<Partial<Record<PrivilegeArea, PrivilegeLevel>>>({});
  const [message, setMessage] = useState('');
  const [missing, setMissing] = useState(false);

  const data = options.data;
  const chosenUserTypeId = userTypeId ?? data?.defaults.userTypeId ?? null;
  const userType = data?.userTypes.find((u) => u.id === chosenUserTypeId);
  // The rules module's predicate, the one the API applies to the grant (decision 011).
  const roles = grantableRoles(data, userType, me);
  const proposedRole = roleId ?? data?.defaults.roleId ?? null;
  const chosenRoleId = proposedRole && roles.some((r) => r.id === proposedRole) ? proposedRole : (roles[0]?.id ?? null);

  const submit = () => {
    if (!chosenUserTypeId || !chosenRoleId) {
      setMissing(true);
      return;
    }
    const own: PrivilegeLevels = Object.fromEntries(Object.entries(levels).filter(([, level]) => level !== 'none'));
    grant.mutate(
      { userType: chosenUserTypeId, role: chosenRoleId, levels: own, ...(message.trim() ? { message: message.trim() } : {}) },
      {
        onSuccess: (member) => {
          notify({ tone: 'success', title: t('accessRequests.grant.done'), message: t('accessRequests.grant.doneBody', { username: member.username }) });
          onClose();
        },
      },
    );
  };

  const fieldErrors = isApiError(grant.error) ? grant.error.fieldErrors : [];

  return (
    <Modal opened onClose={onClose} size="lg" title={<Text fw={650} fz="lg">{t('accessRequests.grant.title')}</Text>} centered radius="lg" padding="lg">
      {options.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : options.isError || !data ? (
        <Alert color="red" role="alert">
          {problemMessage(options.error, t)}
        </Alert>
      ) : (
        <Stack gap="md">
          <Text size="sm">{t('accessRequests.grant.intro', { name, email: request.email })}</Text>
          {grant.error instanceof AlreadyDecidedError ? (
            <AlreadyDecidedAlert error={grant.error} />
          ) : grant.isError ? (
            <Alert color="red" variant="light" title={t('accessRequests.grant.failedTitle')} role="alert">
              {fieldErrors.length ? (
                <Stack gap={4}>
                  {fieldErrors.map((e, i) => (
                    <Text size="sm" key={i}>
                      {fieldErrorMessage(e, t)}
                    </Text>
                  ))}
                </Stack>
              ) : (
                problemMessage(grant.error, t)
              )}
            </Alert>
          ) : null}
          {missing && (!chosenUserTypeId || !chosenRoleId) ? (
            <Alert color="red" variant="light" role="alert">
              {t('accessRequests.grant.required')}
            </Alert>
          ) : null}
          <Group grow align="flex-start">
            <Select
              label={t('accessRequests.grant.userType')}
              required
              allowDeselect={false}
              value={chosenUserTypeId}
              onChange={setUserTypeId}
              data={data.userTypes.map((u) => ({ value: u.id, label: format.name(u) }))}
              description={userType?.seatLimit != null ? t('accessRequests.grant.seats', { used: userType.seatsUsed, limit: userType.seatLimit }) : undefined}
            />
            <Select
              label={t('accessRequests.grant.role')}
              required
              allowDeselect={false}
              value={chosenRoleId}
              onChange={setRoleId}
              data={roles.map((r) => ({ value: r.id, label: format.name(r) }))}
              description={t('accessRequests.grant.roleHint')}
            />
          </Group>
          <div>
            <Text fw={600} size="sm">
              {t('accessRequests.grant.levels')}
            </Text>
            <Text size="xs" c="dimmed" mb={6}>
              {t('accessRequests.grant.levelsHint')}
            </Text>
            <Table verticalSpacing={4} aria-label={t('accessRequests.grant.levels')}>
              <Table.Tbody>
                {privilegeAreas.map((area) => {
                  const choices: PrivilegeLevel[] = viewOnlyAreas.includes(area) ? ['none', 'view'] : ['none', 'view', 'update'];
                  return (
                    <Table.Tr key={area}>
                      <Table.Td>
                        <Text size="sm" id={`grant-level-${area}`}>
                          {t(`privileges.areas.${area}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <SegmentedControl
                          size="xs"
                          aria-labelledby={`grant-level-${area}`}
                          value={levels[area] ?? 'none'}
                          onChange={(value) => setLevels((current) => ({ ...current, [area]: value as PrivilegeLevel }))}
                          data={choices.map((level) => ({ value: level, label: t(`privileges.levels.${level}`) }))}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
          <Textarea label={t('accessRequests.grant.message')} autosize minRows={2} maxRows={6} maxLength={2000} value={message} onChange={(e) => setMessage(e.currentTarget.value)} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={submit} loading={grant.isPending} disabled={grant.error instanceof AlreadyDecidedError}>
              {t('accessRequests.grant.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
