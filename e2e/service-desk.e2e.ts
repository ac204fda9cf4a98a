import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { admin, uniq } from './support/api.js';
import { login, snap, useBrowser } from './support/browser.js';

const browser = useBrowser();
/** How long a poll waits for the UI (two shared cores, other journeys may run). */
const soon = { timeout: 15_000 };

/** The open drawer or modal (forms open in one). */
const dlg = (page: Page) => page.locator('[role=dialog]:visible').last();

/** Picks an option of an antd Select (found by its form label inside `scope`), typing to search. */
async function choose(
  page: Page,
  scope: Locator,
  label: string,
  search: string | null,
  option: string | RegExp,
) {
  const box = scope.getByLabel(label, { exact: true });
  await box.click();
  if (search !== null) await box.fill(search);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

/** A lifecycle action's button on the ticket page (from the ticket's available actions). */
const action = (page: Page, name: string) => page.locator(`[data-action="${name}"]`);

/** Waits until the action is offered (the previous transition landed) and clicks it. */
async function act(page: Page, name: string) {
  await expect.poll(() => action(page, name).count(), { timeout: 15_000 }).toBeGreaterThan(0);
  await action(page, name).first().click();
}

/** Waits for the first minute boundary after `since`: SLA clocks count whole minutes (decision 0007). */
async function nextMinute(since: number) {
  const boundary = (Math.floor(since / 60_000) + 1) * 60_000 + 1_500;
  const wait = boundary - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}

describe('service desk journey (Chromium)', () => {
  it('an agent logs a phone fault, works it with the clock paused while pending; the requester confirms and rates', async () => {
    const u = uniq();
    const agentName = `坐席小李-${u}`;
    const agentUser = `agent.${u}`;
    const agentPassword = `Agent-${u}-Pass9`;
    const requesterName = `王科长-${u}`;
    const requesterUser = `wang.${u}`;
    const requesterPassword = `Wang-${u}-Pass9`;
    const phone = `139${String(Date.now()).slice(-8)}`;
    const title = `三楼收费窗口打印机无法打印-${u}`;
    const replyText = `您好，工程师正在远程检查打印队列-${u}`;
    const noteText = `内部备注：驱动版本过旧-${u}`;

    // ── Set-up through the API as the admin: customer, project, agent, requester, 7×24 SLA ──
    const api = await admin();
    const customer = await api.post<{ id: string }>('/customers', { name: `市人民医院-${u}` });
    const project = await api.post<{ id: string }>('/projects', {
      code: `SD-${u}`,
      name: `医院信息系统运维-${u}`,
      customerId: customer.id,
    });
    const agent = await api.post<{ id: string }>('/users', {
      kind: 'staff',
      username: agentUser,
      password: agentPassword,
      displayName: agentName,
    });
    await api.post(`/projects/${project.id}/members`, { userId: agent.id, role: 'service_desk_agent' });
    const requester = await api.post<{ id: string }>('/users', {
      kind: 'customer_contact',
      customerId: customer.id,
      username: requesterUser,
      password: requesterPassword,
      displayName: requesterName,
      phone,
    });
    await api.post(`/projects/${project.id}/members`, { userId: requester.id, role: 'requester' });
    const calendar = await api.post<{ id: string }>('/calendars', {
      projectId: project.id,
      preset: '7x24',
      name: `7×24-${u}`,
    });
    await api.post(`/projects/${project.id}/sla-policies`, {
      name: '标准 SLA',
      calendarId: calendar.id,
      targets: {
        1: { response: 15, resolution: 240 },
        2: { response: 30, resolution: 480 },
        3: { response: 60, resolution: 960 },
        4: { response: 120, resolution: 2400 },
      },
    });

    // ── The agent takes the call ──
    const ctx = await browser.context();
    const page = await ctx.newPage();
    await login(page, agentUser, agentPassword);
    // The header's project switcher preselects the project of phone logging.
    await page.evaluate((id) => localStorage.setItem('opsdesk.project', id), project.id);
    await page.goto('/tickets/phone');
    const form = page.locator('form').first();
    await expect.poll(() => form.getByLabel('报障人', { exact: true }).count(), soon).toBeGreaterThan(0);
    await choose(page, form, '报障人', phone.slice(0, 7), requesterName);
    await form.getByLabel('描述', { exact: true }).fill('收费窗口 3 号机，点打印无反应，已重启电脑。');
    await form.getByLabel('标题', { exact: true }).fill(title);
    await form.getByLabel('标题', { exact: true }).press('Enter'); // Enter saves and opens the ticket
    await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    const ticketUrl = page.url();
    await expect.poll(() => page.getByText(/INC-\d{4}-\d{6}/).count(), soon).toBeGreaterThan(0);
    const number = (await page
      .getByText(/INC-\d{4}-\d{6}/)
      .first()
      .textContent())!.match(/INC-\d{4}-\d{6}/)![0];
    await expect.poll(() => page.getByText(title).count(), soon).toBeGreaterThan(0);

    // ── Assign with the keyboard: `a` opens the assign form ──
    await expect.poll(() => action(page, 'assign').count(), soon).toBeGreaterThan(0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('a');
    await expect.poll(() => dlg(page).getByLabel('处理人', { exact: true }).count(), soon).toBeGreaterThan(0);
    await choose(page, dlg(page), '处理人', null, agentName);
    await dlg(page).getByLabel('分派原因', { exact: true }).fill('本人接听，直接处理');
    await dlg(page)
      .getByRole('button', { name: /分\s*派/ })
      .click();
    await act(page, 'start');

    // ── Reply (`r`) and an internal note (`n`) with time spent ──
    await expect.poll(() => action(page, 'pend').count(), soon).toBeGreaterThan(0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('r');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), soon).toBe('TEXTAREA');
    await page.keyboard.type(replyText);
    await page.getByRole('button', { name: '发送回复' }).click();
    await expect
      .poll(() => page.getByTestId('public-reply').filter({ hasText: replyText }).count(), soon)
      .toBe(1);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('n');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), soon).toBe('TEXTAREA');
    await page.keyboard.type(noteText);
    await page.getByLabel('本次用时', { exact: true }).fill('15');
    await page.getByRole('button', { name: '添加备注' }).click();
    await expect
      .poll(() => page.getByTestId('internal-note').filter({ hasText: noteText }).count(), soon)
      .toBe(1);

    // ── An attachment (multipart upload to the ticket) ──
    await page
      .locator('.ant-card')
      .filter({ has: page.getByText('附件', { exact: true }) })
      .locator('input[type=file]')
      .setInputFiles({
        name: `printer-${u}.log`,
        mimeType: 'text/plain',
        buffer: Buffer.from('spooler error 0x7c\n'),
      });
    await expect
      .poll(() => page.getByRole('link', { name: `printer-${u}.log` }).count(), { timeout: 15_000 })
      .toBe(1);

    // ── Put on hold (waiting for the customer): the resolution clock stops ──
    await act(page, 'pend');
    await choose(page, dlg(page), '挂起原因', null, '等待客户');
    await dlg(page)
      .getByRole('button', { name: /挂\s*起/ })
      .click();
    await expect.poll(() => action(page, 'resume').count(), soon).toBeGreaterThan(0);
    const pendedAt = Date.now();
    await page.getByRole('button', { name: '刷新 SLA' }).click();
    await expect
      .poll(() => page.locator('[data-sla-kind="paused"]').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await snap(page, 'service-desk-agent-pending');

    // Clocks count whole minutes: resume in a later minute, so the pause is at least one minute long.
    await nextMinute(pendedAt);
    await act(page, 'resume');
    await expect.poll(() => action(page, 'resolve').count(), soon).toBeGreaterThan(0);

    // ── The SLA explanation shows the paused interval ──
    await page.getByRole('button', { name: '刷新 SLA' }).click();
    await page.getByRole('button', { name: /SLA 计时说明/ }).click();
    const explanation = dlg(page);
    await expect
      .poll(
        async () =>
          explanation
            .locator('.ant-tag')
            .filter({ hasText: /^暂停$/ })
            .count(),
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    expect(await explanation.getByText(/挂起：等待客户/).count()).toBeGreaterThan(0);
    expect(await explanation.getByText('计入 SLA 的工作时间合计').count()).toBeGreaterThan(0);
    await snap(page, 'service-desk-sla-explanation');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-drawer-open').count(), soon).toBe(0);

    // ── Resolve with the required fields ──
    await act(page, 'resolve');
    await choose(page, dlg(page), '解决类别', null, '已修复');
    await dlg(page)
      .getByLabel('解决方案', { exact: true })
      .fill('更新打印机驱动并清空打印队列，已恢复打印。');
    await dlg(page)
      .getByRole('button', { name: /解\s*决/ })
      .click();
    await expect.poll(() => action(page, 'reopen').count(), { timeout: 15_000 }).toBeGreaterThan(0);

    // The queue lists it with its number.
    await page.goto('/tickets?queue=mine');
    await expect
      .poll(() => page.getByRole('link', { name: number }).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await snap(page, 'service-desk-queue');
    await ctx.close();

    // ── The requester, on a phone: confirms and rates in the portal ──
    const phoneCtx = await browser.context({ viewport: { width: 390, height: 844 } });
    const p2 = await phoneCtx.newPage();
    await login(p2, requesterUser, requesterPassword);
    await p2.goto('/portal');
    await expect.poll(() => p2.getByText(title).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await p2.getByText(title).first().click();
    await p2.waitForURL(/\/portal\/tickets\/[0-9a-f-]{36}$/);
    await expect.poll(() => p2.getByText(replyText).count(), soon).toBeGreaterThan(0);
    // Requesters never see internal notes.
    expect(await p2.getByText(noteText).count()).toBe(0);
    expect(await p2.getByText('内部备注').count()).toBe(0);
    await expect.poll(() => p2.getByRole('link', { name: `printer-${u}.log` }).count(), soon).toBe(1);
    const overflow = await p2.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await snap(p2, 'service-desk-portal-resolved');

    await p2.getByRole('button', { name: '确认已解决' }).click();
    await dlg(p2).locator('.ant-btn-primary').click();
    await expect.poll(() => p2.getByText('为本次服务评分').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await p2.locator('.ant-rate:not(.ant-rate-disabled) .ant-rate-star').nth(4).click();
    await p2.getByLabel('意见和建议', { exact: true }).fill('响应很快，谢谢！');
    await p2.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => p2.getByText('您的评价').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await snap(p2, 'service-desk-portal-rated');
    await phoneCtx.close();

    // ── Back on the agent's page: closed, rated, the pause still explained ──
    const ctx3 = await browser.context();
    const p3 = await ctx3.newPage();
    await login(p3, agentUser, agentPassword);
    await p3.goto(new URL(ticketUrl).pathname);
    await expect.poll(() => p3.getByText('响应很快，谢谢！').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => p3.locator('.ant-rate-disabled .ant-rate-star-full').count(), soon).toBe(5);
    await p3.getByRole('button', { name: /SLA 计时说明/ }).click();
    await expect
      .poll(
        () =>
          dlg(p3)
            .locator('.ant-tag')
            .filter({ hasText: /^暂停$/ })
            .count(),
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    await snap(p3, 'service-desk-agent-closed');
    await ctx3.close();
  }, 300_000);
});
