import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { admin, uniq } from './support/api.js';
import { login, snap, useBrowser } from './support/browser.js';

const browser = useBrowser();

/** The open drawer or modal (forms open in one). */
const dlg = (page: Page) => page.locator('[role=dialog]:visible').last();

/** Picks an option in an antd Select opened by its form label, typing to search. */
async function choose(page: Page, label: RegExp | string, search: string | null, option: string | RegExp) {
  const box = dlg(page).getByLabel(label, { exact: true });
  await box.click();
  if (search !== null) await box.fill(search);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

const save = (page: Page) =>
  dlg(page)
    .getByRole('button', { name: /保\s*存|创\s*建|确\s*定|添\s*加/ })
    .last()
    .click();

describe('foundation journey (Chromium)', () => {
  it('admin creates a customer, its contact, a project and a member; the contact sees only that project', async () => {
    const u = uniq();
    const customerName = `市交通局-${u}`;
    const projectName = `信号系统运维-${u}`;
    const contactUser = `contact.${u}`;
    const contactPassword = `Contact-${u}-9`;

    // Another customer's project exists: the contact must never see it.
    const api = await admin();
    const other = await api.post<{ id: string }>('/customers', { name: `其他客户-${u}` });
    await api.post('/projects', { code: `OTHER-${u}`, name: `其他项目-${u}`, customerId: other.id });

    const ctx = await browser.context();
    const page = await ctx.newPage();
    await login(page, inject('adminUsername'), inject('adminPassword'));

    // Customer
    await page.goto('/customers');
    await page
      .getByRole('button', { name: /新建客户/ })
      .first()
      .click();
    await dlg(page).getByLabel('客户名称', { exact: true }).fill(customerName);
    await save(page);
    await page.getByText(customerName).first().click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}/);

    // Its contact, who can sign in
    await page.getByRole('tab', { name: '联系人' }).click();
    // The toolbar and (once loaded, while empty) the empty state both offer it.
    await page
      .getByRole('button', { name: /新建联系人/ })
      .first()
      .click();
    await dlg(page).getByLabel('姓名', { exact: true }).fill(`王科长-${u}`);
    await dlg(page).getByRole('checkbox', { name: '可以登录系统' }).check();
    await dlg(page).getByLabel('用户名', { exact: true }).fill(contactUser);
    await dlg(page).getByLabel('初始密码', { exact: true }).fill(contactPassword);
    await save(page);
    await expect.poll(() => page.getByText(`王科长-${u}`).count()).toBeGreaterThan(0);

    // Project for the customer
    await page.goto('/projects');
    await page
      .getByRole('button', { name: /新建服务项目/ })
      .first()
      .click();
    await dlg(page).getByLabel('项目编号', { exact: true }).fill(`JTJ-${u}`);
    await dlg(page).getByLabel('项目名称', { exact: true }).fill(projectName);
    await choose(page, '客户', customerName, customerName);
    await save(page);
    await page.getByText(projectName).first().click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}/);

    // The contact becomes a member (requester)
    await page.getByRole('tab', { name: '项目成员' }).click();
    await page
      .getByRole('button', { name: /添加成员/ })
      .first()
      .click();
    await choose(page, '用户', `王科长-${u}`, `王科长-${u}`);
    await choose(page, '项目角色', null, '报障人');
    await save(page);
    await expect
      .poll(() => page.locator('.ant-table, .ant-list').getByText(`王科长-${u}`).count())
      .toBeGreaterThan(0);
    await snap(page, 'foundation-admin-project-members');
    await ctx.close();

    // The contact signs in and sees only their customer's project.
    const ctx2 = await browser.context();
    const p2 = await ctx2.newPage();
    await login(p2, contactUser, contactPassword);
    await p2.goto('/projects');
    await expect.poll(() => p2.getByText(projectName).count()).toBeGreaterThan(0);
    expect(await p2.getByText(`其他项目-${u}`).count()).toBe(0);
    await snap(p2, 'foundation-contact-projects');
    await ctx2.close();
  });

  it('works at phone width: the menu is a drawer and the project list is readable', async () => {
    const ctx = await browser.context({ viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    await login(page, inject('adminUsername'), inject('adminPassword'));
    await page.goto('/customers');
    await expect.poll(() => page.getByRole('heading', { name: '客户' }).count()).toBeGreaterThan(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await snap(page, 'foundation-phone-customers');
    await ctx.close();
  });

  it('shows the lockout message after five wrong passwords', async () => {
    const u = uniq();
    const api = await admin();
    await api.post('/users', {
      kind: 'staff',
      username: `lock.${u}`,
      password: `Lock-${u}-Pass9`,
      displayName: `锁定-${u}`,
    });
    const ctx = await browser.context();
    const page = await ctx.newPage();
    await page.goto('/login');
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('用户名').fill(`lock.${u}`);
      await page.getByLabel('密码').fill(`wrong-${i}`);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    }
    await expect.poll(() => page.getByText(/账号已锁定/).count()).toBeGreaterThan(0);
    await snap(page, 'foundation-lockout');
    await ctx.close();
  });
});
