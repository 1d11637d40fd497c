import { Alert, Button, FileButton, Group, Modal, PasswordInput, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { CreateIdentityProviderBody, IdentityProvider, UpdateIdentityProviderBody } from '@sesame/contracts';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../../../components/DialogActions.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { notify } from '../../../lib/notifications.ts';
import { fieldErrorMessage, problemMessage } from '../../../lib/problem-message.ts';
import { useSaveIdentityProvider } from '../api/identity-providers.ts';

type ProviderType = 'oidc' | 'saml';
type SamlSource = 'metadata' | 'values';

interface Draft {
  type: ProviderType;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  samlSource: SamlSource;
  metadataXml: string;
  entryPoint: string;
  idpCert: string;
  idpIssuer: string;
}

const fieldNames = ['name', 'issuer', 'clientId', 'clientSecret', 'scopes', 'metadataXml', 'entryPoint', 'idpCert', 'idpIssuer'] as const;
type FieldName = (typeof fieldNames)[number];

function draftOf(provider: IdentityProvider | null): Draft {
  return {
    type: provider?.type ?? 'oidc',
    name: provider?.name ?? '',
    issuer: provider?.issuer ?? '',
    clientId: provider?.clientId ?? '',
    clientSecret: '',
    scopes: provider?.scopes ?? '',
    // A provider saved from metadata shows its values; new metadata may replace them.
    samlSource: provider ? 'values' : 'metadata',
    metadataXml: '',
    entryPoint: provider?.entryPoint ?? '',
    idpCert: '',
    idpIssuer: provider?.idpIssuer ?? '',
  };
}

/** The fields a draft must fill before it is sent (the server checks the rest). */
function missingFields(draft: Draft, provider: IdentityProvider | null): FieldName[] {
  const missing: FieldName[] = [];
  if (!draft.name.trim()) missing.push('name');
  if (draft.type === 'oidc') {
    if (!draft.issuer.trim()) missing.push('issuer');
    if (!draft.clientId.trim()) missing.push('clientId');
    if (!provider && !draft.clientSecret) missing.push('clientSecret');
  } else if (draft.samlSource === 'metadata') {
    if (!draft.metadataXml.trim()) missing.push('metadataXml');
  } else {
    if (!draft.entryPoint.trim()) missing.push('entryPoint');
    if (!provider && !draft.idpCert.trim()) missing.push('idpCert');
    if (!draft.idpIssuer.trim()) missing.push('idpIssuer');
  }
  return missing;
}

function createBody(draft: Draft): CreateIdentityProviderBody {
  if (draft.type === 'oidc') {
    return { type: 'oidc', name: draft.name, issuer: draft.issuer, clientId: draft.clientId, clientSecret: draft.clientSecret, ...(draft.scopes.trim() ? { scopes: draft.scopes.trim() } : {}) };
  }
  return draft.samlSource === 'metadata'
    ? { type: 'saml', name: draft.name, metadataXml: draft.metadataXml }
    : { type: 'saml', name: draft.name, entryPoint: draft.entryPoint, idpCert: draft.idpCert, idpIssuer: draft.idpIssuer };
}

/** Only what changed; a secret or certificate left empty is kept. */
function updateBody(draft: Draft, provider: IdentityProvider): UpdateIdentityProviderBody {
  const body: UpdateIdentityProviderBody = {};
  if (draft.name !== provider.name) body.name = draft.name;
  if (draft.type === 'oidc') {
    if (draft.issuer !== (provider.issuer ?? '')) body.issuer = draft.issuer;
    if (draft.clientId !== (provider.clientId ?? '')) body.clientId = draft.clientId;
    if (draft.clientSecret) body.clientSecret = draft.clientSecret;
    if (draft.scopes.trim() !== (provider.scopes ?? '')) body.scopes = draft.scopes.trim();
  } else if (draft.samlSource === 'metadata') {
    body.metadataXml = draft.metadataXml;
  } else {
    if (draft.entryPoint !== (provider.entryPoint ?? '')) body.entryPoint = draft.entryPoint;
    if (draft.idpCert.trim()) body.idpCert = draft.idpCert;
    if (draft.idpIssuer !== (provider.idpIssuer ?? '')) body.idpIssuer = draft.idpIssuer;
  }
  return body;
}

/** Add or change an identity provider, in a dialog; the server's refusals are shown at their field. */
export function IdentityProviderForm({ opened, provider, onClose }: { opened: boolean; provider: IdentityProvider | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveIdentityProvider();
  const [draft, setDraft] = useState<Draft>(() => draftOf(provider));
  const [submitted, setSubmitted] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const change = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const missing = missingFields(draft, provider);
  const p = 'organizationSettings.identityProviders';

  const serverErrors = isApiError(save.error) ? save.error.fieldErrors : [];
  const placedOn = (path: string) => fieldNames.find((f) => path === f || path.startsWith(`${f}.`) || path === `body.${f}`);
  const errorOf = (field: FieldName) => {
    if (submitted && missing.includes(field)) return t(`${p}.required.${field}`);
    const error = serverErrors.find((e) => placedOn(e.path) === field);
    return error ? fieldErrorMessage(error, t) : undefined;
  };
  const placed = serverErrors.length > 0 && serverErrors.every((e) => placedOn(e.path) !== undefined);
  const unplaced = save.error && !placed ? save.error : null;

  const close = () => {
    save.reset();
    onClose();
  };

  const submit = () => {
    setSubmitted(true);
    if (missing.length > 0) return;
    const input = provider ? { id: provider.id, body: updateBody(draft, provider) } : { body: createBody(draft) };
    if (provider && Object.keys(input.body).length === 0) {
      close();
      return;
    }
    save.mutate(input, {
      onSuccess: (saved) => {
        notify({ tone: 'success', title: t('common.saved'), message: t(`${p}.savedBody`, { name: saved.name }) });
        close();
      },
    });
  };

  const readFile = async (file: File | null) => {
    if (!file) return;
    setFileError(null);
    if (file.size > 200_000) {
      setFileError(t(`${p}.metadataFileTooLarge`));
      return;
    }
    change({ metadataXml: await file.text() });
  };

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650} fz="lg">{provider ? t(`${p}.editTitle`, { name: provider.name }) : t(`${p}.addTitle`)}</Text>} size="lg" radius="lg" padding="lg" centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          {provider ? null : (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="provider-type-label">
                {t(`${p}.type`)}
              </Text>
              <SegmentedControl
                aria-labelledby="provider-type-label"
                value={draft.type}
                onChange={(value) => change({ type: value === 'saml' ? 'saml' : 'oidc' })}
                data={[
                  { value: 'oidc', label: t(`${p}.types.oidc`) },
                  { value: 'saml', label: t(`${p}.types.saml`) },
                ]}
              />
            </Stack>
          )}
          <TextInput label={t(`${p}.name`)} description={t(`${p}.nameHint`)} required value={draft.name} error={errorOf('name')} onChange={(e) => change({ name: e.currentTarget.value })} />
          {draft.type === 'oidc' ? (
            <>
              <TextInput
                label={t(`${p}.issuer`)}
                description={t(`${p}.issuerHint`)}
                required
                placeholder="https://login.example.com"
                value={draft.issuer}
                error={errorOf('issuer')}
                onChange={(e) => change({ issuer: e.currentTarget.value })}
              />
              <TextInput label={t(`${p}.clientId`)} required value={draft.clientId} error={errorOf('clientId')} onChange={(e) => change({ clientId: e.currentTarget.value })} />
              <PasswordInput
                label={t(`${p}.clientSecret`)}
                description={provider?.hasClientSecret ? t(`${p}.secretKept`) : t(`${p}.secretHint`)}
                required={!provider}
                autoComplete="new-password"
                visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
                value={draft.clientSecret}
                error={errorOf('clientSecret')}
                onChange={(e) => change({ clientSecret: e.currentTarget.value })}
              />
              <TextInput label={t(`${p}.scopes`)} description={t(`${p}.scopesHint`)} placeholder="openid email profile" value={draft.scopes} error={errorOf('scopes')} onChange={(e) => change({ scopes: e.currentTarget.value })} />
            </>
          ) : (
            <>
              <Stack gap={4}>
                <Text size="sm" fw={500} id="saml-source-label">
                  {t(`${p}.samlSource`)}
                </Text>
                <SegmentedControl
                  aria-labelledby="saml-source-label"
                  value={draft.samlSource}
                  onChange={(value) => change({ samlSource: value === 'values' ? 'values' : 'metadata' })}
                  data={[
                    { value: 'metadata', label: t(`${p}.samlSources.metadata`) },
                    { value: 'values', label: t(`${p}.samlSources.values`) },
                  ]}
                />
              </Stack>
              {draft.samlSource === 'metadata' ? (
                <Stack gap="xs">
                  <Textarea
                    label={t(`${p}.metadataXml`)}
                    description={t(`${p}.metadataXmlHint`)}
                    required
                    autosize
                    minRows={4}
                    maxRows={10}
                    styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
                    value={draft.metadataXml}
                    error={errorOf('metadataXml') ?? fileError}
                    onChange={(e) => change({ metadataXml: e.currentTarget.value })}
                  />
                  <Group>
                    <FileButton onChange={(file) => void readFile(file)} accept=".xml,application/xml,text/xml,application/samlmetadata+xml">
                      {(props) => (
                        <Button variant="default" size="xs" leftSection={<IconUpload size={14} aria-hidden />} {...props}>
                          {t(`${p}.metadataUpload`)}
                        </Button>
                      )}
                    </FileButton>
                  </Group>
                </Stack>
              ) : (
                <>
                  <TextInput label={t(`${p}.entryPoint`)} description={t(`${p}.entryPointHint`)} required value={draft.entryPoint} error={errorOf('entryPoint')} onChange={(e) => change({ entryPoint: e.currentTarget.value })} />
                  <Textarea
                    label={t(`${p}.idpCert`)}
                    description={provider ? t(`${p}.certKept`) : t(`${p}.idpCertHint`)}
                    required={!provider}
                    autosize
                    minRows={3}
                    maxRows={8}
                    styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
                    value={draft.idpCert}
                    error={errorOf('idpCert')}
                    onChange={(e) => change({ idpCert: e.currentTarget.value })}
                  />
                  <TextInput label={t(`${p}.idpIssuer`)} description={t(`${p}.idpIssuerHint`)} required value={draft.idpIssuer} error={errorOf('idpIssuer')} onChange={(e) => change({ idpIssuer: e.currentTarget.value })} />
                </>
              )}
            </>
          )}
          {unplaced ? (
            <Alert color="red" variant="light" role="alert" title={t(`${p}.saveFailed`)}>
              {problemMessage(unplaced, t)}
            </Alert>
          ) : null}
          <DialogActions onCancel={close} cancelLabel={t('common.cancel')}>
            <Button type="submit" loading={save.isPending}>
              {provider ? t('common.save') : t(`${p}.addSubmit`)}
            </Button>
          </DialogActions>
        </Stack>
      </form>
    </Modal>
  );
}
