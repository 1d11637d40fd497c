import { ActionIcon, Alert, Anchor, Badge, Button, Code, CopyButton, Group, Loader, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { IdentityProvider, OrganizationDefaults } from '@sesame/contracts';
import { IconAlertTriangle, IconCheck, IconCopy, IconDownload, IconExternalLink, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { Section } from '../../../components/settings/Section.tsx';
import { notify } from '../../../lib/notifications.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { testStartUrl, useDeleteIdentityProvider, useIdentityProviders, useIdentityTest } from '../api/identity-providers.ts';
import { IdentityProviderForm } from './IdentityProviderForm.tsx';
import classes from './IdentityProvidersSection.module.css';

const p = 'organizationSettings.identityProviders';
/** What the test window tells the settings page that opened it. */
const TEST_CHANNEL = 'sesame:identity-test';
/** Between the test window and the settings page that opened it. */
type TestMessage = { type: 'result'; providerId: string; testId?: string; reason?: string } | { type: 'received'; providerId: string; testId?: undefined; reason?: undefined };

/** A test round trip: its id, or why it could not start. */
type TestRef = { providerId: string; testId: string; reason?: undefined } | { providerId: string; testId?: undefined; reason: string };

/** Organization logins: the identity providers (OpenID Connect, SAML 2.0), what to give them, and a test round trip. */
export function IdentityProvidersSection({ organization, canEdit }: { organization: OrganizationDefaults; canEdit: boolean }) {
  const { t } = useTranslation();
  const providers = useIdentityProviders();
  const remove = useDeleteIdentityProvider();
  const [editing, setEditing] = useState<IdentityProvider | 'new' | null>(null);
  const [deleting, setDeleting] = useState<IdentityProvider | null>(null);
  const [searchParams] = useSearchParams();
  const landed = searchParams.get('identityTest');
  const landedProvider = searchParams.get('provider');
  const landedError = searchParams.get('identityTestError');
  const [test, setTest] = useState<TestRef | null>(
    landedProvider && landed ? { providerId: landedProvider, testId: landed } : landedProvider && landedError ? { providerId: landedProvider, reason: landedError } : null,
  );

  // The test window lands on this page and tells the settings page that started the test,
  // which shows the result and lets the window close. A BroadcastChannel (same origin only),
  // not window.opener: the trip through the provider's origin severs the opener
  // (Cross-Origin-Opener-Policy: same-origin). Alone (no settings page listening), the
  // window keeps the result on screen.
  useEffect(() => {
    if (!landedProvider || (!landed && !landedError)) return;
    const channel = new BroadcastChannel(TEST_CHANNEL);
    channel.onmessage = (event: MessageEvent<TestMessage>) => {
      if (event.data?.type === 'received' && event.data.providerId === landedProvider) window.close();
    };
    channel.postMessage({ type: 'result', providerId: landedProvider, ...(landed ? { testId: landed } : { reason: landedError ?? 'unknown' }) } satisfies TestMessage);
    return () => channel.close();
  }, [landed, landedProvider, landedError]);
  useEffect(() => {
    if (landed || landedError) return;
    const channel = new BroadcastChannel(TEST_CHANNEL);
    channel.onmessage = (event: MessageEvent<TestMessage>) => {
      const data = event.data;
      if (data?.type !== 'result' || typeof data.providerId !== 'string') return;
      if (typeof data.testId === 'string') setTest({ providerId: data.providerId, testId: data.testId });
      else if (typeof data.reason === 'string') setTest({ providerId: data.providerId, reason: data.reason });
      else return;
      channel.postMessage({ type: 'received', providerId: data.providerId } satisfies TestMessage);
    };
    return () => channel.close();
  }, [landed, landedError]);

  const startTest = (provider: IdentityProvider) => {
    setTest(null);
    window.open(testStartUrl(provider.id), `sesame-identity-test-${provider.id}`, 'popup,width=640,height=760');
  };

  const confirmDelete = () => {
    if (!deleting) return;
    const name = deleting.name;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        setDeleting(null);
        notify({ tone: 'success', title: t(`${p}.deletedTitle`), message: t(`${p}.deletedBody`, { name }) });
      },
    });
  };

  const list = providers.data ?? [];
  const testedProvider = test ? list.find((provider) => provider.id === test.providerId) : undefined;

  return (
    <Section title={t(`${p}.title`)} description={t(`${p}.description`)} testId="identity-providers-section">
      <Stack gap="md">
        {providers.error ? (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(providers.error, t)}
          </Alert>
        ) : providers.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : list.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="no-identity-provider">
            {t(`${p}.none`)}
          </Text>
        ) : (
          list.map((provider) => (
            <ProviderCard
              key={provider.id}
              provider={provider}
              typeAllowed={organization.allowedIdentityTypes.includes(provider.type)}
              canEdit={canEdit}
              onEdit={() => setEditing(provider)}
              onDelete={() => setDeleting(provider)}
              onTest={() => startTest(provider)}
            />
          ))
        )}
        {test ? <TestResult test={test} providerName={testedProvider?.name} onClose={() => setTest(null)} /> : null}
        {canEdit ? (
          <Group>
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t(`${p}.add`)}
            </Button>
          </Group>
        ) : null}
      </Stack>
      {editing ? <IdentityProviderForm opened provider={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        opened={deleting !== null}
        title={t(`${p}.deleteTitle`, { name: deleting?.name ?? '' })}
        confirmLabel={t(`${p}.deleteConfirm`)}
        cancelLabel={t('common.cancel')}
        danger
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => {
          remove.reset();
          setDeleting(null);
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t(`${p}.deleteBody`)}</Text>
          {remove.error ? (
            <Alert color="red" variant="light" role="alert">
              {problemMessage(remove.error, t)}
            </Alert>
          ) : null}
        </Stack>
      </ConfirmDialog>
    </Section>
  );
}

