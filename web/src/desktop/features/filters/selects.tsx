/** The filter bar's selects: class, department, region — each clearable ("every …") and searchable. */
import { useMemo } from 'react';
import { Select, type SelectProps } from 'antd';
import { defineMessages } from '../../../shared/i18n.js';
import { useAsync } from '../../ui/useAsync.js';
import { activeClasses, streetGroups, streetsAndCommunities } from '../cases/directory.js';
import { allDepartments } from '../cases/types.js';

const fm = defineMessages(
  {
    anyClass: '全部类别',
    anyDepartment: '全部部门',
    anyRegion: '全部区域',
    classFilter: '问题类别',
    departmentFilter: '处置部门',
    regionFilter: '区域',
    street: '街道',
  },
  {
    anyClass: 'Every class',
    anyDepartment: 'Every department',
    anyRegion: 'Every region',
    classFilter: 'Class',
    departmentFilter: 'Department',
    regionFilter: 'Region',
    street: 'Street',
  },
);

interface FilterProps<T> {
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  disabled?: boolean;
}

/** One filter: cleared to undefined ("every …"), searched by the options' labels. */
function FilterSelect<T extends string | number>({
  value,
  onChange,
  disabled,
  label,
  placeholder,
  width,
  loading,
  options,
}: FilterProps<T> & {
  label: string;
  placeholder: string;
  width: number;
  loading: boolean;
  options: SelectProps<T>['options'];
}) {
  return (
    <Select<T>
      aria-label={label}
      style={{ width }}
      allowClear
      showSearch
      disabled={disabled}
      placeholder={placeholder}
      loading={loading}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      optionFilterProp="label"
      options={options}
    />
  );
}

export function ClassSelect(props: FilterProps<number>) {
  const t = fm.useT();
  const list = useAsync(() => activeClasses(), []);
  return (
    <FilterSelect<number>
      {...props}
      label={t('classFilter')}
      placeholder={t('anyClass')}
      width={220}
      loading={list.loading}
      options={(list.data ?? []).map((c) => ({ value: c.id, label: `${c.code} ${c.name}` }))}
    />
  );
}

export function DepartmentSelect(props: FilterProps<number>) {
  const t = fm.useT();
  const list = useAsync(() => allDepartments(), []);
  return (
    <FilterSelect<number>
      {...props}
      label={t('departmentFilter')}
      placeholder={t('anyDepartment')}
      width={200}
      loading={list.loading}
      options={(list.data ?? [])
        .filter((d) => d.active !== false)
        .map((d) => ({ value: d.id, label: d.name }))}
    />
  );
}

/** Streets and the communities under them (the district is "every region"). */
export function RegionSelect(props: FilterProps<string>) {
  const t = fm.useT();
  const places = useAsync(() => streetsAndCommunities(), []);
  const groups = useMemo(
    () =>
      streetGroups(places.data ?? [], {
        street: (street) => `${street.name}（${t('street')}）`,
        community: (community) => community.name,
      }).map((group) => ({ ...group, title: t('street') })),
    [places.data, t],
  );
  return (
    <FilterSelect<string>
      {...props}
      label={t('regionFilter')}
      placeholder={t('anyRegion')}
      width={220}
      loading={places.loading}
      options={groups}
    />
  );
}
