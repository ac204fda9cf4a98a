import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

type Op = {
  tags?: string[];
  requestBody?: unknown;
  parameters?: { name: string; in: string }[];
  responses: Record<string, unknown>;
};

/** Every endpoint of service projects (issue 3), with the tag it is documented under. */
const SERVICE_PROJECT_ENDPOINTS: [string, string, string][] = [
  ['get', '/api/v1/service-mode-rules', 'service-modes'],
  ['post', '/api/v1/service-mode-rules', 'service-modes'],
  ['patch', '/api/v1/service-mode-rules/{id}', 'service-modes'],
  ['delete', '/api/v1/service-mode-rules/{id}', 'service-modes'],
  ['get', '/api/v1/projects/{id}/mode-suggestion', 'service-modes'],
  ['get', '/api/v1/projects/{id}/handover', 'handovers'],
  ['post', '/api/v1/projects/{id}/handover', 'handovers'],
  ['patch', '/api/v1/projects/{id}/handover', 'handovers'],
  ['post', '/api/v1/projects/{id}/handover/decide', 'handovers'],
  ['post', '/api/v1/projects/{id}/handover/customer-manager', 'handovers'],
  ['post', '/api/v1/projects/{id}/handover/subcontractor-decision', 'handovers'],
  ['get', '/api/v1/handovers', 'handovers'],
  ['get', '/api/v1/projects/{id}/tenders', 'tenders'],
  ['post', '/api/v1/projects/{id}/tenders', 'tenders'],
  ['get', '/api/v1/tenders/{id}', 'tenders'],
  ['patch', '/api/v1/tenders/{id}', 'tenders'],
  ['post', '/api/v1/tenders/{id}/publish', 'tenders'],
  ['post', '/api/v1/tenders/{id}/award', 'tenders'],
  ['get', '/api/v1/projects/{id}/lifecycle', 'lifecycle'],
  ['post', '/api/v1/projects/{id}/lifecycle/{action}', 'lifecycle'],
  ['get', '/api/v1/projects/{id}/tasks', 'lifecycle'],
  ['post', '/api/v1/projects/{id}/tasks', 'lifecycle'],
  ['get', '/api/v1/project-tasks', 'lifecycle'],
  ['get', '/api/v1/project-tasks/{id}', 'lifecycle'],
  ['patch', '/api/v1/project-tasks/{id}', 'lifecycle'],
  ['post', '/api/v1/project-tasks/{id}/complete', 'lifecycle'],
  ['post', '/api/v1/project-tasks/{id}/reopen', 'lifecycle'],
  ['post', '/api/v1/project-tasks/{id}/cancel', 'lifecycle'],
  ['post', '/api/v1/project-tasks/{id}/submit', 'lifecycle'],
  ['post', '/api/v1/project-tasks/{id}/approve', 'lifecycle'],
  ['post', '/api/v1/project-tasks/{id}/reject', 'lifecycle'],
  ['get', '/api/v1/project-tasks/{id}/comments', 'lifecycle'],
  ['post', '/api/v1/project-tasks/{id}/comments', 'lifecycle'],
  ['get', '/api/v1/checklist-templates', 'lifecycle'],
  ['post', '/api/v1/checklist-templates', 'lifecycle'],
  ['patch', '/api/v1/checklist-templates/{id}', 'lifecycle'],
  ['delete', '/api/v1/checklist-templates/{id}', 'lifecycle'],
  ['get', '/api/v1/projects/{id}/roster', 'roster'],
  ['post', '/api/v1/projects/{id}/roster/shifts', 'roster'],
  ['post', '/api/v1/projects/{id}/roster/rotation', 'roster'],
  ['get', '/api/v1/projects/{id}/on-duty', 'roster'],
  ['get', '/api/v1/teams/{id}/roster', 'roster'],
  ['post', '/api/v1/teams/{id}/roster/shifts', 'roster'],
  ['post', '/api/v1/teams/{id}/roster/rotation', 'roster'],
  ['patch', '/api/v1/roster-shifts/{id}', 'roster'],
  ['delete', '/api/v1/roster-shifts/{id}', 'roster'],
  ['post', '/api/v1/roster-shifts/{id}/swap', 'roster'],
];

describe('OpenAPI of service projects', () => {
  it('documents every endpoint with its tag, its body (writes) and a 2xx response', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      paths: Record<string, Record<string, Op>>;
      components: { schemas: Record<string, unknown> };
    };
    for (const [method, path, tag] of SERVICE_PROJECT_ENDPOINTS) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op!.tags, `${method} ${path}`).toEqual([tag]);
      expect(
        Object.keys(op!.responses).some((code) => /^20[01]$/.test(code)),
        `${method} ${path}`,
      ).toBe(true);
      if (method === 'post' || method === 'patch') expect(op!.requestBody, `${method} ${path}`).toBeDefined();
    }
    const ours = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) =>
          op.tags?.some((x) => ['service-modes', 'handovers', 'tenders', 'lifecycle', 'roster'].includes(x)),
        )
        .map(([method]) => `${method} ${path}`),
    );
    expect(ours.sort()).toEqual(SERVICE_PROJECT_ENDPOINTS.map(([m, p]) => `${m} ${p}`).sort());
    for (const name of [
      'Project',
      'Handover',
      'ProjectTask',
      'ServiceModeRule',
      'ModeSuggestion',
      'Tender',
      'RosterShift',
      'OnDuty',
      'ChecklistTemplate',
    ]) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
    // Money is documented as a decimal string.
    expect(JSON.stringify(doc.components.schemas.Project)).toContain('decimal string');
  });
});
