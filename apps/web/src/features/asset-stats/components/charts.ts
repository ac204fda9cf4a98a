import type { AssetStats } from '@opsdesk/contracts';
import type { ChartOption } from '../../cmdb/charts/LazyChart';

/** The warranty windows in the order of time, with their colours (passed → far away → unknown). */
export const WARRANTY_BUCKETS = [
  { key: 'expired', colour: '#f5222d', filter: 'expired' },
  { key: 'within30', colour: '#fa541c', filter: '30' },
  { key: 'within60', colour: '#fa8c16', filter: '60' },
  { key: 'within90', colour: '#fadb14', filter: '90' },
  { key: 'later', colour: '#52c41a', filter: null },
  { key: 'unknown', colour: '#bfbfbf', filter: null },
] as const satisfies readonly { key: keyof AssetStats['warranty']; colour: string; filter: string | null }[];

export interface Bar {
  name: string;
  value: number;
  colour?: string | undefined;
  /** What a click on the bar opens (a filter of the CI list). */
  link?: string | undefined;
}

/** A bar chart of counts; horizontal when the names are long or many. */
export function barOption(
  bars: readonly Bar[],
  opts: { horizontal?: boolean; seriesName: string },
): ChartOption {
  const names = bars.map((b) => b.name);
  const value = { type: 'value' as const, minInterval: 1 };
  // Long names: truncated beside horizontal bars; wrapped (or slanted when many) under vertical ones.
  const across = {
    type: 'category' as const,
    data: names,
    inverse: true,
    axisLabel: { width: 110, overflow: 'truncate' as const },
  };
  const below = {
    type: 'category' as const,
    data: names,
    axisLabel:
      names.length > 8 ? { interval: 0, rotate: 30 } : { interval: 0, width: 56, overflow: 'break' as const },
  };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 20, bottom: 8, containLabel: true },
    xAxis: opts.horizontal ? value : below,
    yAxis: opts.horizontal ? across : value,
    series: [
      {
        type: 'bar',
        name: opts.seriesName,
        barMaxWidth: 36,
        label: { show: true, position: opts.horizontal ? 'right' : 'top' },
        data: bars.map((b) => ({
          value: b.value,
          name: b.name,
          link: b.link,
          itemStyle: b.colour ? { color: b.colour } : undefined,
          cursor: b.link ? 'pointer' : 'default',
        })),
      },
    ],
  } as ChartOption;
}

/** A ring chart of shares. */
export function pieOption(slices: readonly Bar[], seriesName: string): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: [{ type: 'scroll', bottom: 0 }],
    series: [
      {
        type: 'pie',
        name: seriesName,
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}: {c}' },
        data: slices.map((s) => ({
          value: s.value,
          name: s.name,
          link: s.link,
          itemStyle: s.colour ? { color: s.colour } : undefined,
        })),
      },
    ],
  } as ChartOption;
}

/** The largest `n` and one "others" bar for the rest. */
export function topN(bars: readonly Bar[], n: number, othersName: string): Bar[] {
  if (bars.length <= n) return [...bars];
  const rest = bars.slice(n - 1).reduce((s, b) => s + b.value, 0);
  return [...bars.slice(0, n - 1), { name: othersName, value: rest }];
}
