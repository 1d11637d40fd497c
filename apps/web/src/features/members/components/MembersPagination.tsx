import { Button, Group, Select, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { pageSizes } from '../member-filters.ts';

interface MembersPaginationProps {
  pageIndex: number;
  pageSize: number;
  shownCount: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
  busy: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onPageSize: (size: number) => void;
}

/** Keyset paging: only "previous" and "next" exist, and the range shown is computed. */
export function MembersPagination(props: MembersPaginationProps) {
  const { pageIndex, pageSize, shownCount, total, hasPrevious, hasNext, busy, onPrevious, onNext, onPageSize } = props;
  const { t } = useTranslation();
  const sizeId = useId();
  const from = shownCount === 0 ? 0 : pageIndex * pageSize + 1;
  const to = pageIndex * pageSize + shownCount;

  return (
    <Group justify="space-between" gap="md" px="md" py="sm" wrap="wrap">
      <Group gap="xs" wrap="nowrap">
        <Text component="label" htmlFor={sizeId} size="sm" c="dimmed">
          {t('members.pagination.pageSize')}
        </Text>
        <Select
          id={sizeId}
          w={84}
          size="xs"
          data={pageSizes.map((size) => String(size))}
          value={String(pageSize)}
          onChange={(value) => value && onPageSize(Number(value))}
          allowDeselect={false}
          comboboxProps={{ shadow: 'md' }}
        />
      </Group>
      <nav aria-label={t('members.pagination.label')}>
        {/* On a phone the range goes above the buttons rather than pushing them off-screen. */}
        <Group gap="sm" wrap="wrap" justify="flex-end">
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="members-range" className="tabular">
            {t('members.pagination.range', { from, to, total })}
          </Text>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconChevronLeft size={16} aria-hidden />}
            onClick={onPrevious}
            disabled={!hasPrevious || busy}
          >
            {t('members.pagination.previous')}
          </Button>
          <Button
            variant="default"
            size="xs"
            rightSection={<IconChevronRight size={16} aria-hidden />}
            onClick={onNext}
            disabled={!hasNext || busy}
          >
            {t('members.pagination.next')}
          </Button>
        </Group>
      </nav>
    </Group>
  );
}
