import { describe, expect, inject, it, onTestFailed } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { admin, apiAs, uniq } from './support/api.js';
import { login, snap, useBrowser } from './support/browser.js';

const browser = useBrowser();
/** How long a poll waits for the UI (two shared cores, other journeys may run). */
const soon = { timeout: 15_000 };
const PHONE = { width: 390, height: 844 };

/** The open drawer or modal (forms open in one). */
const dlg = (page: Page) => page.locator('[role=dialog]:visible').last();

/** Picks an option of an antd Select found by its form label inside `scope`, until it shows as chosen. */
async function choose(page: Page, scope: Locator, label: string, option: string) {
  const box = scope.getByLabel(label, { exact: true });
  const select = scope
    .locator('.ant-select')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .first();
  const shown = async () => ((await select.textContent()) ?? '').includes(option);
  for (let attempt = 0; ; attempt++) {
    await box.click();
    const item = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: option });
    try {
      await item.first().click({ timeout: 5000 });
      await expect.poll(shown, { timeout: 3000 }).toBe(true);
      await page.keyboard.press('Escape');
      return;
    } catch (e) {
      if (await shown()) return;
      if (attempt >= 3) throw new Error(`${String(e)}\n${await select.evaluate((el) => el.outerHTML)}`);
    }
  }
}

/** Adds an option to an antd multiple Select (typing `search` first when given), then closes it. */
async function chooseMany(page: Page, scope: Locator, label: string, option: string, search?: string) {
  const tag = scope.locator('.ant-select-selection-item').filter({ hasText: option });
  for (let attempt = 0; ; attempt++) {
    await scope.getByLabel(label, { exact: true }).click();
    if (search) await page.keyboard.type(search);
    const item = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: option });
    try {
      await item.first().click({ timeout: 5000 });
      await tag.first().waitFor({ timeout: 3000 });
    } catch (e) {
      if (attempt >= 3) throw e;
    }
    await page.keyboard.press('Escape');
    if ((await tag.count()) > 0) return;
  }
}

/** Waits until a lifecycle action is offered (the previous one landed) and clicks it. */
async function act(page: Page, name: string) {
  const button = page.locator(`[data-action="${name}"]`);
  await expect.poll(() => button.count(), soon).toBeGreaterThan(0);
  await button.first().click();
}

/** One check item's card on the inspection page. */
const item = (page: Page, key: string) => page.locator(`[data-item="${key}"]`);

/** Clicks a yes/no or choice button inside an item's card. */
async function pickIn(card: Locator, text: string) {
  await card
    .locator('label')
    .filter({ hasText: new RegExp(`^${text}$`) })
    .click();
}

/** The page is no wider than the phone (nothing to scroll sideways) once dialogs have closed. */
async function fitsThePhone(page: Page) {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), soon)
    .toBeLessThanOrEqual(1);
}

/** China's calendar day (the server schedules in Asia/Shanghai). */
const chinaDay = () => new Date(Date.now() + 8 * 3600_000);

