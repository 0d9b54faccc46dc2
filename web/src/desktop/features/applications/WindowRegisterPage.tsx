/**
 * 窗口登记 (一窗受理, issue #13 §3): the window registers a walk-in's application. Find the applicant
 * by ID card or business licence (or register them from it), with the agent and the authorisations
 * the window must see; choose the item; fill the same form engine the citizen uses; scan and upload
 * each material; submit — or 即办 for an item promised at once. Then on to the application's page
 * in the window queue (/service-desk/applications/:id).
 */
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Form,
  Input,
  Segmented,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { idempotencyKey, isApiError } from '../../../shared/api.js';
import { errorMessage } from '../../../shared/labels.js';
import { DesktopForm } from '../../../shared/form/DesktopForm.js';
import { formModel } from '../../../shared/form/model.js';
import { prefilledValues, profileOf } from '../../../shared/form/prefill.js';
import { useFormState } from '../../../shared/form/useFormState.js';
import { creditCodeProblem, idNumberProblem } from '../../../shared/form/codes.js';
import { todayInChina } from '../../../shared/form/useFormState.js';
import { fileProblem, missingMaterials, uploadable } from '../../../shared/applications/materials.js';
import { appMessages } from '../../../shared/applications/messages.js';
import {
  windowApi,
  type ItemHit,
  type WindowApplicant,
  type WindowAuthorisation,
  type WindowLegalPerson,
  type WindowPerson,
} from '../../../shared/applications/staff-api.js';
import type { ServiceItem } from '../../../shared/applications/types.js';
import type { MaterialSlot } from '../../../shared/applications/useApply.js';
import { materialErrorsOf } from '../../../shared/applications/useApply.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { MaterialRow } from './Materials.js';
import { wm } from './window-messages.js';

const KINDS = ['enterprise', 'individual_business', 'social_organization', 'public_institution'] as const;

