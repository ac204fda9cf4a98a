import { useEffect, useRef } from 'react';
import { init, use } from 'echarts/core';
import type { ComposeOption, ECharts } from 'echarts/core';
import { BarChart, GraphChart, PieChart } from 'echarts/charts';
import type { BarSeriesOption, GraphSeriesOption, PieSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the CMDB draws: the relations graph and the statistics' bars and pies. This module is
// loaded on demand (LazyChart), so ECharts stays out of every other chunk.
use([
  BarChart,
  GraphChart,
  PieChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | GraphSeriesOption
  | PieSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

export interface ItemClick {
  dataType?: string;
  data?: unknown;
  name?: string;
  dataIndex?: number;
}

export interface EChartProps {
  /** Keep it stable between renders (useMemo): a new option redraws, and restarts a force layout. */
  option: ChartOption;
  height: number;
  /** Click on a data item (a node, a bar, a slice). */
  onItemClick?: (params: ItemClick) => void;
  /** What the chart shows, for screen readers and tests (ECharts' aria adds a data description). */
  label: string;
}

/**
 * One ECharts instance bound to a div: created on mount, resized with its box, disposed on
 * unmount. (A few lines of our own rather than echarts-for-react, whose ESM build imports an
 * undeclared `tslib` and whose React import would pull React into the ECharts chunk.)
 */
export default function EChart({ option, height, onItemClick, label }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const click = useRef(onItemClick);
  useEffect(() => {
    click.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => click.current?.(p as ItemClick));
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...option }, { notMerge: true });
  }, [option]);

  // The outer box names the chart; ECharts' aria describes its data on the inner one.
  return (
    <div role="figure" aria-label={label} data-chart={label}>
      <div ref={box} style={{ height, width: '100%', cursor: onItemClick ? 'pointer' : undefined }} />
    </div>
  );
}
