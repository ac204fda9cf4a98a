import { describe, expect, it, vi } from 'vitest';
import { Form, Input } from 'antd';
import { CustomerCreateSchema } from '@opsdesk/contracts';
import { ApiError } from '../../app/api/client';
import { click, pageText, renderWithApp, typeInto, waitFor } from '../../test/render';
import { ContractFormView } from './ContractFormView';
import { useContractForm } from './useContractForm';

function CustomerFormUnderTest({ submit }: { submit: (data: unknown) => Promise<unknown> }) {
  const form = useContractForm({
    schema: CustomerCreateSchema,
    submit,
    messages: { unique: '客户编号已被其他客户使用' },
  });
  return (
    <ContractFormView form={form}>
      <Form.Item name="name" label="客户名称">
        <Input id="name" />
      </Form.Item>
      <Form.Item name="code" label="客户编号">
        <Input id="code" />
      </Form.Item>
      <Form.Item name="phone" label="电话">
        <Input id="phone" />
      </Form.Item>
    </ContractFormView>
  );
}

const fieldError = (id: string) =>
  document.querySelector(`#${id}`)?.closest('.ant-form-item')?.querySelector('.ant-form-item-explain')
    ?.textContent;
const submitButton = () => document.querySelector('button[type="submit"]');

describe('useContractForm', () => {
  it('validates with the contract schema in the browser and sends nothing when invalid', async () => {
    const submit = vi.fn(async () => ({}));
    await renderWithApp(<CustomerFormUnderTest submit={submit} />);
    await typeInto(document.querySelector('#phone'), 'call me');
    await click(submitButton());
    await waitFor(() => fieldError('phone'));
    expect(fieldError('phone')).toBe('电话号码只能包含数字、+、-、括号和空格');
    expect(fieldError('name')).toBe('必填');
    expect(submit).not.toHaveBeenCalled();
  });

  it('sends the parsed data (trimmed, empty text as null)', async () => {
    const submit = vi.fn(async () => ({}));
    await renderWithApp(<CustomerFormUnderTest submit={submit} />);
    await typeInto(document.querySelector('#name'), '  某某银行  ');
    await click(submitButton());
    await waitFor(() => submit.mock.calls.length > 0);
    expect(submit).toHaveBeenCalledWith({
      name: '某某银行',
      code: null,
      phone: null,
      shortName: null,
      industry: null,
      address: null,
      notes: null,
    });
  });

  it("puts the server's details.fields on the fields by path, text chosen by code, and the rest above the form", async () => {
    const submit = vi.fn(async () => {
      throw new ApiError({
        status: 409,
        code: 'ALREADY_EXISTS',
        message: '已存在相同的记录',
        requestId: 'req-7',
        fields: [
          { path: 'code', code: 'unique', message: '该值已被使用' },
          { path: 'phone', code: 'phoneFormat', message: '电话号码格式不对（服务器）' },
          { path: 'industryCode', code: 'unknownReference', message: '引用的对象不存在' },
        ],
      });
    });
    await renderWithApp(<CustomerFormUnderTest submit={submit} />);
    await typeInto(document.querySelector('#name'), '某某银行');
    await typeInto(document.querySelector('#code'), 'C-001');
    await click(submitButton());
    await waitFor(() => fieldError('code'));
    expect(fieldError('code')).toBe('客户编号已被其他客户使用');
    expect(fieldError('phone')).toBe('电话号码格式不对（服务器）');
    const alert = document.querySelector('.ant-alert')?.textContent ?? '';
    expect(alert).toContain('已存在相同的记录');
    expect(alert).toContain('industryCode: 引用的对象不存在');
    expect(pageText()).toContain('req-7');
  });
});
