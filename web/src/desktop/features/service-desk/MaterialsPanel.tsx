/**
 * The materials viewer of the window: the item version's requirement list (原件/复印件, copies,
 * required or conditional) beside what the applicant submitted, each material shown inline (PDF in
 * the browser's viewer, images as they are) and marked 合格 / 缺少 / 有误 with a note. The marks
 * are saved on the server (they feed the 一次性告知 list and are what the next clerk sees).
 */
import { useMemo, useState } from 'react';
import {
  App as AntApp,
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Input,
  List,
  Radio,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { FilePdfOutlined, FileImageOutlined, ExportOutlined } from '@ant-design/icons';
import { api } from '../../../shared/api.js';
import { errorMessage } from '../../../shared/labels.js';
import { useLang } from '../../../shared/i18n.js';
import { markLabels, sm } from './messages.js';
import {
  materialUrl,
  type Application,
  type MaterialMark,
  type MaterialView,
  type RequirementView,
  type VersionView,
} from './types.js';

interface Row {
  key: string;
  name: string;
  requirement: RequirementView | null;
  material: MaterialView | null;
}

interface Draft {
  mark: MaterialMark | null;
  note: string;
}

const MARK_COLORS: Record<MaterialMark, string> = { ok: 'green', missing: 'red', wrong: 'orange' };

export function MaterialsPanel({
  detail,
  version,
  editable,
  onSaved,
}: {
  detail: Application;
  version: VersionView | undefined;
  editable: boolean;
  onSaved: (updated: Application | null) => void;
}) {
  const t = sm.useT();
  const tmk = markLabels.useT();
  const [lang] = useLang();
  const { message } = AntApp.useApp();
  const rows = useMemo<Row[]>(() => {
    const requirements = version?.guide.materials ?? [];
    const out: Row[] = requirements.map((r) => ({
      key: r.key,
      name: r.name,
      requirement: r,
      material: detail.materials.find((mat) => mat.key === r.key) ?? null,
    }));
    for (const mat of detail.materials)
      if (!out.some((r) => r.key === mat.key))
        out.push({ key: mat.key, name: mat.name, requirement: null, material: mat });
    return out;
  }, [detail.materials, version]);
  const [selected, setSelected] = useState<string | null>(
    () => rows.find((r) => r.material?.fileId)?.key ?? null,
  );
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = rows.find((r) => r.key === selected) ?? null;

  const markOf = (row: Row): Draft =>
    drafts[row.key] ?? { mark: row.material?.mark ?? null, note: row.material?.note ?? '' };
  const dirty = Object.keys(drafts).length > 0;
  const missingNote = rows.some((row) => {
    const d = markOf(row);
    return (d.mark === 'missing' || d.mark === 'wrong') && !d.note.trim() && drafts[row.key];
  });

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const marks = Object.entries(drafts)
        .filter(([, d]) => d.mark)
        .map(([key, d]) => ({ key, mark: d.mark, note: d.note.trim() }));
      const updated = await api.post<Application | undefined>(`/applications/${detail.id}/material-marks`, {
        version: detail.version,
        marks,
      });
      setDrafts({});
      void message.success(t('marksSaved'));
      onSaved(updated && typeof updated === 'object' && 'id' in updated ? updated : null);
    } catch (e) {
      setError(errorMessage(e, lang));
    } finally {
      setBusy(false);
    }
  }

  const formName = (r: RequirementView) =>
    r.form === 'original' ? t('formOriginal') : r.form === 'copy' ? t('formCopy') : t('formElectronic');

  return (
    <Card
      title={t('materials')}
      size="small"
      extra={
        editable ? (
          <Space>
            {dirty && <Typography.Text type="warning">{t('marksUnsaved')}</Typography.Text>}
            <Button
              type="primary"
              size="small"
              disabled={!dirty || missingNote}
              loading={busy}
              onClick={() => void save()}
            >
              {t('saveMarks')}
            </Button>
          </Space>
        ) : null
      }
    >
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 8 }} />}
      <Row gutter={12}>
        <Col span={11}>
          <Typography.Text type="secondary">{t('requirements')}</Typography.Text>
          <List
            size="small"
            dataSource={rows}
            renderItem={(row) => {
              const d = markOf(row);
              const req = row.requirement;
              const file = row.material?.fileId ? row.material : null;
              return (
                <List.Item
                  data-testid={`material-${row.key}`}
                  style={{
                    display: 'block',
                    background: row.key === selected ? '#e6f0ff' : undefined,
                    paddingLeft: 8,
                    cursor: file ? 'pointer' : 'default',
                  }}
                  onClick={() => file && setSelected(row.key)}
                >
                  <Space size={4} wrap>
                    <Typography.Text strong>{row.name}</Typography.Text>
                    {req &&
                      (req.required ? (
                        <Tag color="blue">{t('requirementRequired')}</Tag>
                      ) : req.condition ? (
                        <Tag>{t('requirementConditional', { condition: req.condition })}</Tag>
                      ) : (
                        <Tag>{t('requirementOptional')}</Tag>
                      ))}
                    {req && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formName(req)} · {t('copies', { n: req.copies })}
                      </Typography.Text>
                    )}
                    {!editable && d.mark && <Tag color={MARK_COLORS[d.mark]}>{tmk(d.mark)}</Tag>}
                  </Space>
                  <div style={{ fontSize: 12, marginTop: 2 }}>
                    {file ? (
                      <Typography.Link onClick={() => setSelected(row.key)}>
                        {file.mediaType === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />}{' '}
                        {file.fileName ?? row.name}
                      </Typography.Link>
                    ) : req?.source === 'sharing' || req?.source === 'certificate' ? (
                      <Typography.Text type="secondary">
                        {t(req.source === 'sharing' ? 'bySharing' : 'byCertificate')}
                      </Typography.Text>
                    ) : (
                      <Typography.Text type="danger">{t('notUploaded')}</Typography.Text>
                    )}
                  </div>
                  {editable ? (
                    <div onClick={(e) => e.stopPropagation()} style={{ marginTop: 4 }}>
                      <Radio.Group
                        size="small"
                        optionType="button"
                        buttonStyle="solid"
                        aria-label={`${row.name} 审核`}
                        value={d.mark}
                        onChange={(e) =>
                          setDrafts((all) => ({
                            ...all,
                            [row.key]: { ...d, mark: e.target.value as MaterialMark },
                          }))
                        }
                        options={(['ok', 'missing', 'wrong'] as const).map((mk) => ({
                          value: mk,
                          label: tmk(mk),
                        }))}
                      />
                      {(d.mark === 'missing' || d.mark === 'wrong') && (
                        <Input
                          size="small"
                          style={{ marginTop: 4 }}
                          aria-label={`${row.name} ${t('markNote')}`}
                          placeholder={t('markNoteHint')}
                          status={drafts[row.key] && !d.note.trim() ? 'error' : undefined}
                          value={d.note}
                          maxLength={500}
                          onChange={(e) =>
                            setDrafts((all) => ({ ...all, [row.key]: { ...d, note: e.target.value } }))
                          }
                        />
                      )}
                    </div>
                  ) : (
                    d.note && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('markNote')}：{d.note}
                      </Typography.Text>
                    )
                  )}
                </List.Item>
              );
            }}
          />
        </Col>
        <Col span={13}>
          <Viewer material={current?.material ?? null} />
        </Col>
      </Row>
    </Card>
  );
}

