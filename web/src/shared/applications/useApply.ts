/**
 * The online application as one flow both portals draw (desktop antd, phone antd-mobile): load
 * the item and the applicant, choose 本人 or 代为办理, fill the form (pre-filled), upload a file per
 * material requirement, save a draft, submit. Everything that is not drawing lives here, so the
 * two pages cannot drift apart.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { idempotencyKey, isApiError, type FieldError } from '../api.js';
import { errorMessage } from '../labels.js';
import { formModel, type FormModel } from '../form/model.js';
import { prefilledValues, profileOf, type PrefillProfile } from '../form/prefill.js';
import { useFormState, type FormState } from '../form/useFormState.js';
import { citizenApplications as api, type MaterialRef } from './citizen-api.js';
import { fileProblem, missingMaterials, uploadable } from './materials.js';
import { appMessages } from './messages.js';
import type {
  ApplicantProfile,
  Application,
  Authorisation,
  MaterialRequirement,
  OnBehalfOf,
  ServiceItem,
} from './types.js';

export interface MaterialSlot {
  fileId: string | null;
  fileName: string | null;
  uploading: boolean;
  error: string | null;
}

export interface Principal {
  /** `person:12` or `legal:3`: a stable key for a select. */
  key: string;
  label: string;
  onBehalfOf: OnBehalfOf;
  kind: 'person' | 'legal_person';
}

/** The principals a citizen may apply for: active authorisations received, and companies they represent. */
export function principalsOf(
  profile: ApplicantProfile | null,
  received: readonly Authorisation[],
  itemId: number,
): Principal[] {
  const out = new Map<string, Principal>();
  for (const link of profile?.legalPersons ?? []) {
    out.set(`legal:${link.legalPersonId}`, {
      key: `legal:${link.legalPersonId}`,
      label: appMessages.t('principalCompany', { name: link.legalPersonName, code: link.creditCode }),
      onBehalfOf: { legalPersonId: link.legalPersonId },
      kind: 'legal_person',
    });
  }
  for (const a of received) {
    if (a.state !== 'active' || (!a.allItems && !a.itemIds.includes(itemId))) continue;
    const p = a.principal;
    if (p.kind === 'legal_person')
      out.set(`legal:${p.legalPersonId}`, {
        key: `legal:${p.legalPersonId}`,
        label: appMessages.t('principalCompany', { name: p.name, code: p.creditCode }),
        onBehalfOf: { legalPersonId: p.legalPersonId },
        kind: 'legal_person',
      });
    else
      out.set(`person:${p.citizenId}`, {
        key: `person:${p.citizenId}`,
        label: appMessages.t('principalPerson', { name: p.name ?? '' }),
        onBehalfOf: { citizenId: p.citizenId },
        kind: 'person',
      });
  }
  return [...out.values()];
}

/** Material errors of the server (`/materials/<i>/…`, `body.materials.<i>…`) by requirement key. */
export function materialErrorsOf(
  errors: readonly FieldError[],
  sent: readonly MaterialRef[],
  requirements: readonly MaterialRequirement[],
) {
  const byKey: Record<string, string> = {};
  const other: FieldError[] = [];
  for (const e of errors) {
    const index = /^(?:\/materials\/|(?:body\.)?materials\.)(\d+)/.exec(e.field);
    const named = /^(?:\/materials\/|(?:body\.)?materials\.)([a-z][a-z0-9_]*)/.exec(e.field);
    const key = index
      ? sent[Number(index[1])]?.key
      : named
        ? named[1]
        : /^(?:\/materials|(?:body\.)?materials)$/.test(e.field)
          ? /“?([a-z][a-z0-9_]+)”?/.exec(e.reason)?.[1]
          : undefined;
    const requirement = key ? requirements.find((r) => r.key === key) : undefined;
    if (requirement) byKey[requirement.key] ??= e.reason;
    else other.push(e);
  }
  return { byKey, other };
}

export interface ApplyFlow {
  loading: boolean;
  /** A failure to load (not logged in: `status` 401). */
  loadError: unknown;
  item: ServiceItem | null;
  model: FormModel | null;
  profile: ApplicantProfile | null;
  form: FormState;
  prefilled: string[];
  requirements: MaterialRequirement[];
  slots: Record<string, MaterialSlot>;
  materialErrors: Record<string, string>;
  principals: Principal[];
  as: 'self' | 'agent';
  setAs: (as: 'self' | 'agent') => void;
  principal: string | null;
  setPrincipal: (key: string | null) => void;
  principalError: string | null;
  application: Application | null;
  busy: boolean;
  /** Sentences for above the form (server errors that name no field). */
  problems: string[];
  upload: (key: string, file: File) => Promise<void>;
  remove: (key: string) => void;
  saveDraft: () => Promise<Application | null>;
  submit: () => Promise<Application | null>;
  reload: () => void;
}

