/** A chart whose ECharts code is its own chunk, fetched while the figures load. */
import { Suspense, lazy, type ComponentProps } from 'react';
import { Skeleton } from 'antd';

const Loaded = lazy(() => import('./Chart.js').then((module) => ({ default: module.Chart })));

export function Chart(props: ComponentProps<typeof Loaded>) {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 5 }} />}>
      <Loaded {...props} />
    </Suspense>
  );
}
