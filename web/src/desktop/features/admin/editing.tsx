/**
 * What every admin editor shares: a modal form that sends, shows the server's field errors next to
 * their fields (problem+json `errors[].field`), and turns a stale version (409) into "someone else
 * changed this: reload" with a button that reloads the record.
 */
import { useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Form, Modal, type FormInstance } from 'antd';
import { LoadingOutlined } from '@ant-design/icons';
import { isApiError } from '../../../shared/api.js';
import { errorMessage } from '../../../shared/labels.js';
import { useLang } from '../../../shared/i18n.js';
import { m } from '../../messages.js';
import { adm } from './messages.js';

/**
 * Puts the server's field errors on the form's fields; returns those no field of the form shows.
 * An error goes to the deepest field whose name starts its path: `responsibilities.2.classCodePrefix`
 * to that row's input, `regionCodes.0` (one tag of a tags select) to the regionCodes field.
 */
export function applyServerErrors(form: FormInstance, error: unknown): string[] {
  if (!isApiError(error)) return [];
  const registered = form.getFieldsError().map((f) => f.name.map(String));
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const other: string[] = [];
  for (const [field, reason] of Object.entries(error.fieldErrors)) {
    const path = field.split(/[.[\]]+/).filter(Boolean);
    const target = registered
      .filter((name) => name.length <= path.length && name.every((part, i) => part === path[i]))
      .sort((a, b) => b.length - a.length)[0];
    if (!target) {
      other.push(`${field}: ${reason}`);
      continue;
    }
    const key = target.join('.');
    const entry = byField.get(key) ?? {
      name: target.map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      errors: [],
    };
    entry.errors.push(reason);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return other;
}

export function isConflict(error: unknown): boolean {
  return isApiError(error) && error.code === 'VERSION_CONFLICT';
}

/** The error above a form: conflicts with a reload button, others with the server's field-less reasons. */
export function FormError({
  error,
  rest,
  onReload,
  fieldsShown,
}: {
  error: unknown;
  rest?: string[];
  onReload?: () => void;
  /** Fields of the form already show the reasons: say only what went wrong. */
  fieldsShown?: boolean;
}) {
  const t = adm.useT();
  const [lang] = useLang();
  if (!error) return null;
  if (isConflict(error)) {
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        style={{ marginBottom: 12 }}
        message={t('conflict')}
        action={
          onReload ? (
            <Button size="small" onClick={onReload}>
              {t('reload')}
            </Button>
          ) : undefined
        }
      />
    );
  }
  const detail = isApiError(error) && error.detail && !rest?.length && !fieldsShown ? error.detail : null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 12 }}
      message={errorMessage(error, lang)}
      description={
        rest && rest.length > 0 ? (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {rest.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : (
          detail
        )
      }
    />
  );
}

/** Puts a refusal's field errors on the form; returns the reasons no field shows. */
export type PlaceErrors = (form: FormInstance, error: unknown) => string[];

/**
 * Sending a form: `submit(send)` validates it (antd shows its own messages at the fields), sends
 * the values, and on a refusal puts the server's field errors at their fields and keeps the rest
 * for `FormError`. A second submit while one is under way is ignored. Resolves true when sent.
 */
export function useFormSubmit<V>(form: FormInstance<V>, placeErrors: PlaceErrors = applyServerErrors) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [rest, setRest] = useState<string[]>([]);
  // Set at once, not after a render: a second click while the first is still validating must not
  // send the record twice.
  const sending = useRef(false);

  const clear = () => {
    setError(null);
    setRest([]);
  };

  async function submit(send: (values: V) => Promise<unknown>): Promise<boolean> {
    if (sending.current) return false;
    sending.current = true;
    setBusy(true);
    try {
      let values: V;
      try {
        values = await form.validateFields();
      } catch {
        return false; // antd shows the client-side errors next to the fields.
      }
      clear();
      try {
        await send(values);
        return true;
      } catch (e) {
        setError(e);
        setRest(placeErrors(form, e));
        return false;
      }
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  return { busy, error, rest, submit, clear, setError };
}

/**
 * A modal editor. `onSubmit` gets the validated values and sends them; on success the modal closes
 * and `onSaved` runs, on failure the errors are shown in place and the modal stays open.
 */
export function EditModal<V extends object>({
  open,
  title,
  form,
  initialValues,
  onSubmit,
  onSaved,
  onClose,
  onReload,
  placeErrors,
  width,
  okText,
  children,
}: {
  open: boolean;
  title: ReactNode;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  onSubmit: (values: V) => Promise<unknown>;
  onSaved: () => void;
  onClose: () => void;
  /** Reload the record after a conflict (fresh version and values); a failure is shown in place. */
  onReload?: () => Promise<unknown> | undefined;
  /** Where the server's field errors go, when their paths are not the form's field names. */
  placeErrors?: PlaceErrors;
  width?: number;
  /** The confirming button's label; 保存 by default. */
  okText?: ReactNode;
  children: ReactNode;
}) {
  const tm = m.useT();
  const { busy, error, rest, submit, clear, setError } = useFormSubmit(form, placeErrors);
  // A fresh dialog starts without the last one's error. Cleared as it opens, not after its zoom-in
  // (`afterOpenChange`): under load a save can fail before the animation ends, and clearing then
  // wiped its only message, leaving a dialog that neither closed nor said why.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) clear();
  }

  return (
    <Modal
      open={open}
      title={title}
      width={width ?? 560}
      destroyOnHidden
      okText={okText ?? tm('save')}
      cancelText={tm('cancel')}
      // Our own spinner, not `confirmLoading`: antd's animates out and, when the save fails fast,
      // can stay collapsed in the button, which screen readers then announce as "loading 保 存".
      okButtonProps={{ loading: busy ? { icon: <LoadingOutlined /> } : false }}
      onOk={() =>
        void submit(async (values) => {
          await onSubmit(values);
          onSaved();
        })
      }
      onCancel={onClose}
    >
      <FormError
        error={error}
        rest={rest}
        fieldsShown={isApiError(error) && error.errors.length > rest.length}
        onReload={
          onReload
            ? () => {
                setError(null);
                // A reload that fails says so in the dialog, instead of leaving the conflict unanswered.
                void Promise.resolve(onReload()).catch((e: unknown) => setError(e));
              }
            : undefined
        }
      />
      <Form<V> form={form} layout="vertical" initialValues={initialValues} preserve={false}>
        {children}
      </Form>
    </Modal>
  );
}

/** `null` for an empty input (the API distinguishes "clear" from "leave"). */
export function orNull<T>(value: T | '' | undefined | null): T | null {
  return value === '' || value === undefined || value === null ? null : value;
}

/** "110101001, 110101002" → ["110101001", "110101002"]. */
export function splitCodes(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).filter(Boolean);
  if (typeof value !== 'string') return [];
  return value.split(/[\s,，;；]+/).filter(Boolean);
}
