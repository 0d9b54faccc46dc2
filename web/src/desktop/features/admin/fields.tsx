/**
 * The pieces the admin pages repeat: a record's 启用/停用 state (tag, column, switch field), the
 * buttons of a list (new, a row's edit and other actions), the search box, the class-kind and
 * standard selects, and a row action whose refusal is shown as a message.
 */
import { forwardRef } from 'react';
import {
  App as AntApp,
  Button,
  Form,
  Input,
  Select,
  Switch,
  Tag,
  type ButtonProps,
  type SelectProps,
} from 'antd';
import type { ColumnType } from 'antd/es/table';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { errorMessage, kindLabels } from '../../../shared/labels.js';
import { adm, STANDARDS } from './messages.js';

export function ActiveTag({ active }: { active: boolean }) {
  const t = adm.useT();
  return <Tag color={active ? 'green' : 'default'}>{active ? t('enabled') : t('disabled')}</Tag>;
}

/** The 状态 column of a list of records that can be switched off. */
export function activeColumn<T extends { active: boolean }>(title: string): ColumnType<T> {
  return { title, dataIndex: 'active', width: 80, render: (v: boolean) => <ActiveTag active={v} /> };
}

/** The 状态 switch of an editor (form field `active`). */
export function ActiveField() {
  const t = adm.useT();
  return (
    <Form.Item name="active" label={t('active')} valuePropName="checked">
      <Switch checkedChildren={t('enabled')} unCheckedChildren={t('disabled')} />
    </Form.Item>
  );
}

/** The page's button that opens the editor of a new record. */
export function NewButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={onClick}>
      {label}
    </Button>
  );
}

/**
 * A link button in a row; named after the row (`编辑 110101…`) when `row` is given, so a screen
 * reader, and a test, tells the rows' buttons apart. Forwards its ref and the props a wrapping
 * Popconfirm adds.
 */
export const RowAction = forwardRef<
  HTMLAnchorElement | HTMLButtonElement,
  Omit<ButtonProps, 'type' | 'children'> & { label: string; row?: string }
>(function RowAction({ label, row, ...button }, ref) {
  return (
    <Button ref={ref} type="link" aria-label={row === undefined ? undefined : `${label} ${row}`} {...button}>
      {label}
    </Button>
  );
});

export function EditButton({ row, onClick }: { row?: string; onClick: () => void }) {
  const t = adm.useT();
  return <RowAction icon={<EditOutlined />} label={t('edit')} row={row} onClick={onClick} />;
}

/** A search box (搜索) that filters a list when its search is run (Enter or the button). */
export function SearchBox({
  placeholder,
  width,
  onSearch,
}: {
  placeholder: string;
  width: number;
  onSearch: (q: string) => void;
}) {
  const t = adm.useT();
  return (
    <Input.Search
      aria-label={t('search')}
      placeholder={placeholder}
      allowClear
      style={{ width }}
      onSearch={onSearch}
    />
  );
}

/** 部件 or 事件 (a form field's control, or a filter with its own value). */
export function KindSelect<V = string>(props: SelectProps<V>) {
  const tk = kindLabels.useT();
  return (
    <Select<V>
      {...props}
      options={(['component', 'matter'] as const).map((k) => ({ value: k, label: tk(k) }))}
    />
  );
}

/** The classification standards (GB/T 47678.5, CJ/T 214, local). */
export function StandardSelect<V = string>(props: SelectProps<V>) {
  return <Select<V> {...props} options={STANDARDS.map((s) => ({ value: s, label: s }))} />;
}

/**
 * Runs a row's action (switch, delete, revoke) and then `done`; a refusal is shown as a message,
 * the list stays as it was.
 */
export function useRowAction() {
  const { message } = AntApp.useApp();
  return async (action: () => Promise<unknown>, done?: () => void) => {
    try {
      await action();
      done?.();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
}
