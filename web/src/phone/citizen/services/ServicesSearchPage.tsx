/**
 * 办事 on the phone: a search box (debounced), 个人 / 法人, life event tiles and a department
 * picker; the results as a list with 最多跑一次 and the promised limit. State in the URL.
 */
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  Button,
  CapsuleTabs,
  DotLoading,
  ErrorBlock,
  List,
  NavBar,
  Picker,
  SearchBar,
  Space,
  Tag,
} from 'antd-mobile';
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
import { LangSwitch } from '../../ui.js';
import './services.css';

export function ServicesSearchPage() {
  const t = gm.useT();
  const [lang] = useLang();
  const navigate = useNavigate();
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
  const [failed, setFailed] = useState(false);
  const [picking, setPicking] = useState(false);

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

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
        setFailed(false);
      })
      .catch(() => {
        if (!abort.signal.aborted) setFailed(true);
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
    return () => abort.abort();
  }, [q, lifeEvent, departmentId, subject]);

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
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  };

  const counts = new Map((facets?.lifeEvents ?? []).map((f) => [f.value, f.count]));
  const events = LIFE_EVENTS.filter((e) => counts.has(e));
  const department = facets?.departments.find((d) => d.value === departmentId);

  return (
    <div className="svc-page">
      <NavBar onBack={() => navigate('/')} right={<LangSwitch />}>
        {t('guideTitle')}
      </NavBar>
      <div className="svc-search">
        <SearchBar
          aria-label={t('searchLabel')}
          placeholder={t('searchShort')}
          value={text}
          onChange={setText}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          onClear={() => set({ q: undefined })}
        />
      </div>
      <CapsuleTabs
        activeKey={subject ?? 'all'}
        onChange={(k) => set({ subject: k === 'all' ? undefined : k })}
      >
        <CapsuleTabs.Tab title={t('allSubjects')} key="all" />
        <CapsuleTabs.Tab title={t('personalServices')} key="person" />
        <CapsuleTabs.Tab title={t('businessServices')} key="legal_person" />
      </CapsuleTabs>
      <div className="svc-events" role="group" aria-label={t('byLifeEvent')}>
        {events.map((e) => (
          <button
            key={e}
            type="button"
            className="svc-event"
            aria-pressed={lifeEvent === e}
            onClick={() => set({ event: lifeEvent === e ? undefined : e })}
          >
            {word('event', e, lang, facets?.lifeEvents.find((f) => f.value === e)?.label)}
          </button>
        ))}
      </div>
      <div className="svc-filter-row">
        <Button size="small" onClick={() => setPicking(true)}>
          {t('byDepartment')}：{department?.label ?? t('allDepartments')}
        </Button>
        {(q || lifeEvent || departmentId || subject) && (
          <Button
            size="small"
            fill="none"
            color="primary"
            onClick={() => {
              setText('');
              setParams(new URLSearchParams(), { replace: true });
            }}
          >
            {t('clearFilters')}
          </Button>
        )}
      </div>
      <Picker
        visible={picking}
        title={t('chooseDepartment')}
        onClose={() => setPicking(false)}
        value={[departmentId ?? 0]}
        columns={[
          [
            { label: t('allDepartments'), value: 0 },
            ...(facets?.departments ?? []).map((d) => ({
              label: `${d.label}（${d.count}）`,
              value: d.value,
            })),
          ],
        ]}
        onConfirm={(v) => set({ dept: v[0] ? String(v[0]) : undefined })}
      />
      {failed ? (
        <ErrorBlock status="default" title={t('loadFailed')} description="" />
      ) : (
        <List header={cursor ? t('resultsMore', { n: hits.length }) : t('results', { n: hits.length })}>
          {hits.map((hit) => (
            <List.Item
              key={hit.itemId}
              arrow
              onClick={() => navigate(`/services/items/${hit.itemId}`)}
              description={
                <>
                  <div>{hit.departmentName}</div>
                  <Space wrap style={{ '--gap': '4px', marginTop: 4 }}>
                    {hit.atMostOneVisit && (
                      <Tag color="success" fill="outline">
                        {hit.maxVisits === 0 ? t('zeroVisit') : t('oneVisit')}
                      </Tag>
                    )}
                    {hit.isBundle && (
                      <Tag color="#7c3aed" fill="outline">
                        {t('bundle')}
                      </Tag>
                    )}
                    <Tag color="primary" fill="outline">
                      {hit.promisedDays === 0
                        ? t('immediate')
                        : t('promisedDaysShort', { n: hit.promisedDays })}
                    </Tag>
                  </Space>
                </>
              }
            >
              {hit.name}
            </List.Item>
          ))}
          {!loading && hits.length === 0 && <List.Item>{t('noResults')}</List.Item>}
        </List>
      )}
      <div style={{ textAlign: 'center', padding: 12 }}>
        {loading ? (
          <DotLoading color="primary" />
        ) : cursor ? (
          <Button size="small" onClick={() => void more()}>
            {t('loadMore')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