export function useApplyFlow(itemId: string, applicationId: string | null): ApplyFlow {
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [item, setItem] = useState<ServiceItem | null>(null);
  const [profile, setProfile] = useState<ApplicantProfile | null>(null);
  const [received, setReceived] = useState<Authorisation[]>([]);
  const [application, setApplication] = useState<Application | null>(null);
  const [slots, setSlots] = useState<Record<string, MaterialSlot>>({});
  const [materialErrors, setMaterialErrors] = useState<Record<string, string>>({});
  const [as, setAsState] = useState<'self' | 'agent'>('self');
  const [principal, setPrincipalState] = useState<string | null>(null);
  const [principalError, setPrincipalError] = useState<string | null>(null);
  const [prefilled, setPrefilled] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [generation, setGeneration] = useState(0);
  const createKey = useRef<string | null>(null);

  const model = useMemo(() => (item ? formModel(item.form, '其他信息') : null), [item]);
  const emptyModel = useMemo(() => formModel({ schema: {}, layout: { sections: [], fields: {} } }), []);
  const form = useFormState(model ?? emptyModel);
  const requirements = useMemo(() => uploadable(item?.guide.materials ?? []), [item]);
  const principals = useMemo(
    () => (item ? principalsOf(profile, received, item.itemId) : []),
    [item, profile, received],
  );
  const reset = form.reset;

  useEffect(() => {
    let live = true;
    setLoading(true);
    setLoadError(null);
    (async () => {
      const [loadedItem, loadedProfile, auths, existing] = await Promise.all([
        api.item(itemId),
        api.profile(),
        api.authorisations().catch(() => ({ granted: [], received: [] })),
        applicationId ? api.get(applicationId) : Promise.resolve(null),
      ]);
      if (!live) return;
      setItem(loadedItem);
      setProfile(loadedProfile);
      setReceived(auths.received);
      setApplication(existing);
      if (existing) {
        const next: Record<string, MaterialSlot> = {};
        for (const m of existing.materials)
          if (m.fileId)
            next[m.key] = { fileId: m.fileId, fileName: m.fileName, uploading: false, error: null };
        setSlots(next);
      }
      createKey.current = idempotencyKey();
    })()
      .catch((error: unknown) => live && setLoadError(error))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [itemId, applicationId, generation]);

  const onBehalfOf = useMemo(
    () => (as === 'agent' ? principals.find((p) => p.key === principal)?.onBehalfOf : undefined),
    [as, principal, principals],
  );

  // Pre-fill whenever the form or the principal changes: the server's pre-fill first (it holds the
  // unmasked numbers), the profile's names otherwise.
  useEffect(() => {
    if (!model || !item || !profile) return;
    let live = true;
    const person = profile.person;
    const company =
      onBehalfOf && 'legalPersonId' in onBehalfOf
        ? profile.legalPersons.find((l) => l.legalPersonId === onBehalfOf.legalPersonId)
        : undefined;
    const local: PrefillProfile = profileOf(
      { name: person.realName, idNumber: person.idNumber, phone: person.phone },
      company ? { name: company.legalPersonName, creditCode: company.creditCode } : null,
    );
    void api
      .prefill(item.itemId, onBehalfOf)
      .then((r) => r.values)
      .catch((): Record<string, unknown> => ({}))
      .then((server) => {
        if (!live) return;
        const base = { ...(application?.form ?? {}) };
        const fromServer = prefilledValues(model, base, {});
        const values = { ...fromServer.values };
        const filled: string[] = [];
        for (const f of model.fields) {
          const v = server[f.name];
          if (
            (values[f.name] === undefined || values[f.name] === '') &&
            v !== undefined &&
            v !== null &&
            v !== ''
          ) {
            values[f.name] = v;
            filled.push(f.name);
          }
        }
        const rest = prefilledValues(model, values, local);
        reset(rest.values);
        setPrefilled([...filled, ...rest.filled]);
      });
    return () => {
      live = false;
    };
  }, [model, item, profile, application, onBehalfOf, reset]);

  const materialRefs = useCallback(
    (): MaterialRef[] =>
      requirements.flatMap((r) => {
        const id = slots[r.key]?.fileId;
        return id ? [{ key: r.key, fileId: id }] : [];
      }),
    [requirements, slots],
  );

  const upload = useCallback(async (key: string, file: File) => {
    const problem = fileProblem(file);
    if (problem) {
      setSlots((s) => ({
        ...s,
        [key]: {
          fileId: s[key]?.fileId ?? null,
          fileName: s[key]?.fileName ?? null,
          uploading: false,
          error:
            problem.kind === 'type'
              ? appMessages.t('fileTypeRefused', { name: file.name })
              : appMessages.t('fileTooLarge', { name: file.name, size: problem.size }),
        },
      }));
      return;
    }
    setSlots((s) => ({ ...s, [key]: { fileId: null, fileName: file.name, uploading: true, error: null } }));
    setMaterialErrors(({ [key]: _gone, ...rest }) => rest);
    try {
      const stored = await api.upload(file);
      setSlots((s) => ({
        ...s,
        [key]: { fileId: stored.id, fileName: file.name, uploading: false, error: null },
      }));
    } catch (error) {
      setSlots((s) => ({
        ...s,
        [key]: {
          fileId: null,
          fileName: null,
          uploading: false,
          error: appMessages.t('fileRefused', { name: file.name, reason: errorMessage(error) }),
        },
      }));
    }
  }, []);

  const remove = useCallback((key: string) => {
    setSlots(({ [key]: _gone, ...rest }) => rest);
  }, []);

  const setAs = useCallback((next: 'self' | 'agent') => {
    setAsState(next);
    setPrincipalError(null);
  }, []);
  const setPrincipal = useCallback((key: string | null) => {
    setPrincipalState(key);
    setPrincipalError(null);
  }, []);

  const refused = useCallback(
    (error: unknown, sent: MaterialRef[]) => {
      if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
        setProblems([appMessages.t('changedElsewhere')]);
        setGeneration((g) => g + 1);
        return;
      }
      if (isApiError(error) && error.errors.length > 0) {
        const rest = form.showServerErrors(error.errors);
        const materials = materialErrorsOf(rest, sent, requirements);
        setMaterialErrors(materials.byKey);
        const principalProblem = materials.other.find((e) => /onBehalfOf/.test(e.field));
        if (principalProblem) setPrincipalError(principalProblem.reason);
        const other = materials.other.filter((e) => e !== principalProblem);
        setProblems([appMessages.t('fixErrors'), ...other.map((e) => e.reason)]);
        return;
      }
      setProblems([errorMessage(error)]);
    },
    [form, requirements],
  );

  const send = useCallback(
    async (submit: boolean): Promise<Application | null> => {
      if (!item || busy) return null;
      setProblems([]);
      setMaterialErrors({});
      if (as === 'agent' && !onBehalfOf) {
        setPrincipalError(appMessages.t('choosePrincipal'));
        return null;
      }
      const formOk = form.check(!submit);
      let missing: MaterialRequirement[] = [];
      if (submit) {
        missing = missingMaterials(requirements, slots as Record<string, { fileId: string }>);
        setMaterialErrors(
          Object.fromEntries(missing.map((r) => [r.key, appMessages.t('materialMissing', { name: r.name })])),
        );
      }
      if (!formOk || missing.length > 0) {
        setProblems([appMessages.t('fixErrors')]);
        return null;
      }
      const materials = materialRefs();
      setBusy(true);
      try {
        let result: Application;
        if (application) {
          result = await api.update(application.id, {
            form: form.payload(),
            materials,
            version: application.version,
          });
          if (submit) result = await api.submit(result.id, result.version);
        } else {
          createKey.current ??= idempotencyKey();
          result = await api.create(
            {
              itemId: item.itemId,
              ...(onBehalfOf ? { onBehalfOf } : {}),
              form: form.payload(),
              materials,
              submit,
            },
            createKey.current,
          );
          createKey.current = null;
        }
        setApplication(result);
        return result;
      } catch (error) {
        refused(error, materials);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [item, busy, as, onBehalfOf, form, requirements, slots, materialRefs, application, refused],
  );

  return {
    loading,
    loadError,
    item,
    model,
    profile,
    form,
    prefilled,
    requirements,
    slots,
    materialErrors,
    principals,
    as,
    setAs,
    principal,
    setPrincipal,
    principalError,
    application,
    busy,
    problems,
    upload,
    remove,
    saveDraft: () => send(false),
    submit: () => send(true),
    reload: () => setGeneration((g) => g + 1),
  };
}
