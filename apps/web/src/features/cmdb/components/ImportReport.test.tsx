import { describe, expect, it, vi } from 'vitest';
import type { CiImport } from '@opsdesk/contracts';
import { click, pageText, renderWithApp } from '../../../test/render';
import { ImportReport } from './ImportReport';

const base: CiImport = {
  id: '019a0000-0000-7000-8000-0000000000e1',
  projectId: '019a0000-0000-7000-8000-0000000000a1',
  typeId: '019a0000-0000-7000-8000-0000000000b1',
  fileName: '交换机.csv',
  format: 'csv',
  dryRun: true,
  status: 'done',
  totalRows: 7,
  processedRows: 7,
  created: 5,
  updated: 0,
  unchanged: 0,
  errorCount: 3,
  errors: [
    { row: 3, column: '管理IP', field: 'attributes.management_ip', message: '不是有效的 IP 地址' },
    { row: 7, column: '端口数（口）', field: 'attributes.port_count', message: '应为整数' },
    { row: 8, column: null, field: null, message: '与第 2 行是同一配置项' },
  ],
  resultAttachmentId: '019a0000-0000-7000-8000-0000000000f1',
  failure: null,
  createdAt: '2026-11-26T08:00:00.000Z',
  startedAt: '2026-11-26T08:00:00.000Z',
  finishedAt: '2026-11-26T08:00:01.000Z',
};

const rows = () =>
  [...document.querySelectorAll('[data-testid="import-report"] tbody tr.ant-table-row')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent),
  );
const stat = (title: string) =>
  [...document.querySelectorAll('.ant-statistic')]
    .find((s) => s.querySelector('.ant-statistic-title')?.textContent === title)
    ?.querySelector('.ant-statistic-content')?.textContent;

describe('ImportReport', () => {
  it('reports a dry run: what would be written, and every row/column error as the spreadsheet names them', async () => {
    const download = vi.fn();
    await renderWithApp(<ImportReport record={base} onDownloadResult={download} />);
    expect(pageText()).toContain('检查发现 3 个问题，有问题的行不会导入。');
    expect(stat('数据行')).toBe('7');
    expect(stat('将新建')).toBe('5');
    expect(stat('将更新')).toBe('0');
    expect(pageText()).toContain('问题（3）');
    expect(rows()).toEqual([
      ['3', '管理IP', '不是有效的 IP 地址'],
      ['7', '端口数（口）', '应为整数'],
      ['8', '整行', '与第 2 行是同一配置项'],
    ]);
    await click(
      [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('下载结果文件'))!,
    );
    expect(download).toHaveBeenCalledOnce();
  });

  it('says how the real import went, and that only the first errors are listed when there are more', async () => {
    await renderWithApp(
      <ImportReport
        record={{
          ...base,
          dryRun: false,
          created: 4,
          updated: 1,
          errorCount: 1200,
          errors: base.errors.slice(0, 1),
        }}
      />,
    );
    expect(pageText()).toContain('导入完成，1200 个问题所在的行未导入。');
    expect(stat('新建')).toBe('4');
    expect(stat('更新')).toBe('1');
    expect(pageText()).toContain('仅显示前 1 个问题（共 1200 个）');
  });

  it('shows a progress bar while a background import runs', async () => {
    await renderWithApp(
      <ImportReport
        record={{
          ...base,
          dryRun: false,
          status: 'running',
          totalRows: 5000,
          processedRows: 1500,
          errorCount: 0,
          errors: [],
        }}
      />,
    );
    expect(pageText()).toContain('正在处理：1500 / 5000 行');
    expect(document.querySelector('.ant-progress')?.getAttribute('aria-valuenow')).toBe('30');
    expect(pageText()).not.toContain('导入完成');
  });

  it('is clean when every row passed', async () => {
    await renderWithApp(<ImportReport record={{ ...base, errorCount: 0, errors: [] }} />);
    expect(pageText()).toContain('检查通过，所有行都可以导入。');
    expect(rows()).toEqual([]);
  });
});