function Viewer({ material }: { material: MaterialView | null }) {
  const t = sm.useT();
  const url = material ? materialUrl(material) : null;
  if (!material || !url) {
    return (
      <div
        style={{
          border: '1px solid #f0f0f0',
          borderRadius: 4,
          height: 520,
          display: 'grid',
          placeItems: 'center',
        }}
      >
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('previewPick')} />
      </div>
    );
  }
  const type = material.mediaType ?? '';
  return (
    <div>
      <Space style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 4 }}>
        <Typography.Text strong ellipsis style={{ maxWidth: 360 }}>
          {t('preview')} · {material.name}
        </Typography.Text>
        <Typography.Link href={url} target="_blank" rel="noopener">
          <ExportOutlined /> {t('openFile')}
        </Typography.Link>
      </Space>
      {type === 'application/pdf' ? (
        <iframe
          title={`${t('preview')} ${material.name}`}
          src={url}
          style={{ width: '100%', height: 520, border: '1px solid #f0f0f0', borderRadius: 4 }}
        />
      ) : type.startsWith('image/') ? (
        <div
          style={{
            height: 520,
            overflow: 'auto',
            border: '1px solid #f0f0f0',
            borderRadius: 4,
            textAlign: 'center',
          }}
        >
          <img src={url} alt={`${t('preview')} ${material.name}`} style={{ maxWidth: '100%' }} />
        </div>
      ) : (
        <Empty description={t('previewUnsupported')} />
      )}
    </div>
  );
}
