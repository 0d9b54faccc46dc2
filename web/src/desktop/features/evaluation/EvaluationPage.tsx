/**
 * 绩效评价: departments, places and people ranked over any period from GET /evaluations (the
 * server reads its rollups), with every base count and indicator of the kind, the composite score
 * and grade of the chosen profile, the change against the previous month or year, CSV/XLSX
 * downloads of the same table, and a drawer with the cases behind any count (GET /evaluations/cases).
 * The view's state lives in the URL, so the dashboard and colleagues can link to it.
 */
import { useMemo, useState } from 'react';
import { Card, Result, Segmented, Select, Space, Table, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../../shared/api.js';
import { useLang } from '../../../shared/i18n.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { ExportLinks } from '../../ui/ExportLinks.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useAsync } from '../../ui/useAsync.js';
import { useUser } from '../../session.js';
import { FilterBar, useFilters } from '../filters/FilterBar.js';
import { useEvaluationColumns } from './columns.js';
import { DrillDrawer, type Drill } from './DrillDrawer.js';
import {
  byClass,
  kindsFor,
  PEOPLE,
  profileObjectOf,
  SUBJECT_KINDS,
  TAB_KEYS,
  TAB_LABELS,
  type SubjectKind,
  type TabKey,
} from './kinds.js';
import { profileName } from './labels.js';
import { em } from './messages.js';
import { loadProfiles, type Evaluation, type EvaluationRow } from './model.js';

const lastDayOf = (to: string) => dayjs(to).subtract(1, 'day').format('YYYY-MM-DD');

export function EvaluationPage() {
  const t = em.useT();
  const [lang] = useLang();
  const user = useUser();
  const allowed = kindsFor(user.role);
  const filters = useFilters();
  const { params, period, compare, update } = filters;
  const requested = params.get('kind') as SubjectKind | null;
  const kind: SubjectKind = requested && SUBJECT_KINDS.includes(requested) ? requested : allowed[0]!;
  const profileKey = params.get('profile') ?? undefined;
  const [drill, setDrill] = useState<Drill | null>(null);

  const config = useAsync(() => loadProfiles(), []);
  const query = {
    object: kind,
    from: period.from,
    to: period.to,
    profileKey,
    compare,
    classId: byClass(kind) ? filters.classId : undefined,
  };
  const evaluation = useAsync(
    (signal) =>
      allowed.includes(kind)
        ? api.request<Evaluation>('GET', '/evaluations', { query, signal })
        : Promise.resolve(null),
    [JSON.stringify(query)],
  );

  const indicators = useMemo(
    () =>
      (config.data?.indicators ?? []).filter((i) => i.object === profileObjectOf(kind) && i.kind !== 'count'),
    [config.data, kind],
  );
  const indicatorsByKey = useMemo(
    () => new Map((config.data?.indicators ?? []).map((i) => [i.key, i])),
    [config.data],
  );
  const profileOptions = (config.data?.profiles ?? [])
    .filter((p) => p.object === profileObjectOf(kind))
    .map((p) => ({ value: p.key, label: profileName(p.key, p.name, lang) }));
  const data = evaluation.data;
  const columns = useEvaluationColumns({ kind, data, indicators, indicatorsByKey, onDrill: setDrill });

  if (!allowed.includes(kind)) return <Result status="403" title={t('refusedKind')} />;

  const tabs = TAB_KEYS.filter((tab) =>
    tab === 'people' ? PEOPLE.some((p) => allowed.includes(p)) : allowed.includes(tab),
  );
  const activeTab: TabKey = (PEOPLE as readonly string[]).includes(kind) ? 'people' : (kind as TabKey);

  return (
    <>
      <PageHeader title={t('title')} sub={t('sub')} />
      <Tabs
        activeKey={activeTab}
        onChange={(tab) =>
          update({
            kind: tab === 'people' ? PEOPLE.find((p) => allowed.includes(p)) : tab,
            profile: undefined,
          })
        }
        items={tabs.map((tab) => ({ key: tab, label: t(TAB_LABELS[tab]) }))}
      />
      <FilterBar
        filters={filters}
        show={byClass(kind) ? ['period', 'compare', 'class'] : ['period', 'compare']}
      >
        <Select<string>
          aria-label={t('profile')}
          style={{ width: 300 }}
          loading={config.loading}
          value={profileKey ?? data?.profile.key}
          onChange={(v) => update({ profile: v })}
          options={profileOptions}
        />
      </FilterBar>
      <ErrorAlert error={evaluation.error ?? config.error} onRetry={evaluation.reload} />
      <Card
        size="small"
        title={
          <Space wrap>
            {activeTab === 'people' && (
              <Segmented<string>
                aria-label={t('postKind')}
                value={kind}
                onChange={(v) => update({ kind: v, profile: undefined })}
                options={PEOPLE.filter((p) => allowed.includes(p)).map((p) => ({ value: p, label: t(p) }))}
              />
            )}
            <span>{t('periodShown', { from: period.from, to: lastDayOf(period.to) })}</span>
            {data?.compare && (
              <Typography.Text type="secondary">
                {t('comparePeriod', { from: data.compare.from, to: lastDayOf(data.compare.to) })}
              </Typography.Text>
            )}
          </Space>
        }
        extra={<ExportLinks path="/evaluations" query={query} what={t('table')} />}
      >
        <Table<EvaluationRow>
          size="small"
          rowKey="subject"
          loading={evaluation.loading}
          dataSource={data?.rows ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        />
      </Card>
      <DrillDrawer drill={drill} period={period} classId={query.classId} onClose={() => setDrill(null)} />
    </>
  );
}
