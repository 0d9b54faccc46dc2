/** 随手拍 — a citizen reports a problem: category, place, photos, description, optional contact. */
import {
  Button,
  Checkbox,
  Form,
  Input,
  List,
  NavBar,
  Popup,
  Result,
  SearchBar,
  TextArea,
  Toast,
  type ImageUploadItem,
} from 'antd-mobile';
import type { FeatureCollection } from 'geojson';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { idempotencyKey } from '../../shared/api.js';
import { loadRegions } from '../../shared/map/layers.js';
import { formatDateTime } from '../../shared/format.js';
import { useLang } from '../../shared/i18n.js';
import { phoneMessages } from '../messages.js';
import { PointMap } from '../PointMap.js';
import { LangSwitch, PhotoPicker, photoIds, problemText, usePosition } from '../ui.js';
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
  const [category, setCategory] = useState<Category | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [search, setSearch] = useState('');
  const { position, setPosition, locating, error: positionError, locate } = usePosition();
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  // Checked on every render once a submit was tried, so a message goes as soon as its field is filled.
  const [attempted, setAttempted] = useState(false);
  // One key per report: a retry after a lost answer is answered with the first receipt.
  const key = useRef(idempotencyKey());

  useEffect(() => {
    citizen
      .categories()
      .then((found) => setCategories(found.items))
      .catch((error: unknown) => Toast.show({ icon: 'fail', content: problemText(error) }));
    // Street outlines give the map its bearings when no base map is configured.
    loadRegions('street').then(setStreets, () => setStreets(null));
  }, []);

  const groups = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const out = new Map<string, Category[]>();
    for (const c of categories ?? []) {
      const label = lang === 'en' ? c.nameEn : c.name;
      if (needle && !label.toLowerCase().includes(needle) && !c.name.includes(needle)) continue;
      const group = lang === 'en' ? c.groupEn : c.group;
      out.set(group, [...(out.get(group) ?? []), c]);
    }
    return [...out.entries()];
  }, [categories, search, lang]);

  function lackingNow(): string[] {
    return [
      ...(category ? [] : [tp('needCategory')]),
      ...(position ? [] : [tp('needLocation')]),
      ...(description.trim() ? [] : [tp('needDescription')]),
    ];
  }
  const missing = attempted ? lackingNow() : [];

  async function submit() {
    setAttempted(true);
    if (lackingNow().length > 0 || !category || !position) return;
    setSubmitting(true);
    try {
      const contact =
        name.trim() || phone.trim()
          ? { name: name.trim() || undefined, phone: phone.trim() || undefined }
          : undefined;
      const answer = await citizen.submit(
        {
          categoryCode: category.code,
          location: { lng: position.lng, lat: position.lat, crs: 'WGS84' },
          ...(address.trim() ? { address: address.trim() } : {}),
          description: description.trim(),
          photoIds: photoIds(photos),
          ...(contact ? { contact, consentToContact: consent } : {}),
        },
        key.current,
      );
      rememberCode(answer.trackingCode);
      setReceipt(answer);
    } catch (error) {
      Toast.show({ icon: 'fail', content: problemText(error), duration: 4000 });
    } finally {
      setSubmitting(false);
    }
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
    <div style={{ paddingBottom: 24 }}>
      <NavBar onBack={() => navigate('/')} right={<LangSwitch />}>
        {t('reportTitle')}
      </NavBar>
      <Form layout="vertical" mode="card">
        <Form.Header>{t('category')}</Form.Header>
        <List.Item
          arrow
          onClick={() => setChoosing(true)}
          description={
            category?.sensitive ? t('sensitiveHint') : lang === 'en' ? category?.helpEn : category?.help
          }
          aria-label={t('category')}
        >
          {category ? (lang === 'en' ? category.nameEn : category.name) : t('chooseCategory')}
        </List.Item>
        <Form.Header>{tp('location')}</Form.Header>
        <Form.Item>
          <PointMap
            label={tp('location')}
            areas={streets}
            point={position}
            onPick={(point) => setPosition({ ...point, accuracy: null, source: 'map' })}
          />
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 8 }}>
            <Button size="small" color="primary" fill="outline" loading={locating} onClick={locate}>
              {locating ? tp('locating') : tp('useMyPosition')}
            </Button>
            <span role="status" style={{ fontSize: 13, color: 'var(--adm-color-weak)' }}>
              {positionError
                ? tp('positionDenied', { detail: positionError })
                : position
                  ? position.source === 'device'
                    ? tp('positionSet', { accuracy: position.accuracy ?? '?' })
                    : tp('pointChosen')
                  : tp('tapMapHint')}
            </span>
          </div>
        </Form.Item>
        <Form.Item label={t('address')}>
          <Input
            value={address}
            onChange={setAddress}
            placeholder={t('addressPlaceholder')}
            maxLength={200}
          />
        </Form.Item>
        <Form.Header>{tp('photos')}</Form.Header>
        <Form.Item>
          <PhotoPicker
            label={tp('photos')}
            upload={citizen.uploadPhoto}
            value={photos}
            onChange={setPhotos}
          />
        </Form.Item>
        <Form.Item label={tp('description')} required>
          <TextArea
            aria-label={tp('description')}
            value={description}
            onChange={setDescription}
            placeholder={tp('descriptionPlaceholder')}
            rows={4}
            maxLength={2000}
            showCount
          />
        </Form.Item>
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
      </Form>
      {missing.length > 0 && (
        <div role="alert" style={{ color: 'var(--adm-color-danger)', padding: '0 16px 8px' }}>
          {missing.join('；')}
        </div>
      )}
      <div style={{ padding: '0 16px' }}>
        <Button block color="primary" size="large" loading={submitting} onClick={() => void submit()}>
          {t('submitReport')}
        </Button>
      </div>
      <Popup
        visible={choosing}
        onMaskClick={() => setChoosing(false)}
        bodyStyle={{ height: '70vh', overflow: 'auto' }}
      >
        <div style={{ padding: 12 }}>
          <SearchBar placeholder={t('searchCategory')} value={search} onChange={setSearch} />
        </div>
        {groups.map(([group, items]) => (
          <List key={group} header={group}>
            {items.map((c) => (
              <List.Item
                key={c.code}
                description={lang === 'en' ? c.helpEn : c.help}
                onClick={() => {
                  setCategory(c);
                  setChoosing(false);
                }}
              >
                {lang === 'en' ? c.nameEn : c.name}
              </List.Item>
            ))}
          </List>
        ))}
      </Popup>
    </div>
  );
}
