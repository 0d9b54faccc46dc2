/**
 * 事项检索: keyword (debounced as the citizen types), life event tiles, department and 服务对象,
 * all kept in the URL so the back button returns to the same results.
 */
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Empty, Input, Segmented, Select, Space, Spin, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import {
  LIFE_EVENTS,
  SEARCH_DEBOUNCE_MS,
  publicCatalogue,
  word,
  type Facets,
  type SearchHit,
  type SubjectKind,
} from '../../../shared/catalogue.js';
import { gm } from '../../../shared/guide-messages.js';
import { useLang } from '../../../shared/i18n.js';
import { HitTags } from './parts.js';

export function GuideSearchPage() {
  const t = gm.useT();
  const [lang] = useLang();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const lifeEvent = params.get('event') ?? '';
  const departmentId = Number(params.get('dept')) || undefined;
  const subject = (params.get('subject') as SubjectKind | null) ?? undefined;

  const [text, setText] = useState(q);
  const [facets, setFacets] = useState<Facets | null>(null);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  // The URL follows the typing once it pauses; a search per keystroke would flicker the list.
  useEffect(() => {
    if (text.trim() === q) return;
    const timer = setTimeout(() => set({ q: text.trim() || undefined }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  useEffect(() => {
    const abort = new AbortController();
    publicCatalogue.facets(abort.signal).then(setFacets, () => {});
    return () => abort.abort();
  }, []);

  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    publicCatalogue
      .search({ q: q || undefined, lifeEvent: lifeEvent || undefined, departmentId, subject }, abort.signal)
      .then((page) => {
        setHits(page.items);
        setCursor(page.nextCursor);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(e);
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
    return () => abort.abort();
  }, [q, lifeEvent, departmentId, subject, tick]);

  const more = async () => {
    if (!cursor) return;
    setLoading(true);
    try {
      const page = await publicCatalogue.search({
        q: q || undefined,
        lifeEvent: lifeEvent || undefined,
        departmentId,
        subject,
        cursor,
      });
      setHits((before) => [...before, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  const counts = new Map((facets?.lifeEvents ?? []).map((f) => [f.value, f.count]));
  const events = [
    ...LIFE_EVENTS.filter((e) => counts.has(e)),
    ...(facets?.lifeEvents ?? [])
      .map((f) => f.value)
      .filter((v) => !(LIFE_EVENTS as readonly string[]).includes(v)),
  ];
  const filtered = Boolean(q || lifeEvent || departmentId || subject);

  return (
    <>
      <section className="guide-hero">
        <h1>{t('guideTitle')}</h1>
        <p>{t('guideIntro')}</p>
        <Input
          size="large"
          allowClear
          autoFocus
          aria-label={t('searchLabel')}
          prefix={<SearchOutlined />}
          placeholder={t('searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => set({ q: text.trim() || undefined })}
        />
      </section>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap size={16}>
            <Space>
              <Typography.Text strong>{t('bySubject')}</Typography.Text>
              <Segmented<string>
                aria-label={t('bySubject')}
                value={subject ?? ''}
                onChange={(v) => set({ subject: v || undefined })}
                options={[
                  { label: t('allSubjects'), value: '' },
                  { label: t('personalServices'), value: 'person' },
                  { label: t('businessServices'), value: 'legal_person' },
                ]}
              />
            </Space>
            <Space>
              <Typography.Text strong>{t('byDepartment')}</Typography.Text>
              <Select
                aria-label={t('byDepartment')}
                style={{ width: 280 }}
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder={t('allDepartments')}
                value={departmentId}
                onChange={(v: number | undefined) => set({ dept: v ? String(v) : undefined })}
                options={(facets?.departments ?? []).map((d) => ({
                  value: d.value,
                  label: `${d.label}（${d.count}）`,
                }))}
              />
            </Space>
            {filtered && (
              <Button
                type="link"
                onClick={() => {
                  setText('');
                  setParams(new URLSearchParams(), { replace: true });
                }}
              >
                {t('clearFilters')}
              </Button>
            )}
          </Space>
          <div>
            <Typography.Text strong>{t('byLifeEvent')}</Typography.Text>
            <div className="guide-events" style={{ marginTop: 8 }} role="group" aria-label={t('byLifeEvent')}>
              {events.map((e) => (
                <button
                  key={e}
                  type="button"
                  className="guide-event"
                  aria-pressed={lifeEvent === e}
                  onClick={() => set({ event: lifeEvent === e ? undefined : e })}
                >
                  {word('event', e, lang, facets?.lifeEvents.find((f) => f.value === e)?.label)}
                  <small>{counts.get(e) ?? 0}</small>
                </button>
              ))}
            </div>
          </div>
        </Space>
      </Card>
      <Card
        size="small"
        title={cursor ? t('resultsMore', { n: hits.length }) : t('results', { n: hits.length })}
        aria-busy={loading}
      >
        {error ? (
          <Alert
            type="error"
            showIcon
            message={t('loadFailed')}
            action={
              <Button size="small" onClick={() => setTick((n) => n + 1)}>
                {t('retry')}
              </Button>
            }
          />
        ) : null}
        <Spin spinning={loading}>
          {hits.length === 0 && !loading ? (
            <Empty description={t('noResults')} />
          ) : (
            <div role="list" aria-label={t('resultsLabel')}>
              {hits.map((hit) => (
                <div key={hit.itemId} className="guide-hit" role="listitem">
                  <div>
                    <h3>
                      <Link to={`/services/items/${hit.itemId}`}>{hit.name}</Link>
                    </h3>
                    <div className="guide-meta">
                      {hit.departmentName} · {word('kind', hit.kind, lang, hit.kindLabel)}
                      {hit.aliases.length > 0 && ` · ${t('aliases')}：${hit.aliases.join('、')}`}
                    </div>
                    <div style={{ marginTop: 8 }}>
                      <HitTags hit={hit} />
                    </div>
                  </div>
                  <Link
                    to={`/services/items/${hit.itemId}`}
                    style={{ whiteSpace: 'nowrap', alignSelf: 'center' }}
                  >
                    {t('viewGuide')}
                  </Link>
                </div>
              ))}
            </div>
          )}
        </Spin>
        {cursor && (
          <div style={{ textAlign: 'center', marginTop: 12 }}>
            <Button onClick={() => void more()} loading={loading}>
              {t('loadMore')}
            </Button>
          </div>
        )}
      </Card>
    </>
  );
}