function CopyValue({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500} className={classes.label}>
        {label}
      </Table.Th>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Code style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>{value}</Code>
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t(`${p}.copied`) : t(`${p}.copy`)} withArrow>
                <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t(`${p}.copyLabel`, { label })}>
                  {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function ProviderCard(props: { provider: IdentityProvider; typeAllowed: boolean; canEdit: boolean; onEdit: () => void; onDelete: () => void; onTest: () => void }) {
  const { provider, typeAllowed, canEdit, onEdit, onDelete, onTest } = props;
  const { t } = useTranslation();
  const saml = provider.type === 'saml';
  return (
    <Paper withBorder radius="md" p="md" data-testid="identity-provider" aria-label={provider.name} component="article">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="sm">
            <Text fw={650}>{provider.name}</Text>
            <Badge variant="light" tt="none">
              {t(`${p}.types.${provider.type}`)}
            </Badge>
          </Group>
          {canEdit ? (
            <Group gap="xs">
              <Button size="xs" variant="default" leftSection={<IconExternalLink size={14} aria-hidden />} onClick={onTest}>
                {t(`${p}.test`)}
              </Button>
              <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit} aria-label={t(`${p}.editLabel`, { name: provider.name })}>
                {t(`${p}.edit`)}
              </Button>
              <Button size="xs" variant="default" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={onDelete} aria-label={t(`${p}.deleteLabel`, { name: provider.name })}>
                {t(`${p}.delete`)}
              </Button>
            </Group>
          ) : null}
        </Group>
        {typeAllowed ? null : (
          <Alert variant="light" color="yellow" icon={<IconAlertTriangle size={18} aria-hidden />} p="xs">
            {t(`${p}.typeNotAllowed`, { type: t(`${p}.types.${provider.type}`) })}
          </Alert>
        )}
        <Table variant="vertical" layout="fixed" withTableBorder={false} fz="sm" className={classes.values}>
          <Table.Tbody>
            {saml ? (
              <>
                <Table.Tr>
                  <Table.Th scope="row" fw={500} className={classes.label}>
                    {t(`${p}.idpIssuer`)}
                  </Table.Th>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{provider.idpIssuer}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row" fw={500} className={classes.label}>
                    {t(`${p}.entryPoint`)}
                  </Table.Th>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{provider.entryPoint}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row" fw={500} className={classes.label}>
                    {t(`${p}.fingerprints`, { count: provider.idpCertFingerprints.length })}
                  </Table.Th>
                  <Table.Td>
                    <Stack gap={2}>
                      {provider.idpCertFingerprints.map((fingerprint) => (
                        <Code key={fingerprint} style={{ wordBreak: 'break-all', whiteSpace: 'normal' }} data-testid="fingerprint">
                          {fingerprint}
                        </Code>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              </>
            ) : (
              <>
                <Table.Tr>
                  <Table.Th scope="row" fw={500} className={classes.label}>
                    {t(`${p}.issuer`)}
                  </Table.Th>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{provider.issuer}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row" fw={500} className={classes.label}>
                    {t(`${p}.clientId`)}
                  </Table.Th>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{provider.clientId}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row" fw={500} className={classes.label}>
                    {t(`${p}.clientSecret`)}
                  </Table.Th>
                  <Table.Td>{provider.hasClientSecret ? t(`${p}.secretSaved`) : t(`${p}.secretMissing`)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row" fw={500} className={classes.label}>
                    {t(`${p}.scopes`)}
                  </Table.Th>
                  <Table.Td>{provider.scopes || 'openid'}</Table.Td>
                </Table.Tr>
              </>
            )}
          </Table.Tbody>
        </Table>
        <Text size="sm" fw={600}>
          {t(`${p}.giveProvider`)}
        </Text>
        <Table variant="vertical" layout="fixed" withTableBorder={false} fz="sm" className={classes.values}>
          <Table.Tbody>
            <CopyValue label={saml ? t(`${p}.acsUrl`) : t(`${p}.redirectUri`)} value={provider.redirectUri} />
            {provider.spEntityId ? <CopyValue label={t(`${p}.spEntityId`)} value={provider.spEntityId} /> : null}
            {provider.spMetadataUrl ? (
              <Table.Tr>
                <Table.Th scope="row" fw={500} className={classes.label}>
                  {t(`${p}.spMetadata`)}
                </Table.Th>
                <Table.Td>
                  <Anchor href={provider.spMetadataUrl} download={`sesame-sp-metadata-${provider.id}.xml`} size="sm">
                    <Group gap={4} component="span">
                      <IconDownload size={14} aria-hidden />
                      {t(`${p}.spMetadataDownload`)}
                    </Group>
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

/** What the provider sent during a test round trip, or why it failed. */
function TestResult({ test, providerName, onClose }: { test: TestRef; providerName: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const result = useIdentityTest(test.providerId, test.testId ?? null);
  const name = providerName ?? '';
  if (test.reason !== undefined) {
    return (
      <Alert color="red" variant="light" role="alert" title={t(`${p}.testFailedTitle`, { name })} withCloseButton onClose={onClose} closeButtonLabel={t(`${p}.close`)} data-testid="identity-test-result">
        {t(`auth.sso.errors.${test.reason}`, { defaultValue: t('auth.sso.errors.unknown') })}
      </Alert>
    );
  }
  if (result.isPending || result.data?.ok === null) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (result.error) {
    return (
      <Alert color="red" variant="light" role="alert" title={t(`${p}.testFailedTitle`, { name })} withCloseButton onClose={onClose} closeButtonLabel={t(`${p}.close`)}>
        {problemMessage(result.error, t)}
      </Alert>
    );
  }
  const data = result.data;
  if (data.ok === false) {
    return (
      <Alert color="red" variant="light" role="alert" title={t(`${p}.testFailedTitle`, { name })} withCloseButton onClose={onClose} closeButtonLabel={t(`${p}.close`)} data-testid="identity-test-result">
        {t(`auth.sso.errors.${data.reason}`, { defaultValue: t('auth.sso.errors.unknown') })}
      </Alert>
    );
  }
  const { identity } = data;
  const none = t(`${p}.testNone`);
  return (
    <Alert color="teal" variant="light" role="status" title={t(`${p}.testOkTitle`, { name })} withCloseButton onClose={onClose} closeButtonLabel={t(`${p}.close`)} data-testid="identity-test-result">
      <Stack gap="xs">
        <Text size="sm">{t(`${p}.testOkBody`)}</Text>
        <Table variant="vertical" layout="fixed" withTableBorder={false} fz="sm" className={classes.values}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row" className={classes.label}>
                {t(`${p}.testSubject`)}
              </Table.Th>
              <Table.Td>
                <Code style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>{identity.subject}</Code>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t(`${p}.testEmail`)}</Table.Th>
              <Table.Td>
                {identity.email || none}
                {identity.email ? ` (${identity.emailVerified ? t(`${p}.testVerified`) : t(`${p}.testNotVerified`)})` : ''}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t(`${p}.testFirstName`)}</Table.Th>
              <Table.Td>{identity.firstName || none}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t(`${p}.testLastName`)}</Table.Th>
              <Table.Td>{identity.lastName || none}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Stack>
    </Alert>
  );
}
