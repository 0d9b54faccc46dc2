/** 巡查上报 — the inspector reports a problem found on patrol: class, current position, photos. */
import { Checkbox, Form, Tag, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { phoneMessages } from '../messages.js';
import { ReportForm } from '../ReportForm.js';
import { problemText } from '../ui.js';
import { staff, type Classification } from './api.js';
import { inspectorMessages } from './messages.js';

export function InspectorReportPage() {
  const t = inspectorMessages.useT();
  const tp = phoneMessages.useT();
  const navigate = useNavigate();
  const [classes, setClasses] = useState<Classification[]>([]);
  const [urgent, setUrgent] = useState(false);

  useEffect(() => {
    staff.classifications().then(
      (page) => setClasses(page.items),
      (error: unknown) => Toast.show({ icon: 'fail', content: problemText(error) }),
    );
  }, []);

  return (
    <ReportForm<Classification>
      title={t('reportTitle')}
      chooser={{
        label: t('chooseClass'),
        prompt: t('chooseClass'),
        searchPlaceholder: t('searchClass'),
        missing: tp('needClass'),
        // By name, or by code from its start; the first 80 (a search narrows the list).
        groups: (search) => {
          const needle = search.trim();
          const shown = classes
            .filter((c) => !needle || c.name.includes(needle) || c.code.startsWith(needle))
            .slice(0, 80);
          return [
            {
              choices: shown.map((c) => ({
                key: c.id,
                title: c.name,
                description: c.code,
                prefix: <Tag>{c.kind === 'component' ? t('classKindComponent') : t('classKindMatter')}</Tag>,
                value: c,
              })),
            },
          ];
        },
        shown: (c) => ({ title: `${c.code} ${c.name}` }),
      }}
      // Inspectors report where they stand: the position is asked for at once.
      locateAtOnce
      upload={staff.uploadPhoto}
      address={{ label: t('address') }}
      submitLabel={t('submitReport')}
      onSubmit={async (draft, key) => {
        const created = await staff.report(
          {
            source: 'inspector',
            classificationId: draft.choice.id,
            location: { lng: draft.position.lng, lat: draft.position.lat, crs: 'wgs84' },
            description: draft.description,
            ...(draft.address ? { address: draft.address } : {}),
            urgency: urgent ? 'urgent' : 'normal',
            beforePhotoIds: draft.photoIds,
          },
          key,
        );
        Toast.show({ icon: 'success', content: t('reported', { number: created.number }) });
        void navigate(`/inspector/cases/${created.id}`);
      }}
    >
      <Form.Item>
        <Checkbox checked={urgent} onChange={setUrgent}>
          {t('urgent')}
        </Checkbox>
      </Form.Item>
    </ReportForm>
  );
}
