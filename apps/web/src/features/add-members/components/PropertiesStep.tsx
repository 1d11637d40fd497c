import { Alert, Anchor, Checkbox, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { MAX_CATEGORIES, ProfileVisibility, type License } from '@sesame/contracts';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import type { WizardData } from '../api/wizard-data.ts';
import { isLicenseAssignable, licenseOffer, seatsLeft, type DraftMember, type WizardProperties } from '../wizard-state.ts';
import classes from './PropertiesStep.module.css';
import { StepFrame } from './StepFrame.tsx';

interface PropertiesStepProps {
  data: WizardData;
  /** The members' user types (a file gives one entry per user type, with `memberCount`). */
  members: Pick<DraftMember, 'userType'>[];
  /** How many members are added, when `members` does not list each of them. */
  memberCount?: number;
  properties: WizardProperties;
  licenseProblems: Record<string, string[]>;
  onChange: (properties: Partial<WizardProperties>) => void;
  onBackToList: () => void;
  problems: ReactNode;
  actions: ReactNode;
}

const locales = ['fr-FR', 'fr-BE', 'fr-CA', 'fr-CH', 'en-GB', 'en-US'];
const startPages = ['home', 'members', 'groups', 'content'] as const;
type StartPage = (typeof startPages)[number];

function isStartPage(value: string): value is StartPage {
  return (startPages as readonly string[]).includes(value);
}

export function PropertiesStep({ data, members, memberCount, properties, licenseProblems, onChange, onBackToList, problems, actions }: PropertiesStepProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { offered, notOffered } = licenseOffer(data.licenses, data.userTypes, members);
  const count = memberCount ?? members.length;
  const { settings } = properties;

  const toggleLicense = (license: License, checked: boolean) =>
    onChange({ licenses: checked ? [...properties.licenses, license.id] : properties.licenses.filter((id) => id !== license.id) });

  // "Français (France) — 1 234,5 · 31/12/2026": each format shown with an example.
  const sample = new Date(2026, 11, 31);
  const localeNames = new Intl.DisplayNames([format.language], { type: 'language' });
  const localeOptions = [...new Set([...locales, settings.locale])].map((locale) => {
    let label = locale;
    try {
      const example = `${new Intl.NumberFormat(locale).format(1234.5)} · ${new Intl.DateTimeFormat(locale).format(sample)}`;
      label = `${localeNames.of(locale) ?? locale} — ${example}`;
    } catch {
      // An unknown locale keeps its code as its label.
    }
    return { value: locale, label };
  });
  const startPageOptions = [...new Set<string>([...startPages, settings.startPage])].map((page) => ({
    value: page,
    label: isStartPage(page) ? t(`addMembers.properties.settings.startPages.${page}`) : page,
  }));

  return (
    <StepFrame
      title={t('addMembers.steps.properties')}
      intro={t('addMembers.properties.intro', { count })}
      problems={problems}
      actions={actions}
    >
      <Stack gap="lg">
        <Section title={t('addMembers.properties.licenses.title')} description={t('addMembers.properties.licenses.description')} id="licenses">
          {offered.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('addMembers.properties.licenses.none')}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              {offered.map((license) => {
                const left = seatsLeft(license);
                const enough = isLicenseAssignable(license, count);
                const checked = enough && properties.licenses.includes(license.id);
                const licenseErrors = licenseProblems[license.id] ?? [];
                return (
                  <Stack key={license.id} gap={4}>
                    <Checkbox.Card
                      checked={checked}
                      disabled={!enough}
                      onChange={(next) => enough && toggleLicense(license, next)}
                      radius="md"
                      className={classes.card}
                      data-invalid={licenseErrors.length > 0 || undefined}
                      aria-label={[license.name, t('addMembers.properties.licenses.seatsLeft', { count: left }), enough ? '' : t('addMembers.properties.licenses.notEnough', { count })].filter(Boolean).join(', ')}
                    >
                      <Group wrap="nowrap" align="flex-start" gap="sm">
                        <Checkbox.Indicator checked={checked} disabled={!enough} mt={2} />
                        <div>
                          <Text fw={600} size="sm">
                            {license.name}
                          </Text>
                          <Text size="sm" c={enough ? 'dimmed' : 'orange.8'} className="tabular">
                            {t('addMembers.properties.licenses.seatsLeft', { count: left })}
                            {enough ? '' : ` · ${t('addMembers.properties.licenses.notEnough', { count })}`}
                          </Text>
                        </div>
                      </Group>
                    </Checkbox.Card>
                    {licenseErrors.map((message, index) => (
                      <Text key={index} size="xs" c="red.8">
                        {message}
                      </Text>
                    ))}
                  </Stack>
                );
              })}
            </SimpleGrid>
          )}
          {notOffered.length > 0 ? (
            <Alert variant="light" color="gray" icon={<IconInfoCircle size={20} aria-hidden />} mt="md" data-testid="licenses-not-offered">
              <Text size="sm">{t('addMembers.properties.licenses.notOffered', { names: notOffered.map((license) => license.name).join(', ') })}</Text>
              <Anchor component="button" type="button" size="sm" mt={6} onClick={onBackToList}>
                {t('addMembers.properties.licenses.backToList')}
              </Anchor>
            </Alert>
          ) : null}
        </Section>

        <Section title={t('addMembers.properties.groups.title')} description={t('addMembers.properties.groups.description')} id="groups">
          <MultiSelect
            label={t('addMembers.properties.groups.label')}
            placeholder={properties.groups.length ? undefined : t('addMembers.properties.groups.placeholder')}
            data={data.groups.map((group) => ({ value: group.id, label: group.name }))}
            value={properties.groups}
            onChange={(groups) => onChange({ groups })}
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage={t('addMembers.properties.groups.nothingFound')}
            comboboxProps={{ shadow: 'md' }}
            maw={720}
          />
        </Section>

        {data.categories.length > 0 ? (
          <Section title={t('addMembers.properties.categories.title')} id="categories">
            <MultiSelect
              label={t('addMembers.properties.categories.label')}
              description={t('addMembers.properties.categories.description', { max: MAX_CATEGORIES, count: properties.categories.length })}
              placeholder={properties.categories.length ? undefined : t('addMembers.properties.categories.placeholder')}
              data={data.categories.map((category) => ({ value: category.id, label: category.name }))}
              value={properties.categories}
              onChange={(categories) => onChange({ categories: categories.slice(0, MAX_CATEGORIES) })}
              maxValues={MAX_CATEGORIES}
              searchable
              clearable
              hidePickedOptions
              nothingFoundMessage={
                properties.categories.length >= MAX_CATEGORIES ? t('addMembers.properties.categories.max') : t('addMembers.properties.categories.nothingFound')
              }
              comboboxProps={{ shadow: 'md' }}
              maw={720}
            />
          </Section>
        ) : null}

        <Section title={t('addMembers.properties.settings.title')} description={t('addMembers.properties.settings.description')} id="settings">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" maw={900}>
            <Select
              label={t('addMembers.properties.settings.profileVisibility')}
              data={ProfileVisibility.options.map((value) => ({ value, label: t(`addMembers.properties.settings.visibility.${value}`) }))}
              value={settings.profileVisibility}
              onChange={(value) => {
                const parsed = ProfileVisibility.safeParse(value);
                if (parsed.success) onChange({ settings: { ...settings, profileVisibility: parsed.data } });
              }}
              allowDeselect={false}
              comboboxProps={{ shadow: 'md' }}
            />
            <Select
              label={t('addMembers.properties.settings.language')}
              data={[
                { value: 'fr', label: t('language.fr') },
                { value: 'en', label: t('language.en') },
              ]}
              value={settings.language}
              onChange={(value) => onChange({ settings: { ...settings, language: value === 'en' ? 'en' : 'fr' } })}
              allowDeselect={false}
              comboboxProps={{ shadow: 'md' }}
            />
            <Select
              label={t('addMembers.properties.settings.locale')}
              data={localeOptions}
              value={settings.locale}
              onChange={(value) => value && onChange({ settings: { ...settings, locale: value } })}
              allowDeselect={false}
              comboboxProps={{ shadow: 'md' }}
            />
            <Select
              label={t('addMembers.properties.settings.startPage')}
              data={startPageOptions}
              value={settings.startPage}
              onChange={(value) => value && onChange({ settings: { ...settings, startPage: value } })}
              allowDeselect={false}
              comboboxProps={{ shadow: 'md' }}
            />
          </SimpleGrid>
        </Section>
      </Stack>
    </StepFrame>
  );
}

function Section({ title, description, id, children }: { title: string; description?: string; id: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`properties-${id}`}>
      <Title order={3} fz="md" id={`properties-${id}`}>
        {title}
      </Title>
      {description ? (
        <Text size="sm" c="dimmed" mt={2} mb="sm">
          {description}
        </Text>
      ) : (
        <div style={{ height: 'var(--mantine-spacing-sm)' }} />
      )}
      {children}
    </Paper>
  );
}