/** Find a person by ID number, or register them from the card. */
function PersonFinder({
  label,
  person,
  onPerson,
}: {
  label: string;
  person: WindowPerson | null;
  onPerson: (p: WindowPerson | null) => void;
}) {
  const t = wm.useT();
  const [idNumber, setIdNumber] = useState('');
  const [notFound, setNotFound] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ realName: string; phone?: string }>();
  if (person)
    return (
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
        <Descriptions.Item label={t('name')}>{person.realName}</Descriptions.Item>
        <Descriptions.Item label={t('idNumber')}>{person.idNumber}</Descriptions.Item>
        <Descriptions.Item label={t('identityLevel')}>
          {person.identityLevelName}
          <Button type="link" size="small" onClick={() => onPerson(null)}>
            {t('change')}
          </Button>
        </Descriptions.Item>
      </Descriptions>
    );
  return (
    <div>
      <Space wrap>
        <Input
          aria-label={`${label}${t('idNumber')}`}
          placeholder={t('idNumberPlaceholder')}
          value={idNumber}
          maxLength={18}
          onChange={(e) => (
            setIdNumber(e.target.value.trim().toUpperCase()),
            setError(null),
            setNotFound(false)
          )}
          style={{ width: 260 }}
          status={error ? 'error' : undefined}
        />
        <Button
          loading={busy}
          onClick={async () => {
            const problem = idNumberProblem(idNumber, todayInChina());
            if (problem) {
              setError(t(problem === 'check' ? 'idCheck' : 'idShape'));
              return;
            }
            setBusy(true);
            try {
              const found = await windowApi.findPerson(idNumber);
              if (found.persons[0]) onPerson(found.persons[0]);
              else setNotFound(true);
            } catch (e) {
              setError(errorMessage(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('find')}
        </Button>
      </Space>
      {error ? (
        <div className="sz-material-error" role="alert">
          {error}
        </div>
      ) : null}
      {notFound ? (
        <Card size="small" style={{ marginTop: 12 }} title={t('notFoundPerson')}>
          <Form
            form={form}
            layout="inline"
            onFinish={async (v) => {
              setBusy(true);
              try {
                const r = await windowApi.registerPerson({
                  realName: v.realName.trim(),
                  idNumber,
                  phone: v.phone?.trim() || null,
                });
                onPerson(r.person);
              } catch (e) {
                setError(
                  isApiError(e) && e.errors[0] ? e.errors.map((x) => x.reason).join('；') : errorMessage(e),
                );
              } finally {
                setBusy(false);
              }
            }}
          >
            <Form.Item
              name="realName"
              label={t('name')}
              rules={[{ required: true, message: t('nameRequired') }]}
            >
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t('phone')}
              rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('phoneInvalid') }]}
            >
              <Input maxLength={11} inputMode="tel" />
            </Form.Item>
            <Button htmlType="submit" type="primary" loading={busy}>
              {t('registerPerson')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}

/** Find a company by credit code, or register it from the licence. */
function CompanyFinder({
  company,
  onCompany,
}: {
  company: WindowLegalPerson | null;
  onCompany: (c: WindowLegalPerson | null) => void;
}) {
  const t = wm.useT();
  const [code, setCode] = useState('');
  const [notFound, setNotFound] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (company)
    return (
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('companyName')}>{company.name}</Descriptions.Item>
        <Descriptions.Item label={t('creditCode')}>{company.creditCode}</Descriptions.Item>
        <Descriptions.Item label={t('companyKind')}>{company.kindName}</Descriptions.Item>
        <Descriptions.Item label={t('representative')}>
          {company.representativeName}
          <Button type="link" size="small" onClick={() => onCompany(null)}>
            {t('change')}
          </Button>
        </Descriptions.Item>
      </Descriptions>
    );
  return (
    <div>
      <Space wrap>
        <Input
          aria-label={t('creditCode')}
          placeholder={t('creditCodePlaceholder')}
          value={code}
          maxLength={18}
          onChange={(e) => (setCode(e.target.value.trim().toUpperCase()), setError(null), setNotFound(false))}
          style={{ width: 260 }}
          status={error ? 'error' : undefined}
        />
        <Button
          loading={busy}
          onClick={async () => {
            const problem = creditCodeProblem(code);
            if (problem) {
              setError(t(problem === 'check' ? 'creditCheck' : 'creditShape'));
              return;
            }
            setBusy(true);
            try {
              const found = await windowApi.findLegalPerson(code);
              if (found.legalPersons[0]) onCompany(found.legalPersons[0]);
              else setNotFound(true);
            } catch (e) {
              setError(errorMessage(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('find')}
        </Button>
      </Space>
      {error ? (
        <div className="sz-material-error" role="alert">
          {error}
        </div>
      ) : null}
      {notFound ? (
        <Card size="small" style={{ marginTop: 12 }} title={t('notFoundCompany')}>
          <Form
            layout="vertical"
            initialValues={{ kind: 'enterprise' }}
            onFinish={async (v: {
              name: string;
              kind: string;
              repName: string;
              repId: string;
              phone?: string;
            }) => {
              setBusy(true);
              setError(null);
              try {
                onCompany(
                  await windowApi.registerLegalPerson({
                    creditCode: code,
                    name: v.name.trim(),
                    kind: v.kind,
                    phone: v.phone?.trim() || null,
                    representative: { realName: v.repName.trim(), idNumber: v.repId.trim().toUpperCase() },
                  }),
                );
              } catch (e) {
                setError(
                  isApiError(e) && e.errors[0] ? e.errors.map((x) => x.reason).join('；') : errorMessage(e),
                );
              } finally {
                setBusy(false);
              }
            }}
          >
            <Space wrap align="start">
              <Form.Item
                name="name"
                label={t('companyName')}
                rules={[{ required: true, message: t('companyNameRequired') }]}
              >
                <Input maxLength={200} style={{ width: 280 }} />
              </Form.Item>
              <Form.Item name="kind" label={t('companyKind')}>
                <Select
                  style={{ width: 160 }}
                  options={KINDS.map((k) => ({ value: k, label: t(`kind_${k}`) }))}
                />
              </Form.Item>
              <Form.Item
                name="repName"
                label={t('representative')}
                rules={[{ required: true, message: t('nameRequired') }]}
              >
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item
                name="repId"
                label={t('representativeId')}
                rules={[
                  {
                    validator: (_, v: string | undefined) =>
                      v && !idNumberProblem(v.trim().toUpperCase(), todayInChina())
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('idShape'))),
                  },
                ]}
              >
                <Input maxLength={18} style={{ width: 220 }} />
              </Form.Item>
            </Space>
            <Button htmlType="submit" type="primary" loading={busy}>
              {t('registerCompany')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}

/** The authorisations the window must see; a paper one is recorded here with its scan. */
function Authorisations({
  of,
  agentId,
  itemId,
}: {
  of: WindowApplicant | null;
  agentId: number | null;
  itemId: number | null;
}) {
  const t = wm.useT();
  const [rows, setRows] = useState<WindowAuthorisation[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const [scan, setScan] = useState<{ fileId: string; name: string } | null>(null);
  const [validTo, setValidTo] = useState('');
  const [paperError, setPaperError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const scanInput = useRef<HTMLInputElement>(null);
  const key = of ? JSON.stringify(of) : '';
  useEffect(() => {
    if (!of) return;
    let live = true;
    windowApi
      .authorisations(of)
      .then((r) => live && setRows(r.items))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);
  if (!of) return null;
  if (error) return <Alert type="error" showIcon message={errorMessage(error)} />;
  const shown = (rows ?? []).filter((a) => agentId === null || a.agent.citizenId === agentId);
  const covering = shown.some(
    (a) => a.state === 'active' && (a.allItems || (itemId !== null && a.itemIds.includes(itemId))),
  );
  const record = async () => {
    setPaperError(null);
    if (!scan) return setPaperError(t('paperScanMissing'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(validTo) || validTo < todayInChina())
      return setPaperError(t('paperValidToInvalid'));
    setBusy(true);
    try {
      await windowApi.recordAuthorisation({
        principal: of,
        agentCitizenId: agentId!,
        kind: 'entrust',
        allItems: itemId === null,
        itemIds: itemId === null ? [] : [itemId],
        validFrom: todayInChina(),
        validTo,
        documentFileId: scan.fileId,
      });
      setScan(null);
      setGeneration((g) => g + 1);
    } catch (e) {
      setPaperError(
        isApiError(e) && e.errors[0] ? e.errors.map((x) => x.reason).join('；') : errorMessage(e),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ marginTop: 12 }}>
      <Typography.Text strong>{t('authorisations')}</Typography.Text>
      <Table<WindowAuthorisation>
        size="small"
        rowKey="id"
        loading={rows === null}
        dataSource={shown}
        pagination={false}
        style={{ marginTop: 8 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noAuthorisations')} />,
        }}
        columns={[
          { title: t('agentName'), render: (_: unknown, a) => a.agent.name },
          { title: t('authKind'), dataIndex: 'kindName' },
          {
            title: t('authScope'),
            render: (_: unknown, a) => (a.allItems ? t('allItems') : t('someItems', { n: a.itemIds.length })),
          },
          { title: t('validity'), render: (_: unknown, a) => `${a.validFrom} ~ ${a.validTo}` },
          {
            title: t('authState'),
            render: (_: unknown, a) => (
              <Tag color={a.state === 'active' ? 'green' : 'default'}>{a.stateName}</Tag>
            ),
          },
        ]}
      />
      {agentId !== null && rows !== null && !covering ? (
        <Card size="small" style={{ marginTop: 8 }} title={t('noAuthorisation')}>
          <Space wrap>
            <input
              ref={scanInput}
              type="file"
              hidden
              accept="application/pdf,image/jpeg,image/png"
              aria-label={t('paperScan')}
              onChange={async (e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                const problem = fileProblem(file);
                if (problem)
                  return setPaperError(problem.kind === 'type' ? t('paperScanType') : t('paperScanSize'));
                try {
                  const stored = await windowApi.upload(file);
                  setScan({ fileId: stored.id, name: file.name });
                } catch (err) {
                  setPaperError(errorMessage(err));
                }
              }}
            />
            <Button onClick={() => scanInput.current?.click()}>{scan ? scan.name : t('paperScan')}</Button>
            <Input
              aria-label={t('paperValidTo')}
              placeholder={t('paperValidTo')}
              value={validTo}
              onChange={(e) => setValidTo(e.target.value.trim())}
              style={{ width: 200 }}
            />
            <Button type="primary" loading={busy} onClick={() => void record()}>
              {t('paperRecord')}
            </Button>
          </Space>
          {paperError ? (
            <div className="sz-material-error" role="alert">
              {paperError}
            </div>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}

export function WindowRegisterPage() {
  const t = wm.useT();
  const ta = appMessages.useT();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [subject, setSubject] = useState<'person' | 'legal_person'>('person');
  const [person, setPerson] = useState<WindowPerson | null>(null);
  const [company, setCompany] = useState<WindowLegalPerson | null>(null);
  const [withAgent, setWithAgent] = useState(false);
  const [agent, setAgent] = useState<WindowPerson | null>(null);
  const [hits, setHits] = useState<ItemHit[]>([]);
  const [item, setItem] = useState<ServiceItem | null>(null);
  const [itemError, setItemError] = useState<unknown>(null);
  const [slots, setSlots] = useState<Record<string, MaterialSlot>>({});
  const [materialErrors, setMaterialErrors] = useState<Record<string, string>>({});
  const [instant, setInstant] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const key = useRef(idempotencyKey());
  const model = useMemo(
    () => (item ? formModel(item.form) : formModel({ schema: {}, layout: { sections: [], fields: {} } })),
    [item],
  );
  const form = useFormState(model);
  const [prefilled, setPrefilled] = useState<string[]>([]);

  useEffect(() => {
    document.title = `${t('title')} - 数治`;
  }, [t]);

  const applicant: WindowApplicant | null =
    subject === 'person'
      ? person
        ? { citizenId: person.citizenId }
        : null
      : company
        ? { legalPersonId: company.id }
        : null;
  // A company always acts through a person at the counter (its representative or an agent).
  const needsAgent = withAgent || subject === 'legal_person';
  // The form's person is who stands at the window: the agent when there is one.
  const actor = needsAgent ? agent : person;
  const reset = form.reset;
  useEffect(() => {
    if (!item) return;
    const { values, filled } = prefilledValues(
      model,
      {},
      profileOf(
        actor
          ? { name: actor.realName, idNumber: actor.idNumber, phone: actor.phone }
          : company
            ? {
                name: company.representativeName,
                idNumber: company.representativeIdNumber,
                phone: company.phone,
              }
            : null,
        company
          ? { name: company.name, creditCode: company.creditCode, representative: company.representativeName }
          : null,
      ),
    );
    reset(values);
    setPrefilled(filled);
  }, [item, model, actor, company, reset]);

  const requirements = uploadable(item?.guide.materials ?? []);
  const step = !applicant ? 0 : !item ? 1 : 2;

  const upload = async (k: string, file: File) => {
    const problem = fileProblem(file);
    if (problem) {
      setSlots((s) => ({
        ...s,
        [k]: {
          fileId: null,
          fileName: null,
          uploading: false,
          error:
            problem.kind === 'type'
              ? ta('fileTypeRefused', { name: file.name })
              : ta('fileTooLarge', { name: file.name, size: problem.size }),
        },
      }));
      return;
    }
    setSlots((s) => ({ ...s, [k]: { fileId: null, fileName: file.name, uploading: true, error: null } }));
    setMaterialErrors(({ [k]: _gone, ...rest }) => rest);
    try {
      const stored = await windowApi.upload(file);
      setSlots((s) => ({
        ...s,
        [k]: { fileId: stored.id, fileName: file.name, uploading: false, error: null },
      }));
    } catch (e) {
      setSlots((s) => ({
        ...s,
        [k]: {
          fileId: null,
          fileName: null,
          uploading: false,
          error: ta('fileRefused', { name: file.name, reason: errorMessage(e) }),
        },
      }));
    }
  };

  const submit = async () => {
    if (!item || !applicant) return;
    setProblems([]);
    if (needsAgent && !agent) {
      setProblems([t('agentMissing')]);
      return;
    }
    const ok = form.check();
    const missing = missingMaterials(requirements, slots as Record<string, { fileId: string }>);
    setMaterialErrors(
      Object.fromEntries(missing.map((r) => [r.key, ta('materialMissing', { name: r.name })])),
    );
    if (!ok || missing.length > 0) {
      setProblems([ta('fixErrors')]);
      return;
    }
    const materials = requirements.flatMap((r) =>
      slots[r.key]?.fileId ? [{ key: r.key, fileId: slots[r.key]!.fileId! }] : [],
    );
    setBusy(true);
    try {
      const app = await windowApi.register(
        {
          itemId: item.itemId,
          applicant,
          ...(needsAgent && agent ? { agent: { citizenId: agent.citizenId } } : {}),
          form: form.payload(),
          materials,
          ...(instant ? { instant: true } : {}),
        },
        key.current,
      );
      void message.success(t('registered', { number: app.number }));
      void navigate(`/service-desk/applications/${app.id}`);
    } catch (e) {
      if (isApiError(e) && e.errors.length > 0) {
        const rest = form.showServerErrors(e.errors);
        const m = materialErrorsOf(rest, materials, requirements);
        setMaterialErrors(m.byKey);
        setProblems([ta('fixErrors'), ...m.other.map((x) => x.reason)]);
      } else setProblems([errorMessage(e)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('title')} />
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: t('stepApplicant') }, { title: t('stepItem') }, { title: t('stepForm') }]}
      />
      <Card title={t('stepApplicant')} style={{ marginBottom: 16 }}>
        <Segmented
          value={subject}
          onChange={(v) => (setSubject(v as 'person' | 'legal_person'), setPerson(null), setCompany(null))}
          options={[
            { value: 'person', label: t('subjectPerson') },
            { value: 'legal_person', label: t('subjectCompany') },
          ]}
          style={{ marginBottom: 12 }}
        />
        {subject === 'person' ? (
          <PersonFinder label={t('applicant')} person={person} onPerson={setPerson} />
        ) : (
          <CompanyFinder company={company} onCompany={setCompany} />
        )}
        <div style={{ marginTop: 16 }}>
          {subject === 'person' ? (
            <Checkbox checked={withAgent} onChange={(e) => (setWithAgent(e.target.checked), setAgent(null))}>
              {t('withAgent')}
            </Checkbox>
          ) : (
            <Typography.Text strong>{t('atCounter')}</Typography.Text>
          )}
          {needsAgent ? (
            <div style={{ marginTop: 8 }}>
              <PersonFinder label={t('agent')} person={agent} onPerson={setAgent} />
            </div>
          ) : null}
        </div>
        {needsAgent && agent ? (
          <Authorisations
            key={`${agent.citizenId}-${applicant ? JSON.stringify(applicant) : ''}`}
            of={applicant}
            agentId={agent.citizenId}
            itemId={item?.itemId ?? null}
          />
        ) : null}
      </Card>

      <Card title={t('stepItem')} style={{ marginBottom: 16 }}>
        <Select
          showSearch
          aria-label={t('chooseItem')}
          placeholder={t('chooseItem')}
          style={{ width: '100%', maxWidth: 560 }}
          filterOption={false}
          onSearch={async (q) => {
            if (!q.trim()) return;
            try {
              setHits((await windowApi.searchItems(q.trim())).items.filter((h) => h.applicable));
            } catch (e) {
              setItemError(e);
            }
          }}
          onChange={async (id: number) => {
            setItemError(null);
            setSlots({});
            setInstant(false);
            try {
              setItem(await windowApi.item(id));
            } catch (e) {
              setItemError(e);
            }
          }}
          options={hits.map((h) => ({ value: h.itemId, label: `${h.name}（${h.departmentName}）` }))}
          notFoundContent={t('typeToSearch')}
        />
        {itemError ? (
          <Alert type="error" showIcon message={errorMessage(itemError)} style={{ marginTop: 8 }} />
        ) : null}
        {item ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {item.department.name} ·{' '}
            {item.guide.promisedDays === 0
              ? t('instantItem')
              : t('promised', { days: item.guide.promisedDays })}
          </Typography.Paragraph>
        ) : null}
      </Card>

      {item ? (
        <div className="sz-portal-columns">
          <Card title={t('stepForm')}>
            <DesktopForm
              model={model}
              state={form}
              prefilled={prefilled}
              prefilledNote={t('prefilled')}
              idPrefix="window"
            />
          </Card>
          <div>
            <Card title={t('scanMaterials')} style={{ marginBottom: 16 }}>
              <Typography.Paragraph type="secondary">{ta('materialHint')}</Typography.Paragraph>
              {requirements.map((r) => (
                <MaterialRow
                  key={r.key}
                  requirement={r}
                  slot={slots[r.key]}
                  error={materialErrors[r.key]}
                  onFile={(f) => void upload(r.key, f)}
                  onRemove={() => setSlots(({ [r.key]: _x, ...rest }) => rest)}
                />
              ))}
            </Card>
            {item.guide.promisedDays === 0 ? (
              <Checkbox
                checked={instant}
                onChange={(e) => setInstant(e.target.checked)}
                style={{ marginBottom: 12 }}
              >
                {t('instant')}
              </Checkbox>
            ) : null}
            {problems.length > 0 ? (
              <Alert
                type="error"
                showIcon
                role="alert"
                style={{ marginBottom: 12 }}
                message={problems[0]}
                description={problems.slice(1).join('；') || undefined}
              />
            ) : null}
            <div>
              <Button type="primary" onClick={() => void submit()} loading={busy} disabled={!applicant}>
                {instant ? t('submitInstant') : t('submit')}
              </Button>
            </div>
          </div>
        </div>
      ) : null}
    </>
  );
}
