import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { admin, uniq } from './support/api.js';
import { login, snap, useBrowser } from './support/browser.js';

const browser = useBrowser();

/** Polls for what the page shows; generous, as the machine's 2 cores are shared with other runs. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 });

/** The open drawer or modal (forms open in one); the last is the one on top. */
const dlg = (page: Page) => page.locator('[role=dialog]:visible').last();

/** Picks an option in an antd Select opened by its form label, typing to search. */
async function choose(page: Page, label: string, search: string | null, option: string | RegExp) {
  const box = dlg(page).getByLabel(label, { exact: true });
  await box.click();
  if (search !== null) await box.fill(search);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

/** Types a date into an antd DatePicker of the open form and waits until it holds it. */
async function pickDate(page: Page, label: string, date: string) {
  const box = dlg(page).getByLabel(label, { exact: true });
  await box.click();
  await box.fill(date);
  // Enter would submit the form: leave the box, which keeps a valid typed date.
  await box.press('Tab');
  await poll(() => page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
  await poll(() => box.inputValue()).toBe(date);
}

/** The submit button of the open form, by its text (antd puts a space between two CJK characters). */
const submit = (page: Page, name: RegExp) => dlg(page).getByRole('button', { name }).last().click();

/** A Shanghai date `days` from now, `YYYY-MM-DD` (the server's dates are Asia/Shanghai). */
const shanghaiDate = (days: number) =>
  new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

describe('service projects journey (Chromium)', () => {
  it('hands a project over with the suggested mode, tenders for a subcontractor, starts it and has the customer approve its service plan', async () => {
    const u = uniq();
    const projectName = `城交信号运维-${u}`;
    const handoverDate = shanghaiDate(25);
    const startDue = new Date(Date.parse(`${handoverDate}T00:00:00Z`) + 21 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const approverUser = `approver.${u}`;
    const approverPassword = `Approver-${u}-9`;

    // Set-up through the API: the customer and its approver (a contact who signs in).
    const api = await admin();
    const customer = await api.post<{ id: string }>('/customers', { name: `市交通局-${u}` });
    const approver = await api.post<{ id: string }>('/users', {
      kind: 'customer_contact',
      customerId: customer.id,
      username: approverUser,
      password: approverPassword,
      displayName: `李处长-${u}`,
    });

    const ctx = await browser.context();
    const page = await ctx.newPage();
    await login(page, inject('adminUsername'), inject('adminPassword'));

    // 1. A project with its contract details: urban traffic, 35 M CNY, service from the handover date.
    await page.goto('/projects');
    await page
      .getByRole('button', { name: /新建服务项目/ })
      .first()
      .click();
    await dlg(page).getByLabel('项目编号', { exact: true }).fill(`JT-${u}`);
    await dlg(page).getByLabel('项目名称', { exact: true }).fill(projectName);
    await choose(page, '客户', `市交通局-${u}`, `市交通局-${u}`);
    await dlg(page).getByLabel('合同编号', { exact: true }).fill(`HT-${u}`);
    await dlg(page).getByLabel('合同金额', { exact: true }).fill('35,000,000');
    await poll(() => dlg(page).getByText('≈ 3500万').count()).toBeGreaterThan(0);
    await choose(page, '业务线', null, /^城交$/);
    await pickDate(page, '服务开始日期', handoverDate);
    await pickDate(page, '服务结束日期', shanghaiDate(25 + 364));
    await submit(page, /保\s*存/);
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}/);
    const projectUrl = page.url().split('?')[0]!;
    const projectId = projectUrl.split('/').pop()!;
    await poll(() => page.getByText('¥35,000,000.00（3500万）').count()).toBeGreaterThan(0);

    // The customer's approver is a member of the project.
    await api.post(`/projects/${projectId}/members`, { userId: approver.id, role: 'customer_approver' });

    // 2. The handover, 25 days away: the project shows in "handovers starting" with the suggested mode.
    await page.getByRole('tab', { name: '服务交接' }).click();
    await poll(() => page.getByTestId('suggestion-reason').textContent()).toContain('城交大项目');
    await page.getByRole('button', { name: /开启服务交接/ }).click();
    await pickDate(page, '交接日期', handoverDate);
    await submit(page, /开启服务交接/);
    await poll(() => page.getByText('交接准备中').count()).toBeGreaterThan(0);

    await page.goto('/handovers');
    const row = page.locator('tr, .ant-card').filter({ hasText: projectName });
    await poll(() => row.count()).toBeGreaterThan(0);
    await poll(() => row.first().getByTestId('suggested-mode').textContent()).toBe('驻场业务支撑');
    await snap(page, 'service-projects-handovers-starting');

    // 3. The regional decision: a mode that needs a subcontractor → the tender task exists.
    await row
      .first()
      .getByRole('link', { name: new RegExp(projectName) })
      .click();
    await page.waitForURL(/tab=handover/);
    await page.getByRole('button', { name: /^确定服务模式$/ }).click();
    await dlg(page)
      .getByLabel('理由', { exact: true })
      .fill('城交大项目，按规则驻场业务支撑，配置客户经理和分包商');
    await submit(page, /确定服务模式/);
    await poll(() => page.getByText('发起分包商招标申请并定标').count()).toBeGreaterThan(0);
    await poll(() => page.getByText('确定并配备客户经理').count()).toBeGreaterThan(0);
    await snap(page, 'service-projects-handover-decided');

    // The project list shows the chosen mode and filters on it (the filter lives in the URL).
    const code = encodeURIComponent(`JT-${u}`);
    await page.goto(`/projects?serviceMode=on_site.business_support&q=${code}`);
    const listed = page.locator('tr').filter({ hasText: projectName });
    await poll(() => listed.count()).toBe(1);
    await poll(() => listed.getByText('驻场业务支撑').count()).toBe(1);
    await page.goto(`/projects?serviceMode=remote&q=${code}`);
    await poll(() => page.getByText('没有符合筛选条件的记录').count()).toBeGreaterThan(0);
    await page.goto(`${projectUrl}?tab=handover`);

    // 4. Start the project: the start checklist is due 3 weeks after the service start.
    await page.getByRole('tab', { name: '生命周期检查清单' }).click();
    await page.getByRole('button', { name: /^启动项目$/ }).click();
    await submit(page, /启动项目/);
    const due = page.getByTestId('due-date').filter({ hasText: startDue });
    await poll(() => due.count()).toBe(8);
    await snap(page, 'service-projects-start-checklist');

    // The team attaches the service plan and submits it for the customer's approval.
    await page.getByRole('button', { name: '服务方案（客户审批）' }).click();
    await dlg(page)
      .locator('input[type=file]')
      .setInputFiles({ name: `服务方案-${u}.pdf`, mimeType: 'application/pdf', buffer: PDF });
    await poll(() => dlg(page).getByText(`服务方案-${u}.pdf`).count()).toBeGreaterThan(0);
    const submitForApproval = dlg(page).getByRole('button', { name: /提交客户审批/ });
    await poll(() => submitForApproval.isEnabled()).toBe(true);
    await submitForApproval.click();
    await dlg(page).getByLabel('提交说明', { exact: true }).fill('请审批服务方案');
    await submit(page, /提交客户审批/);
    await poll(() => dlg(page).getByText('待客户审批').count()).toBeGreaterThan(0);
    await ctx.close();

    // 5. The customer's approver approves it in the portal.
    const ctx2 = await browser.context();
    const p2 = await ctx2.newPage();
    await login(p2, approverUser, approverPassword);
    await p2.goto('/portal/approvals');
    const item = p2.locator('tr, .ant-card').filter({ hasText: '服务方案（客户审批）' });
    await poll(() => item.count()).toBeGreaterThan(0);
    await poll(() => item.first().getByText(`服务方案-${u}.pdf`).count()).toBe(1);
    await snap(p2, 'service-projects-portal-approvals');
    await item
      .first()
      .getByRole('button', { name: /审批通过/ })
      .click();
    await dlg(p2).getByLabel('审批意见', { exact: true }).fill('同意');
    await submit(p2, /审批通过/);
    await poll(() => p2.getByText('目前没有需要您审批的文档。').count()).toBeGreaterThan(0);
    await ctx2.close();

    const tasks = await api.get<{
      items: { templateKey: string; status: string; approvedBy: { id: string } | null }[];
    }>(`/projects/${projectId}/tasks?category=approval`);
    expect(tasks.items.find((x) => x.templateKey === 'start.service_plan')).toMatchObject({
      status: 'done',
      approvedBy: { id: approver.id },
    });
  });

  it('shows the duty roster and who is on duty now at phone width', async () => {
    const u = uniq();
    const api = await admin();
    const customer = await api.post<{ id: string }>('/customers', { name: `客户-${u}` });
    const project = await api.post<{ id: string }>('/projects', {
      code: `RST-${u}`,
      name: `值班项目-${u}`,
      customerId: customer.id,
    });
    const engineer = await api.post<{ id: string }>('/users', {
      kind: 'staff',
      username: `duty.${u}`,
      password: `Duty-${u}-Pass9`,
      displayName: `值班工程师-${u}`,
      phone: '13800138000',
    });
    await api.post(`/projects/${project.id}/members`, { userId: engineer.id, role: 'engineer' });
    await api.post(`/projects/${project.id}/roster/rotation`, {
      from: shanghaiDate(-1),
      days: 3,
      shifts: [{ label: '全天', start: '00:00', end: '00:00' }],
      userIds: [engineer.id],
    });

    const ctx = await browser.context({ viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    await login(page, inject('adminUsername'), inject('adminPassword'));
    await page.goto(`/projects/${project.id}?tab=roster`);
    await expect
      .poll(() =>
        page
          .getByTestId('on-duty')
          .filter({ hasText: `值班工程师-${u}` })
          .count(),
      )
      .toBe(1);
    await poll(() => page.getByTestId('roster-shift').count()).toBeGreaterThan(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await snap(page, 'service-projects-phone-roster');
    await ctx.close();
  });
});
