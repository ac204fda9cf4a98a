import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, click, pageText, renderWithApp, typeInto, waitFor } from '../../../test/render';
import { ActionForm } from './ActionForm';
import type { TicketAction } from './ActionForm';

const fetchMock = vi.fn<typeof fetch>();
const ticket = {
  id: '019a0000-0000-7000-8000-000000000001',
  projectId: '019a0000-0000-7000-8000-000000000002',
  assignee: null,
  group: null,
};
const reopen: TicketAction = {
  action: 'reopen',
  to: 'in_progress',
  label: '重新打开',
  requiredFields: [{ name: 'reopenReason', type: 'text' }],
};

const explainOf = (name: string) =>
  document
    .querySelector(`textarea#${name}`)
    ?.closest('.ant-form-item')
    ?.querySelector('.ant-form-item-explain')?.textContent;

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockReset();
});
afterEach(() => vi.unstubAllGlobals());

describe('ActionForm', () => {
  it('asks for the fields the transition requires before sending anything', async () => {
    await renderWithApp(<ActionForm ticket={ticket} action={reopen} onDone={() => {}} />);
    await click(document.querySelector('button[type="submit"]'));
    await waitFor(() => explainOf('reopenReason'));
    expect(explainOf('reopenReason')).toBe('此操作需要填写该项');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("puts the server's field errors on the field and other refusals above the form", async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: '请求参数有误',
          requestId: 'r1',
          details: {
            fields: [
              { path: 'reopenReason', code: 'invalidTransitionField', message: '取值无效，可选：a, b' },
              { path: 'somethingElse', code: 'required', message: '必填' },
            ],
          },
        },
      }),
    );
    const onDone = vi.fn();
    await renderWithApp(<ActionForm ticket={ticket} action={reopen} onDone={onDone} />);
    await typeInto(document.querySelector('textarea#reopenReason'), '  还是打不开  ');
    await click(document.querySelector('button[type="submit"]'));
    await waitFor(() => explainOf('reopenReason'));
    expect(explainOf('reopenReason')).toBe('取值无效，可选：a, b');
    const alert = document.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('请求参数有误');
    expect(alert).toContain('somethingElse: 必填');
    expect(alert).toContain('r1');
    // The answer went trimmed to the action's own endpoint.
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toBe(`/api/v1/tickets/${ticket.id}/reopen`);
    expect(JSON.parse(String(init?.body))).toEqual({ reopenReason: '还是打不开' });
    expect(onDone).not.toHaveBeenCalled();
  });

  it('shows a refused transition (409) with the server message', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(409, {
        error: {
          code: 'INVALID_TRANSITION',
          message: '当前状态不允许此操作',
          requestId: 'r2',
          details: { allowed: ['close'] },
        },
      }),
    );
    await renderWithApp(<ActionForm ticket={ticket} action={reopen} onDone={() => {}} />);
    await typeInto(document.querySelector('textarea#reopenReason'), '没修好');
    await click(document.querySelector('button[type="submit"]'));
    await waitFor(() => pageText().includes('当前状态不允许此操作'));
    expect(explainOf('reopenReason')).toBeFalsy();
  });
});
