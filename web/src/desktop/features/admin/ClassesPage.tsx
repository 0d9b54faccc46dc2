/** 类别与时限: the class directory (public names, help, activation, local classes) and time limits. */
import { Card, Tabs } from 'antd';
import { PageHeader } from '../../ui/PageHeader.js';
import { m } from '../../messages.js';
import { ClassDirectory } from './ClassDirectory.js';
import { adm } from './messages.js';
import { HandlingLimits, StageLimits } from './TimeLimits.js';

export function ClassesPage() {
  const tm = m.useT();
  const t = adm.useT();
  return (
    <>
      <PageHeader title={tm('navClasses')} sub={t('classesHint')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            { key: 'classes', label: t('classDirectory'), children: <ClassDirectory /> },
            { key: 'stage', label: t('stageLimits'), children: <StageLimits /> },
            { key: 'handling', label: t('handlingLimits'), children: <HandlingLimits /> },
          ]}
        />
      </Card>
    </>
  );
}
