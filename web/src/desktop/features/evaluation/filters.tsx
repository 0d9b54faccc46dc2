/** Filter selects shared by the evaluation and analytics pages: class, department, region. */
import { Select } from 'antd';
import type { Feature, Geometry } from 'geojson';
import { api, type Page } from '../../../shared/api.js';
import { defineMessages } from '../../../shared/i18n.js';
import { loadRegions } from '../../../shared/map/index.js';
import { useAsync } from '../../ui/useAsync.js';
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
    community: '社区',
  },
  {
    anyClass: 'Every class',
    anyDepartment: 'Every department',
    anyRegion: 'Every region',
    classFilter: 'Class',
    departmentFilter: 'Department',
    regionFilter: 'Region',
    street: 'Street',
    community: 'Community',
  },
);

interface ClassRow {
  id: number;
  code: string;
  name: string;
}

let classes: Promise<ClassRow[]> | null = null;
function activeClasses(): Promise<ClassRow[]> {
  classes ??= api
    .get<Page<ClassRow>>('/classifications', { active: true, limit: 1000 })
    .then((page) => page.items)
    .catch((e: unknown) => {
      classes = null;
      throw e;
    });
  return classes;
}

interface SelectProps<T> {
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  disabled?: boolean;
}

export function ClassSelect({ value, onChange, disabled }: SelectProps<number>) {
  const t = fm.useT();
  const list = useAsync(() => activeClasses(), []);
  return (
    <Select<number>
      aria-label={t('classFilter')}
      style={{ width: 220 }}
      allowClear
      showSearch
      disabled={disabled}
      placeholder={t('anyClass')}
      loading={list.loading}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      optionFilterProp="label"
      options={(list.data ?? []).map((c) => ({ value: c.id, label: `${c.code} ${c.name}` }))}
    />
  );
}

export function DepartmentSelect({ value, onChange, disabled }: SelectProps<number>) {
  const t = fm.useT();
  const list = useAsync(() => allDepartments(), []);
  return (
    <Select<number>
      aria-label={t('departmentFilter')}
      style={{ width: 200 }}
      allowClear
      showSearch
      disabled={disabled}
      placeholder={t('anyDepartment')}
      loading={list.loading}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      optionFilterProp="label"
      options={(list.data ?? [])
        .filter((d) => d.active !== false)
        .map((d) => ({ value: d.id, label: d.name }))}
    />
  );
}

const nameOf = (f: Feature<Geometry, Record<string, unknown>>) =>
  String(f.properties.name ?? f.properties.code);

/** Streets and the communities under them (the district is "every region"). */
export function RegionSelect({ value, onChange, disabled }: SelectProps<string>) {
  const t = fm.useT();
  const list = useAsync(async () => {
    const [streets, communities] = await Promise.all([loadRegions('street'), loadRegions('community')]);
    return streets.features.map((s) => ({
      label: nameOf(s),
      title: t('street'),
      options: [
        { value: String(s.properties.code), label: `${nameOf(s)}（${t('street')}）` },
        ...communities.features
          .filter((c) => String(c.properties.code).startsWith(String(s.properties.code)))
          .map((c) => ({ value: String(c.properties.code), label: nameOf(c) })),
      ],
    }));
  }, [t]);
  return (
    <Select<string>
      aria-label={t('regionFilter')}
      style={{ width: 220 }}
      allowClear
      showSearch
      disabled={disabled}
      placeholder={t('anyRegion')}
      loading={list.loading}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      optionFilterProp="label"
      options={list.data ?? []}
    />
  );
}
