import { Badge, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A section's Save / Discard buttons: changes apply only on Save. */
export function SaveBar({ dirty, saving, onSave, onDiscard }: { dirty: boolean; saving: boolean; onSave: () => void; onDiscard: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm" mt="md">
      {dirty ? (
        <Badge color="orange" variant="light" data-testid="unsaved-changes">
          {t('common.unsaved')}
        </Badge>
      ) : null}
      <Button variant="default" onClick={onDiscard} disabled={!dirty || saving}>
        {t('common.discard')}
      </Button>
      <Button onClick={onSave} disabled={!dirty} loading={saving}>
        {t('common.save')}
      </Button>
    </Group>
  );
}
