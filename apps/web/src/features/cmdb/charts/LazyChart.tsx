import { lazy, Suspense } from 'react';
import { Flex, Spin } from 'antd';
import type { EChartProps } from './EChart';

export type { ChartOption } from './EChart';

// ECharts (several hundred KB) is fetched the first time a chart is drawn.
const EChart = lazy(() => import('./EChart'));

/** A chart, drawn once its code has loaded (a spinner of the same height until then). */
export function LazyChart(props: EChartProps) {
  return (
    <Suspense
      fallback={
        <Flex align="center" justify="center" style={{ height: props.height }}>
          <Spin />
        </Flex>
      }
    >
      <EChart {...props} />
    </Suspense>
  );
}
