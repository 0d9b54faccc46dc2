/** Small pieces of the desktop guide: the tags of a search hit or an item. */
import { Tag } from 'antd';
import { word, type SearchHit } from '../../../shared/catalogue.js';
import { gm } from '../../../shared/guide-messages.js';
import { useLang } from '../../../shared/i18n.js';

/** 最多跑一次, 一件事, the promised limit and the channels of an item. */
export function HitTags({
  hit,
}: {
  hit: Pick<
    SearchHit,
    'atMostOneVisit' | 'maxVisits' | 'isBundle' | 'promisedDays' | 'subjects' | 'channels'
  >;
}) {
  const t = gm.useT();
  const [lang] = useLang();
  return (
    <>
      {hit.maxVisits === 0 ? (
        <Tag color="green">{t('zeroVisit')}</Tag>
      ) : hit.atMostOneVisit ? (
        <Tag color="green">{t('oneVisit')}</Tag>
      ) : null}
      {hit.isBundle && <Tag color="purple">{t('bundle')}</Tag>}
      <Tag color="blue">
        {hit.promisedDays === 0 ? t('immediate') : t('promisedDaysShort', { n: hit.promisedDays })}
      </Tag>
      {hit.subjects.map((s) => (
        <Tag key={s}>{word('subject', s, lang)}</Tag>
      ))}
      {hit.channels.map((c) => (
        <Tag key={c} bordered={false}>
          {word('channel', c, lang)}
        </Tag>
      ))}
    </>
  );
}
