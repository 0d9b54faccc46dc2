/**
 * One application as its applicant follows it (desktop and phone): load, the one correction
 * (一次性告知 → upload a new file for each listed material, once), withdraw.
 */
import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '../api.js';
import { errorMessage } from '../labels.js';
import { citizenApplications as api } from './citizen-api.js';
import { fileProblem } from './materials.js';
import { appMessages } from './messages.js';
import type { Application } from './types.js';
import type { MaterialSlot } from './useApply.js';

export interface ApplicationView {
  app: Application | null;
  loading: boolean;
  error: unknown;
  reload: () => void;
  /** Files for the correction, by material key. */
  slots: Record<string, MaterialSlot>;
  upload: (key: string, file: File) => Promise<void>;
  /** The keys the correction asks for (items naming a material of the application). */
  correctionKeys: string[];
  correct: () => Promise<boolean>;
  withdraw: (reason: string) => Promise<boolean>;
  busy: boolean;
  problem: string | null;
}

export function useApplication(id: string): ApplicationView {
  const [app, setApp] = useState<Application | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const [slots, setSlots] = useState<Record<string, MaterialSlot>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api
      .get(id)
      .then((loaded) => {
        if (!live) return;
        setApp(loaded);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [id, generation]);

  const keys = new Set(app?.materials.map((m) => m.key) ?? []);
  const correctionKeys =
    app?.state === 'correction_requested'
      ? (app.correction?.items ?? []).flatMap((i) => {
          const key = i.key ?? app.materials.find((m) => m.name === i.name)?.key;
          return key && keys.has(key) ? [key] : [];
        })
      : [];

  const upload = useCallback(async (key: string, file: File) => {
    const found = fileProblem(file);
    if (found) {
      setSlots((s) => ({
        ...s,
        [key]: {
          fileId: null,
          fileName: null,
          uploading: false,
          error:
            found.kind === 'type'
              ? appMessages.t('fileTypeRefused', { name: file.name })
              : appMessages.t('fileTooLarge', { name: file.name, size: found.size }),
        },
      }));
      return;
    }
    setSlots((s) => ({ ...s, [key]: { fileId: null, fileName: file.name, uploading: true, error: null } }));
    try {
      const stored = await api.upload(file);
      setSlots((s) => ({
        ...s,
        [key]: { fileId: stored.id, fileName: file.name, uploading: false, error: null },
      }));
    } catch (e) {
      setSlots((s) => ({
        ...s,
        [key]: {
          fileId: null,
          fileName: null,
          uploading: false,
          error: appMessages.t('fileRefused', { name: file.name, reason: errorMessage(e) }),
        },
      }));
    }
  }, []);

  const failed = (e: unknown) => {
    if (isApiError(e) && e.code === 'VERSION_CONFLICT') {
      setProblem(appMessages.t('changedElsewhere'));
      setGeneration((g) => g + 1);
    } else
      setProblem(
        isApiError(e) && e.errors.length ? e.errors.map((x) => x.reason).join('；') : errorMessage(e),
      );
  };

  const correct = async () => {
    if (!app) return false;
    setProblem(null);
    const missing = correctionKeys.filter((k) => !slots[k]?.fileId);
    if (missing.length > 0) {
      setProblem(appMessages.t('correctionMissing'));
      return false;
    }
    setBusy(true);
    try {
      const materials = app.materials.flatMap((m) => {
        const fileId = slots[m.key]?.fileId ?? m.fileId;
        return fileId ? [{ key: m.key, fileId }] : [];
      });
      setApp(await api.correct(app.id, { materials, version: app.version }));
      setSlots({});
      return true;
    } catch (e) {
      failed(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async (reason: string) => {
    if (!app) return false;
    setProblem(null);
    setBusy(true);
    try {
      setApp(await api.withdraw(app.id, { reason, version: app.version }));
      return true;
    } catch (e) {
      failed(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return {
    app,
    loading,
    error,
    reload: () => setGeneration((g) => g + 1),
    slots,
    upload,
    correctionKeys,
    correct,
    withdraw,
    busy,
    problem,
  };
}
