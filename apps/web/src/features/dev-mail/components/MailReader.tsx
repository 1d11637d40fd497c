import { Anchor, DataList, Stack, Tabs, Text, Title } from '@mantine/core';
import type { CaughtMail } from '@sesame/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import { linkify, withLinksInNewTab } from '../linkify.ts';
import classes from './DevMail.module.css';

/** One caught email: its text with clickable links, and its HTML in a sandboxed frame. */
export function MailReader({ message }: { message: CaughtMail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const subject = message.subject || t('devMail.noSubject');
  return (
    <Stack gap="md">
      <Title order={2} fz={20} data-testid="caught-mail-subject">
        {subject}
      </Title>
      <DataList orientation="horizontal" size="sm" gap={4} labelWidth={90}>
        <DataList.Item>
          <DataList.ItemLabel>{t('devMail.to')}</DataList.ItemLabel>
          <DataList.ItemValue>{message.to}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('devMail.received')}</DataList.ItemLabel>
          <DataList.ItemValue>{format.longDateTime(message.receivedAt)}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
      <Tabs defaultValue={message.text ? 'text' : 'html'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="text" disabled={!message.text}>
            {t('devMail.text')}
          </Tabs.Tab>
          <Tabs.Tab value="html" disabled={!message.html}>
            {t('devMail.html')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="text" pt="md">
          <Text component="div" size="sm" className={classes.text} data-testid="caught-mail-text">
            {linkify(message.text).map((part, index) =>
              part.kind === 'link' ? (
                <Anchor key={index} href={part.href} target="_blank" rel="noopener noreferrer" className={classes.link}>
                  {part.text}
                </Anchor>
              ) : (
                <span key={index}>{part.text}</span>
              ),
            )}
          </Text>
        </Tabs.Panel>
        <Tabs.Panel value="html" pt="md">
          {/* No scripts, no same-origin access: only links may open, in a new tab. */}
          <iframe
            title={t('devMail.htmlFrame', { subject })}
            className={classes.frame}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            referrerPolicy="no-referrer"
            srcDoc={withLinksInNewTab(message.html)}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
