/** 随手拍 — a citizen reports a problem: category, place, photos, description, optional contact. */
import { Button, Checkbox, Form, Input, List, NavBar, Result, Toast } from 'antd-mobile';
import type { FeatureCollection } from 'geojson';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { loadRegions } from '../../shared/map/layers.js';
import { formatDateTime } from '../../shared/format.js';
import { useLang } from '../../shared/i18n.js';
import { phoneMessages } from '../messages.js';
import { ReportForm, type ChoiceGroup } from '../ReportForm.js';
import { LangSwitch, problemText } from '../ui.js';
import { citizen, type Category, type Receipt } from './api.js';
import { citizenMessages } from './messages.js';
import { rememberCode } from './recent.js';

export function ReportPage() {
  const t = citizenMessages.useT();
  const tp = phoneMessages.useT();
  const [lang] = useLang();
  const navigate = useNavigate();
  const [categories, setCategories] = useState<Category[] | null>(null);
  const [streets, setStreets] = useState<FeatureCollection | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);

  useEffect(() => {
    citizen
      .categories()
      .then((found) => setCategories(found.items))
      .catch((error: unknown) => Toast.show({ icon: 'fail', content: problemText(error) }));
    // Street outlines give the map its bearings when no base map is configured.
    loadRegions('street').then(setStreets, () => setStreets(null));
  }, []);

  const nameOf = (c: Category) => (lang === 'en' ? c.nameEn : c.name);
  const helpOf = (c: Category) => (lang === 'en' ? c.helpEn : c.help);

  /** The categories whose name matches the search, by their group. */
  function groups(search: string): ChoiceGroup<Category>[] {
    const needle = search.trim().toLowerCase();
    const out = new Map<string, Category[]>();
    for (const c of categories ?? []) {
      const label = nameOf(c);
      if (needle && !label.toLowerCase().includes(needle) && !c.name.includes(needle)) continue;
      const group = lang === 'en' ? c.groupEn : c.group;
      out.set(group, [...(out.get(group) ?? []), c]);
    }
    return [...out.entries()].map(([group, items]) => ({
      title: group,
      choices: items.map((c) => ({ key: c.code, title: nameOf(c), description: helpOf(c), value: c })),
    }));
  }

  if (receipt) {
    return (
      <div>
        <NavBar onBack={() => navigate('/')} backIcon right={<LangSwitch />}>
          {t('reportTitle')}
        </NavBar>
        <Result status="success" title={t('submitted')} description={t('submittedIntro')} />
        <List>
          <List.Item extra={<strong data-testid="tracking-code">{receipt.trackingCode}</strong>}>
            {t('trackingCode')}
          </List.Item>
          <List.Item extra={receipt.caseNumber}>{t('caseNumber')}</List.Item>
          <List.Item extra={formatDateTime(receipt.submittedAt)}>{t('submittedAt')}</List.Item>
          <List.Item extra={receipt.expectedBy ? formatDateTime(receipt.expectedBy) : t('notYetKnown')}>
            {t('expectedBy')}
          </List.Item>
        </List>
        <div style={{ padding: 16 }}>
          <Button
            block
            color="primary"
            size="large"
            onClick={() => navigate(`/track/${receipt.trackingCode}`)}
          >
            {t('viewProgress')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <ReportForm<Category>
      title={t('reportTitle')}
      onBack={() => navigate('/')}
      chooser={{
        header: t('category'),
        label: t('category'),
        prompt: t('chooseCategory'),
        searchPlaceholder: t('searchCategory'),
        missing: tp('needCategory'),
        groups,
        shown: (c) => ({ title: nameOf(c), description: c.sensitive ? t('sensitiveHint') : helpOf(c) }),
      }}
      areas={streets}
      upload={citizen.uploadPhoto}
      address={{ label: t('address'), placeholder: t('addressPlaceholder') }}
      submitLabel={t('submitReport')}
      onSubmit={async (draft, key) => {
        const contact =
          name.trim() || phone.trim()
            ? { name: name.trim() || undefined, phone: phone.trim() || undefined }
            : undefined;
        const answer = await citizen.submit(
          {
            categoryCode: draft.choice.code,
            location: { lng: draft.position.lng, lat: draft.position.lat, crs: 'WGS84' },
            ...(draft.address ? { address: draft.address } : {}),
            description: draft.description,
            photoIds: draft.photoIds,
            ...(contact ? { contact, consentToContact: consent } : {}),
          },
          key,
        );
        rememberCode(answer.trackingCode);
        setReceipt(answer);
      }}
    >
      <Form.Header>{t('contactTitle')}</Form.Header>
      <Form.Item label={t('contactName')}>
        <Input aria-label={t('contactName')} value={name} onChange={setName} maxLength={50} />
      </Form.Item>
      <Form.Item label={t('contactPhone')}>
        <Input aria-label={t('contactPhone')} value={phone} onChange={setPhone} type="tel" maxLength={20} />
      </Form.Item>
      <Form.Item description={t('consentHint')}>
        <Checkbox checked={consent} onChange={setConsent}>
          {t('consent')}
        </Checkbox>
      </Form.Item>
    </ReportForm>
  );
}
