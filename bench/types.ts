export interface Row {
  bench: string;
  metric: string;
  value: string;
  target?: string;
  met?: boolean;
}

export interface Bench {
  name: string;
  run(): Promise<Row[]>;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
