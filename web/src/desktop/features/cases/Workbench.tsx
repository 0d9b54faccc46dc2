/**
 * A work queue page (supervision, command, department): tabs of case queues with their counts,
 * the queue's cases on the district map, and the selected case opened beside it with its actions.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { Badge, Card, Col, Drawer, Row, Skeleton, Tabs } from 'antd';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { api } from '../../../shared/api.js';
import { MapView, caseColor, type PointLayer } from '../../../shared/map/index.js';
import { statusLabels, type CaseStatus } from '../../../shared/labels.js';
import type { Messages } from '../../../shared/i18n.js';
import { useAsync } from '../../ui/useAsync.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { useRegionLayers } from '../../ui/useRegions.js';
import { useWebConfig } from '../../ui/useWebConfig.js';
import { m } from '../../messages.js';
import { CaseTable, type CaseColumn } from './CaseTable.js';
import { CaseDetailView } from './CaseDetailPage.js';
import { allDepartments, departmentLabel, getCase, type CaseDetail, type CaseFilter } from './types.js';

/** A queue page: its title, its subtitle and its queues' tab labels come from `messages`. */
export function QueuePage<K extends string>({
  title,
  messages,
  queues,
}: {
  title: string;
  messages: Messages<K | 'sub'>;
  /** Stable (module constants or memoised): each queue's key is its label's message key. */
  queues: ReadonlyArray<QueueOf<K>>;
}) {
  const t = messages.useT();
  const labelled = useMemo(() => queues.map((q) => ({ ...q, label: t(q.key) })), [queues, t]);
  return <Workbench queues={labelled} header={<PageHeader title={title} sub={t('sub')} />} />;
}

/** A queue whose label is the message `key`. */
export type QueueOf<K extends string> = Omit<Queue, 'key' | 'label'> & { key: K };

export interface Queue {
  key: string;
  label: string;
  filter: CaseFilter;
  columns?: readonly CaseColumn[];
}

type CasePoints = FeatureCollection<Point, Record<string, unknown>>;

export function Workbench({ queues, header }: { queues: Queue[]; header?: ReactNode }) {
  const t = m.useT();
  const ts = statusLabels.useT();
  const config = useWebConfig();
  const [active, setActive] = useState(queues[0]?.key ?? '');
  const [selected, setSelected] = useState<number | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const queue = queues.find((q) => q.key === active) ?? queues[0]!;

  const counts = useAsync(
    async (signal) => {
      const results = await Promise.all(
        queues.map((q) =>
          api.request<{ count: number }>('GET', '/cases/count', { query: { ...q.filter }, signal }),
        ),
      );
      return Object.fromEntries(queues.map((q, i) => [q.key, results[i]!.count]));
    },
    [reloadKey],
  );
  const departments = useAsync(() => allDepartments(), []);
  const deptName = (id: number | null) => departmentLabel(departments.data?.find((d) => d.id === id));

  const points = useAsync(
    (signal) =>
      api.request<CasePoints>('GET', '/cases/geojson', { query: { ...queue.filter, limit: 2000 }, signal }),
    [JSON.stringify(queue.filter), reloadKey],
  );
  const { polygons, fit } = useRegionLayers();
  const pointLayers = useMemo<PointLayer[]>(
    () => [
      {
        id: 'cases',
        name: t('mapCases'),
        data: points.data ?? null,
        cluster: true,
        color: caseColor,
        tooltip: (f: Feature<Point, Record<string, unknown>>) =>
          `${String(f.properties.number)} · ${String(f.properties.className)} · ${ts(f.properties.status as CaseStatus)}`,
        onClick: (f) => setSelected(Number(f.properties.id)),
      },
    ],
    [points.data, t, ts],
  );

  const detail = useAsync<CaseDetail | null>(
    (signal) => (selected ? getCase(selected, signal) : Promise.resolve(null)),
    [selected, reloadKey],
  );

  return (
    <>
      {header}
      <Row gutter={16}>
        <Col span={15}>
          <Card styles={{ body: { paddingTop: 4 } }}>
            <Tabs
              activeKey={queue.key}
              onChange={(key) => setActive(key)}
              items={queues.map((q) => ({
                key: q.key,
                label: (
                  <span>
                    {q.label}{' '}
                    <Badge
                      count={counts.data?.[q.key] ?? 0}
                      showZero
                      overflowCount={999}
                      color={q.key === queue.key ? '#1456b8' : '#8c9bb0'}
                    />
                  </span>
                ),
              }))}
            />
            <CaseTable
              filter={queue.filter}
              columns={queue.columns}
              reloadKey={reloadKey}
              selectedId={selected}
              onSelect={(row) => setSelected(row.id)}
              departmentName={deptName}
            />
          </Card>
        </Col>
        <Col span={9}>
          <Card size="small" title={`${t('mapLabel')} · ${queue.label}`} styles={{ body: { padding: 8 } }}>
            <ErrorAlert error={points.error} onRetry={points.reload} />
            <MapView
              label={`${t('mapLabel')} ${queue.label}`}
              tiles={config?.tiles ?? null}
              polygons={polygons}
              points={pointLayers}
              fit={fit}
              layerSwitcher
              style={{ height: 560 }}
            />
          </Card>
        </Col>
      </Row>
      <Drawer
        open={selected !== null}
        width={760}
        onClose={() => setSelected(null)}
        title={detail.data ? `${t('caseDetail')} · ${detail.data.number}` : t('caseDetail')}
        extra={selected ? <a href={`/cases/${selected}`}>{t('view')}</a> : null}
      >
        <ErrorAlert error={detail.error} onRetry={detail.reload} />
        {detail.data ? (
          <CaseDetailView
            compact
            detail={detail.data}
            onReload={detail.reload}
            onChanged={() => {
              setReloadKey((k) => k + 1);
            }}
          />
        ) : (
          <Skeleton active />
        )}
      </Drawer>
    </>
  );
}
