/** 修改密码: own password change; forced after a one-time or reset password. */
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App as AntApp, Button, Card, Form, Input, Typography } from 'antd';
import { api, isApiError } from '../../../shared/api.js';
import { errorMessage } from '../../../shared/labels.js';
import { useSession, useUser } from '../../session.js';
import { homeOf } from '../../layout/nav.js';
import { am } from './messages.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

export function PasswordPage({ standalone = false }: { standalone?: boolean }) {
  const t = am.useT();
  const user = useUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      await api.put('/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      void message.success(t('changed'));
      if (user.mustChangePassword) {
        // The server ended the other sessions; log in again with the new password.
        await logout();
        void navigate('/login', { replace: true });
      } else void navigate(homeOf(user.role));
    } catch (e) {
      if (isApiError(e) && e.errors.length) {
        form.setFields(
          Object.entries(e.fieldErrors).map(([name, reason]) => ({ name, errors: [reason] })) as never,
        );
      }
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const card = (
    <Card style={{ maxWidth: 440, margin: standalone ? '10vh auto' : undefined }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('changeTitle')}
      </Typography.Title>
      {user.mustChangePassword && (
        <Alert type="warning" showIcon message={t('mustChange')} style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="currentPassword"
          label={t('currentPassword')}
          rules={[{ required: true, message: t('passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('newPassword')}
          rules={[{ required: true, min: 10, message: t('tooShort') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('repeatPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('submit')}
        </Button>
      </Form>
    </Card>
  );
  return standalone ? <main style={{ padding: 24 }}>{card}</main> : card;
}
