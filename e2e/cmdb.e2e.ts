import ExcelJS from 'exceljs';
import { describe, expect, it, onTestFailed } from 'vitest';
import { inject } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { admin, uniq } from './support/api.js';
import { login, snap, useBrowser } from './support/browser.js';

const browser = useBrowser();

/** Pages load their data and ECharts on demand: poll for up to 15 s. */
const soon = { timeout: 15_000, interval: 100 };

/** The open drawer or modal (forms open in one). */
const dlg = (page: Page) => page.locator('[role=dialog]:visible').last();

/**
 * Opens an antd Select, types to search, and picks the option with this text. A click that lands
 * while the list is still opening does not choose: click again until the list closes.
 */
async function pick(page: Page, select: Locator, search: string, option: string | RegExp) {
  await select.click();
  await page.keyboard.type(search);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const item = dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first();
  for (let attempt = 0; ; attempt++) {
    await item.click();
    try {
      await dropdown.waitFor({ state: 'hidden', timeout: 2000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

const day = (offset: number) => {
  const d = new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000); // China's calendar day
  return d.toISOString().slice(0, 10);
};

/** Switches as the .xlsx template heads them (Chinese, required marked, units); row 4 has a bad IP. */
async function switchesXlsx(u: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('交换机');
  ws.addRow([
    '*名称',
    '状态',
    '序列号',
    '资产编号',
    '厂商',
    '型号',
    '保修截止日期',
    '管理IP',
    '端口数（口）',
    '层级',
  ]);
  ws.addRow([
    `核心交换机-${u}`,
    '在用',
    `SW1-${u}`,
    `ZC-SW1-${u}`,
    '华为',
    'S7706',
    day(20),
    '10.20.0.1',
    48,
    '三层',
  ]);
  ws.addRow([
    `汇聚交换机-${u}`,
    '在用',
    `SW2-${u}`,
    `ZC-SW2-${u}`,
    '华三',
    'S5560',
    day(45),
    '10.20.0.2',
    24,
    '二层',
  ]);
  ws.addRow([
    `接入交换机-${u}`,
    '在用',
    `SW3-${u}`,
    `ZC-SW3-${u}`,
    '锐捷',
    'RG-S2910',
    day(200),
    '10.20.0.300',
    24,
    '二层',
  ]);
  ws.addRow([
    `备用交换机-${u}`,
    '计划中',
    `SW4-${u}`,
    `ZC-SW4-${u}`,
    '锐捷',
    'RG-S2910',
    day(400),
    '10.20.0.4',
    24,
    '二层',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Servers as CSV (UTF-8 with BOM, as Excel saves it); one warranty already over. */
function serversCsv(u: string): Buffer {
  const rows = [
    [
      '名称',
      '状态',
      '序列号',
      '资产编号',
      '厂商',
      '型号',
      '保修截止日期',
      '管理IP',
      'CPU核数（核）',
      '内存（GB）',
    ],
    [
      `应用服务器-${u}`,
      '在用',
      `SV1-${u}`,
      `ZC-SV1-${u}`,
      '浪潮',
      'NF5280M6',
      day(10),
      '10.30.0.1',
      '32',
      '256',
    ],
    [
      `数据库服务器-${u}`,
      '在用',
      `SV2-${u}`,
      `ZC-SV2-${u}`,
      '华为',
      '2288H V5',
      day(-5),
      '10.30.0.2',
      '64',
      '512',
    ],
  ];
  return Buffer.from(`\ufeff${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');
}

/** Dry run, read the report, commit, see the result: one pass of the wizard for one file. */
async function importFile(
  page: Page,
  typeName: string,
  file: { name: string; mimeType: string; buffer: Buffer },
  expectCheck: RegExp,
  expectRows: number,
) {
  await pick(page, page.getByLabel('配置项类型', { exact: true }), typeName, new RegExp(`^${typeName}$`));
  // The template of the chosen type downloads with Chinese headers.
  const [template] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /下载模板（Excel）/ }).click(),
  ]);
  expect(template.suggestedFilename()).toContain(typeName);
  await page.locator('.ant-upload input[type=file]').setInputFiles(file);
  await page.getByRole('button', { name: /检查文件/ }).click();
  await expect.poll(() => page.getByText(expectCheck).count(), soon).toBeGreaterThan(0);
  await page.getByRole('button', { name: new RegExp(`确认导入（${expectRows} 行）`) }).click();
  await expect.poll(() => page.getByText(/导入完成/).count(), soon).toBeGreaterThan(0);
}

describe('CMDB journey (Chromium)', () => {
  it('imports switches and servers, relates a server to a business service, shows the impact and the warranty chart', async () => {
    const u = uniq();
    const api = await admin();
    const customer = await api.post<{ id: string }>('/customers', { name: `市政务中心-${u}` });
    const project = await api.post<{ id: string }>('/projects', {
      code: `ZW-${u}`,
      name: `政务云运维-${u}`,
      customerId: customer.id,
    });

    const ctx = await browser.context();
    const page = await ctx.newPage();
    onTestFailed(() => snap(page, 'cmdb-failure'));
    // A server failure in the journey shows its envelope (request id) in the test output.
    page.on('response', async (r) => {
      if (r.status() >= 500) console.log('HTTP', r.status(), r.url(), await r.text().catch(() => ''));
    });
    await login(page, inject('adminUsername'), inject('adminPassword'));
    // The header's project: the CMDB pages default to it.
    await page.evaluate((id) => localStorage.setItem('opsdesk.project', id), project.id);

    // ── Import: switches from .xlsx (one bad row reported and skipped), servers from .csv ──
    await page.goto(`/cis/import?projectId=${project.id}`);
    await importFile(
      page,
      '交换机',
      {
        name: '交换机.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await switchesXlsx(u),
      },
      /检查发现 1 个问题/,
      3,
    );
    // The report names the row as the spreadsheet numbers it and the column as the file heads it.
    const report = page.getByTestId('import-report').first();
    await expect
      .poll(() => report.locator('tr', { hasText: '不是有效的 IP 地址' }).innerText(), soon)
      .toMatch(/4\s+管理IP/);
    await snap(page, 'cmdb-import-switches');
    await page.getByRole('button', { name: /再导入一个文件/ }).click();
    await importFile(
      page,
      '物理服务器',
      { name: '服务器.csv', mimeType: 'text/csv', buffer: serversCsv(u) },
      /检查通过/,
      2,
    );
    await page.getByRole('button', { name: /查看配置项/ }).click();
    await expect.poll(() => page.getByText(`应用服务器-${u}`).count(), soon).toBeGreaterThan(0);
    // Narrowed to one type, the list shows that type's attributes as columns.
    await expect
      .poll(() => page.locator('th', { hasText: 'CPU核数（核）' }).count(), soon)
      .toBeGreaterThan(0);

    // ── A business service, created in the form ──
    await page.goto('/cis');
    await page.getByRole('button', { name: /新建配置项/ }).click();
    await pick(page, dlg(page).getByLabel('配置项类型', { exact: true }), '业务服务', /^业务服务$/);
    await dlg(page).getByLabel('名称', { exact: true }).fill(`网上办事大厅-${u}`);
    await dlg(page)
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page.waitForURL(/\/cis\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByRole('heading', { name: `网上办事大厅-${u}` }).count(), soon).toBe(1);

    // ── The server, found by its asset tag; the service depends on it ──
    await page.goto('/cis');
    await page.getByPlaceholder('搜索名称、序列号、资产编号或型号').fill(`ZC-SV1-${u}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ant-table-row').count(), soon).toBe(1);
    await page.getByRole('link', { name: `应用服务器-${u}` }).click();
    await page.waitForURL(/\/cis\/[0-9a-f-]{36}/);
    await page.getByRole('tab', { name: '关系' }).click();
    await page
      .getByRole('button', { name: /添加关系/ })
      .first()
      .click();
    await dlg(page).getByLabel('关联配置项 → 本配置项').check();
    await pick(page, dlg(page).getByLabel('关系类型', { exact: true }), '依赖', /^依赖于$/);
    await pick(page, dlg(page).getByLabel('关联配置项', { exact: true }), '网上办事', `网上办事大厅-${u}`);
    await expect
      .poll(() => dlg(page).getByTestId('relation-preview').innerText(), soon)
      .toContain(`网上办事大厅-${u} 依赖于 应用服务器-${u}`);
    await dlg(page)
      .getByRole('button', { name: /添加关系/ })
      .click();
    await expect
      .poll(() => page.locator('.ant-table-row', { hasText: `网上办事大厅-${u}` }).count(), soon)
      .toBe(1);
    // The neighbourhood graph is drawn (ECharts, loaded on demand).
    await expect.poll(() => page.locator('[data-chart^="关系图"] canvas').count(), soon).toBeGreaterThan(0);
    await snap(page, 'cmdb-relations-graph');

    // ── Impact analysis: the business service is hit, with the path ──
    await page.getByRole('tab', { name: '影响分析' }).click();
    const services = page.locator('.ant-card', { hasText: '受影响的业务服务' });
    await expect.poll(() => services.getByText(`网上办事大厅-${u}`).count(), soon).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('.ant-table-row', { hasText: `网上办事大厅-${u}` }).innerText(), soon)
      .toContain('被依赖');
    await snap(page, 'cmdb-impact');

    // ── Asset statistics: the warranty-expiry chart ──
    await page.goto('/asset-stats');
    const chart = page.locator('[data-chart="保修到期"]');
    await expect.poll(() => chart.locator('canvas').count(), soon).toBeGreaterThan(0);
    const within30 = page.locator('.ant-statistic', { hasText: '30 天内到期' });
    // Switch +20 days and server +10 days end within 30 days; one server's warranty is over.
    await expect.poll(() => within30.locator('.ant-statistic-content').innerText(), soon).toBe('2');
    const expired = page.locator('.ant-statistic', { hasText: '已过保' });
    await expect.poll(() => expired.locator('.ant-statistic-content').innerText(), soon).toBe('1');
    await snap(page, 'cmdb-asset-stats');
    await ctx.close();
  });

  it('lets an engineer on site find a device by its asset tag at phone width', async () => {
    const u = uniq();
    const api = await admin();
    const customer = await api.post<{ id: string }>('/customers', { name: `交警支队-${u}` });
    const project = await api.post<{ id: string }>('/projects', {
      code: `JJ-${u}`,
      name: `信号机运维-${u}`,
      customerId: customer.id,
    });
    const types = await api.get<{ items: { id: string; key: string }[] }>('/ci-types?limit=200');
    const controller = types.items.find((t) => t.key === 'signal_controller')!;
    await api.post('/cis', {
      projectId: project.id,
      typeId: controller.id,
      name: `人民路口信号机-${u}`,
      serialNo: `XHJ-${u}`,
      assetTag: `ZC-XHJ-${u}`,
      vendor: '海信',
      model: 'HiCon-5',
      warrantyEnd: day(60),
      attributes: { intersection: '人民路与解放路交叉口', ip_address: '172.16.8.21', comm_mode: 'fiber' },
    });

    const ctx = await browser.context({ viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    onTestFailed(() => snap(page, 'cmdb-phone-failure'));
    await login(page, inject('adminUsername'), inject('adminPassword'));
    await page.goto('/cis?projectId=all');
    await page.getByPlaceholder('搜索名称、序列号、资产编号或型号').fill(`ZC-XHJ-${u}`);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: `人民路口信号机-${u}` }).click();
    await page.waitForURL(/\/cis\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByText(`XHJ-${u}`, { exact: true }).count(), soon).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('海信').count(), soon).toBeGreaterThan(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await snap(page, 'cmdb-phone-ci');
    await ctx.close();
  });
});
