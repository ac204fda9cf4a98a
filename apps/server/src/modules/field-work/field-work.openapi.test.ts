import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('OpenAPI of field work', () => {
  it('documents every endpoint with a tag, a summary and its request/response schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      paths: Record<
        string,
        Record<
          string,
          { tags?: string[]; summary?: string; requestBody?: unknown; responses: Record<string, unknown> }
        >
      >;
      components: { schemas: Record<string, unknown> };
    };
    const expected: [string, string][] = [
      ['post', '/api/v1/work-orders'],
      ['get', '/api/v1/work-orders'],
      ['get', '/api/v1/work-orders/{id}'],
      ['patch', '/api/v1/work-orders/{id}'],
      ...[
        'dispatch',
        'accept',
        'reject',
        'check-in',
        'complete',
        'sign-off',
        'rework',
        'close',
        'cancel',
      ].map((a): [string, string] => ['post', `/api/v1/work-orders/{id}/${a}`]),
      ['get', '/api/v1/projects/{id}/arrival-targets'],
      ['put', '/api/v1/projects/{id}/arrival-targets'],
      ['get', '/api/v1/inspection-templates'],
      ['post', '/api/v1/inspection-templates'],
      ['get', '/api/v1/inspection-templates/{id}'],
      ['put', '/api/v1/inspection-templates/{id}'],
      ['delete', '/api/v1/inspection-templates/{id}'],
      ['get', '/api/v1/inspection-templates/{id}/versions/{version}'],
      ['post', '/api/v1/inspection-templates/{id}/copy'],
      ['get', '/api/v1/projects/{id}/inspection-plans'],
      ['post', '/api/v1/projects/{id}/inspection-plans'],
      ['get', '/api/v1/inspection-plans/{id}'],
      ['patch', '/api/v1/inspection-plans/{id}'],
      ['delete', '/api/v1/inspection-plans/{id}'],
      ['get', '/api/v1/inspection-tasks'],
      ['get', '/api/v1/inspection-tasks/{id}'],
      ['put', '/api/v1/inspection-tasks/{id}/readings'],
      ['post', '/api/v1/inspection-tasks/{id}/submit'],
      ['post', '/api/v1/inspection-tasks/{id}/cancel'],
      ['get', '/api/v1/inspection-findings'],
      ['get', '/api/v1/inspection-findings/{id}'],
      ['post', '/api/v1/inspection-findings/{id}/incident'],
      ['post', '/api/v1/inspection-findings/{id}/work-order'],
      ['post', '/api/v1/inspection-findings/{id}/resolve'],
      ['get', '/api/v1/projects/{id}/inspection-report'],
    ];
    for (const [method, path] of expected) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op!.tags?.length, `${method} ${path}`).toBeGreaterThan(0);
      expect(op!.summary, `${method} ${path}`).toBeTruthy();
      expect(
        Object.keys(op!.responses).some((code) => /^20[01]$/.test(code)),
        `${method} ${path}`,
      ).toBe(true);
      if (method !== 'get' && method !== 'delete') expect(op!.requestBody, `${method} ${path}`).toBeTruthy();
    }
    expect(doc.paths['/api/v1/projects/{id}/inspection-report.xlsx']?.['get']?.tags).toEqual(['inspections']);
    for (const name of [
      'WorkOrder',
      'InspectionTask',
      'InspectionTemplate',
      'InspectionFinding',
      'InspectionReport',
      'ReadingsSaveResult',
    ])
      expect(doc.components.schemas[name], name).toBeDefined();
  });
});
