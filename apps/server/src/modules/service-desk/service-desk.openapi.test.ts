import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('OpenAPI of the service desk', () => {
  it('documents every endpoint with a tag and its request/response schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      paths: Record<
        string,
        Record<string, { tags?: string[]; requestBody?: unknown; responses: Record<string, unknown> }>
      >;
    };
    const expected: [string, string][] = [
      ['post', '/api/v1/tickets'],
      ['get', '/api/v1/tickets'],
      ['get', '/api/v1/tickets/{id}'],
      ['patch', '/api/v1/tickets/{id}'],
      ['post', '/api/v1/tickets/{id}/resolve'],
      ['post', '/api/v1/tickets/{id}/assign'],
      ['post', '/api/v1/tickets/{id}/{action}'],
      ['post', '/api/v1/tickets/{id}/comments'],
      ['get', '/api/v1/tickets/{id}/sla'],
      ['post', '/api/v1/calendars/{id}/compute-due'],
      ['post', '/api/v1/holiday-years/import'],
      ['put', '/api/v1/sla-breaches/{id}/reason'],
      ['post', '/api/v1/tickets/bulk-assign'],
      ['put', '/api/v1/admin/mail-settings'],
    ];
    for (const [method, path] of expected) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op!.tags?.length).toBeGreaterThan(0);
      expect(Object.keys(op!.responses).some((code) => /^20[01]$/.test(code))).toBe(true);
      if (method !== 'get') expect(op!.requestBody ?? method === 'delete').toBeTruthy();
    }
    const mail = JSON.stringify(doc.paths['/api/v1/admin/mail-settings']!['get']!.responses);
    expect(mail).not.toContain('"password"');
  });
});
