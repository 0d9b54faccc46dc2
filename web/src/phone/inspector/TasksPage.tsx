/** The inspector's tasks: cases waiting for a check (核实) or a verification (核查) in their grids. */
import { Button, Empty, List, NavBar, PullToRefresh, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../shared/format.js';
import { phoneMessages } from '../messages.js';
import { LangSwitch, problemText } from '../ui.js';
import { staff, type CaseSummary, type StaffUser } from './api.js';
import { inspectorMessages } from './messages.js';

export function TasksPage({ user, onLogout }: { user: StaffUser; onLogout: () => void }) {
  const t = inspectorMessages.useT();
  const tp = phoneMessages.useT();
  const navigate = useNavigate();
  const [tasks, setTasks] = useState<CaseSummary[] | null>(null);

  const load = useCallback(
    () =>
      staff.tasks().then(
        (page) => setTasks(page.items),
        (error: unknown) => Toast.show({ icon: 'fail', content: problemText(error) }),
      ),
    [],
  );
  useEffect(() => void load(), [load]);

  return (
    <div>
      <NavBar
        back={null}
        left={<span style={{ fontSize: 13 }}>{user.displayName}</span>}
        right={
          <>
            <LangSwitch />
            <Button size="mini" fill="none" onClick={onLogout}>
              {tp('logout')}
            </Button>
          </>
        }
      >
        {t('tasksTitle')}
      </NavBar>
      <PullToRefresh onRefresh={load}>
        <List>
          {tasks?.map((c) => (
            <List.Item
              key={c.id}
              arrow
              onClick={() => navigate(`/inspector/cases/${c.id}`)}
              prefix={
                <Tag color={c.status === 'check_pending' ? 'warning' : 'primary'}>
                  {c.status === 'check_pending' ? t('checkTask') : t('verifyTask')}
                </Tag>
              }
              description={`${c.number} · ${formatDateTime(c.reportedAt)}`}
            >
              {c.classification.name}
              {c.address ? ` · ${c.address}` : ''}
            </List.Item>
          ))}
        </List>
        {tasks?.length === 0 && <Empty description={t('noTasks')} />}
      </PullToRefresh>
    </div>
  );
}
