/** 巡查上报 — the inspector reports a problem found on patrol: class, current position, photos. */
import {
  Button,
  Checkbox,
  Form,
  Input,
  List,
  NavBar,
  Popup,
  SearchBar,
  Tag,
  TextArea,
  Toast,
  type ImageUploadItem,
} from 'antd-mobile';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { idempotencyKey } from '../../shared/api.js';
import { phoneMessages } from '../messages.js';
import { PointMap } from '../PointMap.js';
import { LangSwitch, PhotoPicker, photoIds, problemText, usePosition } from '../ui.js';
import { staff, type Classification } from './api.js';
import { inspectorMessages } from './messages.js';

export function InspectorReportPage() {
  const t = inspectorMessages.useT();
  const tp = phoneMessages.useT();
  const navigate = useNavigate();
  const [classes, setClasses] = useState<Classification[]>([]);
  const [chosen, setChosen] = useState<Classification | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [search, setSearch] = useState('');
  const { position, setPosition, locating, error: positionError, locate } = usePosition();
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [busy, setBusy] = useState(false);
  // Checked on every render once a submit was tried, so a message goes as soon as its field is filled.
  const [attempted, setAttempted] = useState(false);
  const key = useRef(idempotencyKey());

  useEffect(() => {
    staff.classifications().then(
      (page) => setClasses(page.items),
      (error: unknown) => Toast.show({ icon: 'fail', content: problemText(error) }),
    );
    // Inspectors report where they stand: ask for the position at once.
    locate();
  }, [locate]);

  const shown = useMemo(() => {
    const needle = search.trim();
    return classes
      .filter((c) => !needle || c.name.includes(needle) || c.code.startsWith(needle))
      .slice(0, 80);
  }, [classes, search]);

  function lackingNow(): string[] {
    return [
      ...(chosen ? [] : [tp('needClass')]),
      ...(position ? [] : [tp('needLocation')]),
      ...(description.trim() ? [] : [tp('needDescription')]),
    ];
  }
  const missing = attempted ? lackingNow() : [];

  async function submit() {
    setAttempted(true);
    if (lackingNow().length > 0 || !chosen || !position) return;
    setBusy(true);
    try {
      const created = await staff.report(
        {
          source: 'inspector',
          classificationId: chosen.id,
          location: { lng: position.lng, lat: position.lat, crs: 'wgs84' },
          description: description.trim(),
          ...(address.trim() ? { address: address.trim() } : {}),
          urgency: urgent ? 'urgent' : 'normal',
          beforePhotoIds: photoIds(photos),
        },
        key.current,
      );
      Toast.show({ icon: 'success', content: t('reported', { number: created.number }) });
      key.current = idempotencyKey();
      void navigate(`/inspector/cases/${created.id}`);
    } catch (error) {
      Toast.show({ icon: 'fail', content: problemText(error), duration: 4000 });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ paddingBottom: 24 }}>
      <NavBar back={null} right={<LangSwitch />}>
        {t('reportTitle')}
      </NavBar>
      <Form layout="vertical" mode="card">
        <List.Item arrow aria-label={t('chooseClass')} onClick={() => setChoosing(true)}>
          {chosen ? `${chosen.code} ${chosen.name}` : t('chooseClass')}
        </List.Item>
        <Form.Header>{tp('location')}</Form.Header>
        <Form.Item>
          <PointMap
            label={tp('location')}
            point={position}
            onPick={(point) => setPosition({ ...point, accuracy: null, source: 'map' })}
          />
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 8 }}>
            <Button size="small" color="primary" fill="outline" loading={locating} onClick={locate}>
              {tp('useMyPosition')}
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
          <Input aria-label={t('address')} value={address} onChange={setAddress} maxLength={200} />
        </Form.Item>
        <Form.Item label={tp('photos')}>
          <PhotoPicker label={tp('photos')} upload={staff.uploadPhoto} value={photos} onChange={setPhotos} />
        </Form.Item>
        <Form.Item label={tp('description')}>
          <TextArea
            aria-label={tp('description')}
            value={description}
            onChange={setDescription}
            placeholder={tp('descriptionPlaceholder')}
            rows={3}
            maxLength={2000}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={urgent} onChange={setUrgent}>
            {t('urgent')}
          </Checkbox>
        </Form.Item>
      </Form>
      {missing.length > 0 && (
        <div role="alert" style={{ color: 'var(--adm-color-danger)', padding: '0 16px 8px' }}>
          {missing.join('；')}
        </div>
      )}
      <div style={{ padding: '0 16px' }}>
        <Button block color="primary" size="large" loading={busy} onClick={() => void submit()}>
          {t('submitReport')}
        </Button>
      </div>
      <Popup
        visible={choosing}
        onMaskClick={() => setChoosing(false)}
        bodyStyle={{ height: '70vh', overflow: 'auto' }}
      >
        <div style={{ padding: 12 }}>
          <SearchBar placeholder={t('searchClass')} value={search} onChange={setSearch} />
        </div>
        <List>
          {shown.map((c) => (
            <List.Item
              key={c.id}
              prefix={<Tag>{c.kind === 'component' ? t('classKindComponent') : t('classKindMatter')}</Tag>}
              description={c.code}
              onClick={() => {
                setChosen(c);
                setChoosing(false);
              }}
            >
              {c.name}
            </List.Item>
          ))}
        </List>
      </Popup>
    </div>
  );
}
