/**
 * The report form of the phone views, for a citizen (随手拍: public categories, optional contact)
 * and an inspector (巡查上报: case classes, urgency): what is wrong (a class or category chosen from
 * a searchable list), where (the device's position or a point tapped on the map, and an address),
 * photos and a description. What differs is given as props; the page sends the draft.
 */
import {
  Button,
  Form,
  Input,
  List,
  NavBar,
  Popup,
  SearchBar,
  TextArea,
  Toast,
  type ImageUploadItem,
} from 'antd-mobile';
import type { FeatureCollection } from 'geojson';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { idempotencyKey } from '../shared/api.js';
import { phoneMessages } from './messages.js';
import { PointMap } from './PointMap.js';
import {
  LangSwitch,
  PhotoPicker,
  photoIds,
  problemText,
  usePosition,
  type PhotoPickerProps,
  type Position,
} from './ui.js';

/** One entry of the chooser's list. */
export interface Choice<T> {
  key: string | number;
  title: string;
  description?: string;
  prefix?: ReactNode;
  value: T;
}

/** A list of entries under an optional header (the citizen's category groups). */
export interface ChoiceGroup<T> {
  title?: string;
  choices: Choice<T>[];
}

/** What the form collected, complete (the form checks it before it calls `onSubmit`). */
export interface ReportDraft<T> {
  choice: T;
  position: Position;
  /** Trimmed; absent when empty. */
  address?: string;
  /** Trimmed, not empty. */
  description: string;
  /** The uploaded photos' file ids. */
  photoIds: string[];
}

export interface ReportFormProps<T> {
  title: string;
  /** The navigation bar's back arrow; without it none (the inspector's tab bar leads back). */
  onBack?: () => void;
  /** How the class or category is chosen. */
  chooser: {
    /** A section header above the chooser. */
    header?: string;
    /** The chooser's accessible name. */
    label: string;
    /** Shown until something is chosen. */
    prompt: string;
    searchPlaceholder: string;
    /** The message when a report is sent without a choice. */
    missing: string;
    /** The entries that match a search text, in groups. */
    groups: (search: string) => ChoiceGroup<T>[];
    /** The chosen entry as the form shows it. */
    shown: (choice: T) => { title: string; description?: string };
  };
  /** Outlines on the map (the citizen's streets, for bearings without a base map). */
  areas?: FeatureCollection | null;
  /** Ask for the device's position at once (an inspector reports where they stand). */
  locateAtOnce?: boolean;
  upload: PhotoPickerProps['upload'];
  address: { label: string; placeholder?: string };
  /** Fields after the description (the citizen's contact, the inspector's urgency). */
  children?: ReactNode;
  submitLabel: string;
  /**
   * Sends the report. One idempotency key per report: a retry after a lost answer is answered
   * with the first result. A failure is shown as a toast and the form stays as it is.
   */
  onSubmit: (draft: ReportDraft<T>, idempotencyKey: string) => Promise<void>;
}

export function ReportForm<T>({
  title,
  onBack,
  chooser,
  areas,
  locateAtOnce,
  upload,
  address: addressField,
  children,
  submitLabel,
  onSubmit,
}: ReportFormProps<T>) {
  const tp = phoneMessages.useT();
  const [choice, setChoice] = useState<T | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [search, setSearch] = useState('');
  const { position, setPosition, locating, error: positionError, locate } = usePosition();
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [submitting, setSubmitting] = useState(false);
  // Checked on every render once a submit was tried, so a message goes as soon as its field is filled.
  const [attempted, setAttempted] = useState(false);
  const key = useRef(idempotencyKey());

  useEffect(() => {
    if (locateAtOnce) locate();
  }, [locateAtOnce, locate]);

  function lackingNow(): string[] {
    return [
      ...(choice !== null ? [] : [chooser.missing]),
      ...(position ? [] : [tp('needLocation')]),
      ...(description.trim() ? [] : [tp('needDescription')]),
    ];
  }
  const missing = attempted ? lackingNow() : [];

  async function submit() {
    setAttempted(true);
    if (lackingNow().length > 0 || choice === null || !position) return;
    setSubmitting(true);
    try {
      await onSubmit(
        {
          choice,
          position,
          ...(address.trim() ? { address: address.trim() } : {}),
          description: description.trim(),
          photoIds: photoIds(photos),
        },
        key.current,
      );
      key.current = idempotencyKey();
    } catch (error) {
      Toast.show({ icon: 'fail', content: problemText(error), duration: 4000 });
    } finally {
      setSubmitting(false);
    }
  }

  const chosen = choice === null ? null : chooser.shown(choice);
  return (
    <div style={{ paddingBottom: 24 }}>
      <NavBar onBack={onBack} back={onBack ? undefined : null} right={<LangSwitch />}>
        {title}
      </NavBar>
      <Form layout="vertical" mode="card">
        {chooser.header && <Form.Header>{chooser.header}</Form.Header>}
        <List.Item
          arrow
          onClick={() => setChoosing(true)}
          description={chosen?.description}
          aria-label={chooser.label}
        >
          {chosen ? chosen.title : chooser.prompt}
        </List.Item>
        <Form.Header>{tp('location')}</Form.Header>
        <Form.Item>
          <PointMap
            label={tp('location')}
            areas={areas}
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
        <Form.Item label={addressField.label}>
          <Input
            aria-label={addressField.label}
            value={address}
            onChange={setAddress}
            placeholder={addressField.placeholder}
            maxLength={200}
          />
        </Form.Item>
        <Form.Header>{tp('photos')}</Form.Header>
        <Form.Item>
          <PhotoPicker label={tp('photos')} upload={upload} value={photos} onChange={setPhotos} />
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
        {children}
      </Form>
      {missing.length > 0 && (
        <div role="alert" style={{ color: 'var(--adm-color-danger)', padding: '0 16px 8px' }}>
          {missing.join('；')}
        </div>
      )}
      <div style={{ padding: '0 16px' }}>
        <Button block color="primary" size="large" loading={submitting} onClick={() => void submit()}>
          {submitLabel}
        </Button>
      </div>
      <Popup
        visible={choosing}
        onMaskClick={() => setChoosing(false)}
        bodyStyle={{ height: '70vh', overflow: 'auto' }}
      >
        <div style={{ padding: 12 }}>
          <SearchBar placeholder={chooser.searchPlaceholder} value={search} onChange={setSearch} />
        </div>
        {chooser.groups(search).map((group, i) => (
          <List key={group.title ?? i} header={group.title}>
            {group.choices.map((c) => (
              <List.Item
                key={c.key}
                prefix={c.prefix}
                description={c.description}
                onClick={() => {
                  setChoice(c.value);
                  setChoosing(false);
                }}
              >
                {c.title}
              </List.Item>
            ))}
          </List>
        ))}
      </Popup>
    </div>
  );
}
