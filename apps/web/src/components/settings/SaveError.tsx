import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';
import { fieldErrorMessage, problemMessage } from '../../lib/problem-message.ts';


/** Why a save failed, each field problem in the interface language when its code is known. */
export function SaveError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const fieldErrors = isApiError(error) ? (error.problem.errors ?? []) : [];
  return (
    <Alert color="red" variant="light" title={t('common.saveFailed')} role="alert" mt="md">
      {fieldErrors.length ? (
        <List size="sm">
          {fieldErrors.map((e, i) => (
            <List.Item key={i}>{fieldErrorMessage(e, t)}</List.Item>
          ))}
        </List>
      ) : (
        problemMessage(error, t)
      )}
    </Alert>
  );
}
