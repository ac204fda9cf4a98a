import { describe, expect, it } from 'vitest';
import { mapFieldErrors, pathToName } from './server-errors';

describe('pathToName', () => {
  it('turns dotted paths into antd name paths with numeric indexes', () => {
    expect(pathToName('members.0.role')).toEqual(['members', 0, 'role']);
    expect(pathToName('name')).toEqual(['name']);
    expect(pathToName('')).toEqual([]);
  });
});

describe('mapFieldErrors', () => {
  const registered = [['name'], ['email'], ['members', 0, 'role'], ['role']];

  it('puts each error on the field named by its path, grouping several per field', () => {
    const { fieldData, unmatched } = mapFieldErrors(
      [
        { path: 'name', code: 'unique', message: '该值已被使用' },
        { path: 'members.0.role', code: 'roleForKind', message: '该用户类型不能担任此角色' },
        { path: 'name', code: 'too_big', message: '最多 200 个字符' },
      ],
      registered,
    );
    expect(fieldData).toEqual([
      { name: ['name'], errors: ['该值已被使用', '最多 200 个字符'] },
      { name: ['members', 0, 'role'], errors: ['该用户类型不能担任此角色'] },
    ]);
    expect(unmatched).toEqual([]);
  });

  it('returns errors on no field of the form (or on the whole body) as unmatched', () => {
    const { fieldData, unmatched } = mapFieldErrors(
      [
        { path: 'customerId', code: 'unknownReference', message: '引用的对象不存在' },
        { path: '', code: 'orgForKind', message: '客户联系人须属于一个客户' },
      ],
      registered,
    );
    expect(fieldData).toEqual([]);
    expect(unmatched.map((f) => f.code)).toEqual(['unknownReference', 'orgForKind']);
  });

  it('chooses the text by code when the form has its own, never by reading the message', () => {
    const { fieldData } = mapFieldErrors(
      [{ path: 'email', code: 'unique', message: 'whatever the server said' }],
      registered,
      {
        messages: { unique: '该邮箱已被其他用户使用' },
      },
    );
    expect(fieldData[0]?.errors).toEqual(['该邮箱已被其他用户使用']);
  });

  it('follows field-name aliases where the form names a field differently', () => {
    const { fieldData } = mapFieldErrors(
      [{ path: 'globalRoles.0', code: 'globalRoleGrant', message: '三员分立' }],
      registered,
      {
        fieldNames: { 'globalRoles.0': 'role' },
      },
    );
    expect(fieldData).toEqual([{ name: ['role'], errors: ['三员分立'] }]);
  });
});