describe('field work journey (Chromium, phone 390×844)', () => {
  it('an engineer inspects two CIs on a phone through a dropped connection; the finding becomes an incident and a work order, checked in, done and signed on screen', async () => {
    const u = uniq();
    const engineerUser = `field.${u}`;
    const engineerPassword = `Field-${u}-Pass9`;
    const engineerName = `现场工程师小王-${u}`;
    const pmUser = `pm.${u}`;
    const pmPassword = `Pm-${u}-Pass9`;
    const ciA = `核心交换机-${u}`;
    const ciB = `汇聚交换机-${u}`;
    const remark = `机房空调故障，温度偏高-${u}`;
    const signer = `王科长-${u}`;

    // ── Set-up through the API as the admin ──
    const api = await admin();
    const customer = await api.post<{ id: string }>('/customers', { name: `市交通运输局-${u}` });
    const project = await api.post<{ id: string }>('/projects', {
      code: `FW-${u}`,
      name: `交通信号系统运维-${u}`,
      customerId: customer.id,
    });
    const site = await api.post<{ id: string }>('/sites', {
      customerId: customer.id,
      name: `指挥中心机房-${u}`,
    });
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
    await api.put(`/projects/${project.id}/arrival-targets`, {
      targets: [
        {
          areaKey: 'city',
          label: { 'zh-CN': '市区', en: 'City' },
          minutes: 120,
          isDefault: true,
          siteIds: [site.id],
        },
      ],
    });
    const company = await api.post<{ id: string }>('/subcontractors', { name: `信号维保公司-${u}` });
    await api.post(`/projects/${project.id}/subcontractors`, { subcontractorId: company.id });
    const engineer = await api.post<{ id: string }>('/users', {
      kind: 'subcontractor_staff',
      subcontractorId: company.id,
      username: engineerUser,
      password: engineerPassword,
      displayName: engineerName,
    });
    await api.post(`/projects/${project.id}/members`, { userId: engineer.id, role: 'field_engineer' });
    const pm = await api.post<{ id: string }>('/users', {
      kind: 'staff',
      username: pmUser,
      password: pmPassword,
      displayName: `项目经理-${u}`,
    });
    await api.post(`/projects/${project.id}/members`, { userId: pm.id, role: 'project_manager' });
    const types = await api.get<{ items: { id: string; key: string }[] }>('/ci-types?limit=200');
    const switchType = types.items.find((x) => x.key === 'switch')!;
    const a = await api.post<{ id: string }>('/cis', {
      projectId: project.id,
      typeId: switchType.id,
      name: ciA,
      siteId: site.id,
    });
    const b = await api.post<{ id: string }>('/cis', {
      projectId: project.id,
      typeId: switchType.id,
      name: ciB,
      siteId: site.id,
    });
    const l = (zh: string, en: string) => ({ 'zh-CN': zh, en });
    const template = await api.post<{ id: string }>('/inspection-templates', {
      projectId: project.id,
      name: l(`交换机巡检-${u}`, `Switch inspection ${u}`),
      autoIncidentSeverities: ['critical'],
      items: [
        {
          key: 'temperature',
          ciTypeKey: 'switch',
          title: l('设备温度', 'Device temperature'),
          method: l('display environment，记录最高值', 'display environment; record the highest'),
          reading: { type: 'number', unit: '°C', min: null, max: 60 },
          severity: 'minor',
        },
        {
          key: 'fans',
          ciTypeKey: 'switch',
          title: l('风扇运转正常', 'Fans running'),
          method: l('现场查看风扇指示灯', 'Look at the fan lights'),
          reading: { type: 'boolean', normal: true },
          photo: 'when_abnormal',
          severity: 'minor',
        },
        {
          key: 'uplink',
          ciTypeKey: 'switch',
          title: l('上联端口状态', 'Uplink port'),
          method: l('display interface brief', 'display interface brief'),
          reading: {
            type: 'choice',
            options: [
              { value: 'up', label: l('正常', 'Up') },
              { value: 'down', label: l('中断', 'Down') },
            ],
            normal: ['up'],
          },
          severity: 'minor',
        },
      ],
    });
    // A monthly plan on today's day: creating it generates today's task at once.
    const plan = await api.post<{ id: string; lastTask: { id: string } | null }>(
      `/projects/${project.id}/inspection-plans`,
      {
        name: `交换机月度巡检-${u}`,
        templateIds: [template.id],
        selection: { mode: 'explicit', ciIds: [a.id, b.id] },
        schedule: { kind: 'monthly', day: chinaDay().getUTCDate() },
        assigneeId: engineer.id,
        dueDays: 1,
      },
    );
    expect(plan.lastTask).not.toBeNull();
    const taskId = plan.lastTask!.id;

    const contexts: BrowserContext[] = [];
    const phoneContext = async () => {
      const ctx = await browser.context({ viewport: PHONE });
      contexts.push(ctx);
      return ctx;
    };
    onTestFailed(async () => {
      for (const ctx of contexts)
        for (const p of ctx.pages()) await snap(p, `field-work-failed-${contexts.indexOf(ctx)}`);
    });

    // ── 1. The field engineer opens today's task from 我的巡检 on the phone ──
    const ctx = await phoneContext();
    const page = await ctx.newPage();
    await login(page, engineerUser, engineerPassword);
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('menuitem', { name: /我的巡检/ }).click();
    await page.waitForURL(/\/inspection-tasks(\?|$)/);
    const taskLink = page.getByRole('link', { name: /交换机月度巡检/ });
    await expect.poll(() => taskLink.count(), soon).toBeGreaterThan(0);
    await taskLink.first().click();
    await page.waitForURL(new RegExp(`/inspection-tasks/${taskId}`));

    // ── 2. The first CI: every reading normal, judged at once, sent in the background ──
    await expect.poll(() => page.getByTestId('current-ci').textContent(), soon).toBe(ciA);
    await item(page, 'temperature').getByLabel('设备温度').fill('45');
    await pickIn(item(page, 'fans'), '是');
    await pickIn(item(page, 'uplink'), '正常');
    for (const key of ['temperature', 'fans', 'uplink'])
      await expect.poll(() => item(page, key).getAttribute('data-state'), soon).toBe('normal');
    await expect.poll(() => page.getByTestId('task-progress').textContent(), soon).toBe('已完成 3/6');
    await expect.poll(() => page.getByTestId('sync-state').getAttribute('data-pending'), soon).toBe('0');
    await fitsThePhone(page);

    // ── 3. The network drops mid-way: the second CI is read offline, one value abnormal ──
    // The page keeps its shell and the task for a reload without a network (a service worker).
    await expect
      .poll(
        () =>
          page.evaluate(async (id) => {
            const me = await caches.match('/api/v1/me');
            const task = await caches.match(`/api/v1/inspection-tasks/${id}`);
            return !!navigator.serviceWorker.controller && !!me && !!task;
          }, taskId),
        soon,
      )
      .toBe(true);
    await page.getByRole('button', { name: /下一台/ }).click();
    await expect.poll(() => page.getByTestId('current-ci').textContent(), soon).toBe(ciB);
    await ctx.setOffline(true);
    await expect.poll(() => page.getByTestId('offline-banner').count(), soon).toBe(1);
    await item(page, 'temperature').getByLabel('设备温度').fill('72');
    await expect.poll(() => item(page, 'temperature').getAttribute('data-state'), soon).toBe('abnormal');
    expect(await item(page, 'temperature').textContent()).toContain('读数异常，请在备注中写明原因');
    await item(page, 'temperature').getByLabel('异常原因').fill(remark);
    await pickIn(item(page, 'fans'), '是');
    await pickIn(item(page, 'uplink'), '正常');
    await expect.poll(() => page.getByTestId('sync-state').getAttribute('data-pending'), soon).toBe('3');
    await expect.poll(() => page.getByTestId('sync-state').getAttribute('data-stored'), soon).toBe('true');
    await snap(page, 'field-work-offline-readings');

    // ── 4. Reload without a network: the page opens from the service worker's app shell and the
    //       readings come back from the phone's IndexedDB — the server has none of them yet ──
    await page.reload();
    await expect.poll(() => page.getByTestId('current-ci').textContent(), soon).toBe(ciB);
    await expect.poll(() => page.getByTestId('offline-banner').count(), soon).toBe(1);
    await expect.poll(() => item(page, 'temperature').getByLabel('设备温度').inputValue(), soon).toBe('72');
    expect(await item(page, 'temperature').getByLabel('异常原因').inputValue()).toBe(remark);
    expect(await item(page, 'temperature').getAttribute('data-state')).toBe('abnormal');
    await expect.poll(() => page.getByTestId('sync-state').getAttribute('data-pending'), soon).toBe('3');
    await snap(page, 'field-work-offline-reloaded');
    const onServer = await api.get<{ cis: { ciId: string; readings: unknown[] }[] }>(
      `/inspection-tasks/${taskId}`,
    );
    expect(onServer.cis.find((c) => c.ciId === b.id)!.readings).toHaveLength(0);
    expect(onServer.cis.find((c) => c.ciId === a.id)!.readings).toHaveLength(3);

    // ── 5. The network is back: the queue sends at once, then the engineer submits ──
    await ctx.setOffline(false);
    await expect.poll(() => page.getByTestId('offline-banner').count(), soon).toBe(0);
    await expect.poll(() => page.getByTestId('sync-state').getAttribute('data-pending'), soon).toBe('0');
    await expect.poll(() => page.getByTestId('task-progress').textContent(), soon).toBe('已完成 6/6');
    await page.getByRole('button', { name: '提交巡检结果' }).click();
    await dlg(page).getByRole('button', { name: '提交巡检结果' }).click();
    await expect.poll(() => page.getByText('巡检结果已提交').count(), soon).toBeGreaterThan(0);
    expect(await page.getByText('新增遗留问题 1 项').count()).toBe(1);
    await snap(page, 'field-work-submitted');

    // ── 6. The project manager turns the finding into an incident, then a work order for the engineer ──
    const pmCtx = await browser.context();
    contexts.push(pmCtx);
    const desk = await pmCtx.newPage();
    await login(desk, pmUser, pmPassword);
    await desk.goto(`/findings?projectId=${project.id}`);
    const row = desk.locator('tr').filter({ hasText: ciB });
    await expect.poll(() => row.count(), soon).toBe(1);
    expect(await row.textContent()).toContain(remark);
    await row.getByRole('button', { name: '转为事件' }).click();
    await dlg(desk).getByRole('button', { name: '转为事件' }).click();
    await expect.poll(() => row.getByTestId('finding-incident').count(), soon).toBe(1);
    const incidentNumber = (await row.getByTestId('finding-incident').textContent())!;
    expect(incidentNumber).toMatch(/^INC-\d{4}-\d{6}$/);
    await row.getByRole('button', { name: '转为工单' }).click();
    await choose(desk, dlg(desk), '处理人', engineerName);
    await dlg(desk).getByLabel('作业要求', { exact: true }).fill('携带备用风扇模块，到场后检查空调');
    await dlg(desk).getByRole('button', { name: '转为工单' }).click();
    await expect.poll(() => row.getByTestId('finding-work-order').count(), soon).toBe(1);
    const woNumber = (await row.getByTestId('finding-work-order').textContent())!;
    expect(woNumber).toMatch(/^WO-\d{4}-\d{6}$/);
    await snap(desk, 'field-work-findings');
    await pmCtx.close();

    // ── 7. The engineer works the order on the phone: accept, check in, work done ──
    await page.goto('/');
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('menuitem', { name: /我的工单/ }).click();
    await page.waitForURL(/\/work-orders(\?|$)/);
    const woLink = page.getByRole('link', { name: woNumber });
    await expect.poll(() => woLink.count(), soon).toBeGreaterThan(0);
    await woLink.first().click();
    await page.waitForURL(/\/work-orders\/[0-9a-f-]{36}$/);
    const woId = page.url().split('/').at(-1)!;
    // The arrival clock runs (到场时限, 2 hours in the city) like the other SLA badges.
    await expect
      .poll(() => page.locator('[data-sla-kind]').filter({ hasText: '到场' }).count(), soon)
      .toBeGreaterThan(0);
    await act(page, 'accept');
    await act(page, 'check_in');
    await dlg(page).getByRole('button', { name: '到场签到' }).click();
    await act(page, 'complete');
    await dlg(page).getByLabel('处理过程', { exact: true }).fill('更换 2 号风扇模块，温度恢复到 41°C');
    await dlg(page).getByLabel('用时（分钟）', { exact: true }).fill('50');
    await dlg(page)
      .getByRole('button', { name: /完\s*工/ })
      .click();

    // ── 8. The customer signs on the phone's screen ──
    const pad = page.getByTestId('signature-pad');
    await expect.poll(() => pad.count(), soon).toBe(1);
    await pad.scrollIntoViewIfNeeded();
    await fitsThePhone(page);
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + box.height * 0.6);
    await page.mouse.down();
    for (let i = 1; i <= 24; i++)
      await page.mouse.move(box.x + 30 + i * 12, box.y + box.height * (0.6 - 0.3 * Math.sin(i / 3)), {
        steps: 2,
      });
    await page.mouse.up();
    await page.mouse.move(box.x + 80, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + 120, box.y + box.height * 0.8, { steps: 8 });
    await page.mouse.up();
    await page.getByLabel('签字人', { exact: true }).fill(signer);
    await page.getByRole('button', { name: '提交签字确认' }).click();
    await expect.poll(() => page.getByTestId('signed-off').count(), soon).toBe(1);
    expect(await page.getByTestId('signed-off').textContent()).toContain(signer);
    // The signature as drawn, served back as an image.
    await expect
      .poll(
        () =>
          page
            .getByTestId('signed-off')
            .locator('img')
            .evaluate((img: HTMLImageElement) => img.naturalWidth),
        soon,
      )
      .toBeGreaterThan(0);
    await snap(page, 'field-work-signed');

    const wo = await api.get<{
      state: string;
      parent: { number: string } | null;
      workOrder: {
        checkedInAt: string | null;
        timeSpentMinutes: number | null;
        signOff: { signerName: string; signatureAttachmentId: string | null } | null;
        arrival: { state: string } | null;
      };
    }>(`/work-orders/${woId}`);
    expect(wo).toMatchObject({
      state: 'signed_off',
      parent: { number: incidentNumber },
      workOrder: { timeSpentMinutes: 50, signOff: { signerName: signer }, arrival: { state: 'met' } },
    });
    // The drawn signature is stored as a PNG attachment of the work order.
    const pmApi = await apiAs(pmUser, pmPassword);
    const files = await pmApi.get<{ items: { id: string; contentType: string; category: string | null }[] }>(
      `/attachments?ownerType=ticket&ownerId=${woId}`,
    );
    expect(files.items.find((f) => f.id === wo.workOrder.signOff!.signatureAttachmentId)).toMatchObject({
      contentType: 'image/png',
    });
    for (const c of contexts) await c.close().catch(() => undefined);
  }, 300_000);
  it('an admin copies and revises a built-in template, plans an inspection with it, and exports the month as Excel', async () => {
    const u = uniq();
    const api = await admin();
    const customer = await api.post<{ id: string }>('/customers', { name: `市人民医院-${u}` });
    const project = await api.post<{ id: string }>('/projects', {
      code: `IP-${u}`,
      name: `医院机房运维-${u}`,
      customerId: customer.id,
    });
    const engineer = await api.post<{ id: string }>('/users', {
      kind: 'staff',
      username: `eng.${u}`,
      password: `Eng-${u}-Pass9`,
      displayName: `网络工程师-${u}`,
    });
    await api.post(`/projects/${project.id}/members`, { userId: engineer.id, role: 'engineer' });
    const types = await api.get<{ items: { id: string; key: string }[] }>('/ci-types?limit=200');
    const ciName = `门诊楼核心交换机-${u}`;
    await api.post('/cis', {
      projectId: project.id,
      typeId: types.items.find((x) => x.key === 'switch')!.id,
      name: ciName,
    });

    const ctx = await browser.context();
    const page = await ctx.newPage();
    await login(page, inject('adminUsername'), inject('adminPassword'));
    onTestFailed(() => snap(page, 'field-work-admin-failed'));

    // ── The built-in template: view it, copy it for every project, revise the copy ──
    await page.goto('/inspection-templates/builtin.network');
    await expect.poll(() => page.getByText('CPU 使用率').count(), soon).toBeGreaterThan(0);
    expect(await page.getByText('内置模板不能直接修改，请复制后修订副本。').count()).toBe(1);
    await page.getByRole('button', { name: /复制模板/ }).click();
    const copyName = `网络设备巡检（医院）-${u}`;
    await dlg(page).getByLabel('中文名称', { exact: true }).fill(copyName);
    await dlg(page)
      .getByRole('button', { name: /复制模板/ })
      .click();
    await page.waitForURL((url) => !url.pathname.endsWith('builtin.network'));
    await expect.poll(() => page.getByRole('heading', { name: copyName }).count(), soon).toBe(1);
    await page.getByRole('button', { name: /修订模板/ }).click();
    const firstTitle = dlg(page).getByLabel('检查项（中文）', { exact: true }).first();
    await firstTitle.fill('设备指示灯正常（含电源模块）');
    await dlg(page)
      .getByRole('button', { name: /修订模板/ })
      .click();
    await expect.poll(() => page.getByText('V2', { exact: true }).count(), soon).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('设备指示灯正常（含电源模块）').count(), soon).toBeGreaterThan(0);
    await snap(page, 'field-work-template-revised');

    // ── A plan of the project with the revised copy ──
    await page.goto(`/inspection-plans?projectId=${project.id}`);
    await page
      .getByRole('button', { name: /新建巡检计划/ })
      .first()
      .click();
    const form = dlg(page);
    await form.getByLabel('计划名称', { exact: true }).fill(`门诊楼月度巡检-${u}`);
    await chooseMany(page, form, '巡检模板', copyName);
    await chooseMany(page, form, '配置项', ciName, ciName.slice(0, 6));
    await choose(page, form, '巡检人', `网络工程师-${u}`);
    await form.getByLabel('日期（1–31）', { exact: true }).fill('15');
    await form.getByRole('button', { name: /新建巡检计划/ }).click();
    await page.waitForURL(/\/inspection-plans\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    // The plan's page: its schedule, and pause/resume for whoever manages it.
    await expect.poll(() => page.getByRole('button', { name: /暂\s*停/ }).count(), soon).toBe(1);
    await expect.poll(() => page.getByText('每月 15 日', { exact: false }).count(), soon).toBeGreaterThan(0);
    await snap(page, 'field-work-plan');

    // ── The month's report, and its Excel workbook from the server ──
    const month = chinaDay().toISOString().slice(0, 7);
    await page.goto(`/inspection-reports?projectId=${project.id}&month=${month}`);
    await expect.poll(() => page.getByText('按时完成率').count(), soon).toBeGreaterThan(0);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    expect((await download).suggestedFilename()).toMatch(/^巡检报告-.*\.xlsx$/);
    await snap(page, 'field-work-report');
    await ctx.close();
  }, 180_000);
});
