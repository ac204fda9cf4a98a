import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { issuesToFieldErrors } from '@opsdesk/contracts';
import type { AttributeDef } from '@opsdesk/contracts';
import {
  attributeProblem,
  attributesSchema,
  attributesToApi,
  attributesToForm,
  isIpAddress,
  isMacAddress,
} from './attributes';

const l = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const defs: AttributeDef[] = [
  { key: 'hostname', label: l('主机名', 'Host name'), kind: 'text', required: true, maxLength: 10 },
  { key: 'memory_gb', label: l('内存', 'Memory'), kind: 'number', unit: 'GB', min: 0 },
  { key: 'cpu_cores', label: l('CPU核数', 'CPU cores'), kind: 'integer', min: 1, max: 512 },
  { key: 'installed', label: l('上线日期', 'Installed'), kind: 'date' },
  { key: 'virtual', label: l('虚拟化', 'Virtual'), kind: 'boolean' },
  {
    key: 'layer',
    label: l('层级', 'Layer'),
    kind: 'enum',
    options: [
      { value: 'l2', label: l('二层', 'Layer 2') },
      { value: 'l3', label: l('三层', 'Layer 3') },
    ],
  },
  { key: 'management_ip', label: l('管理IP', 'Management IP'), kind: 'ip', unique: true },
  { key: 'mac_address', label: l('MAC地址', 'MAC address'), kind: 'mac' },
  { key: 'host_server', label: l('宿主机', 'Host server'), kind: 'reference', refTypes: ['physical_server'] },
];
const def = (key: string) => defs.find((d) => d.key === key)!;

describe('attribute values, kind by kind (the browser half of checkAttributes)', () => {
  it.each([
    ['hostname', 'web-01', null],
    ['hostname', 'a-very-long-host-name', { code: 'too_long', params: { max: 10 } }],
    ['hostname', undefined, { code: 'required' }],
    ['hostname', '   ', { code: 'required' }],
    ['memory_gb', 15.5, null],
    ['memory_gb', -1, { code: 'below_min', params: { min: 0 } }],
    ['memory_gb', 'many', { code: 'not_number' }],
    ['cpu_cores', 8, null],
    ['cpu_cores', 2.5, { code: 'not_integer' }],
    ['cpu_cores', 1024, { code: 'above_max', params: { max: 512 } }],
    ['installed', '2024-03-05', null],
    ['installed', '2024-02-30', { code: 'not_date' }],
    ['installed', '2024/3/5', { code: 'not_date' }],
    ['virtual', false, null],
    ['virtual', 'yes', { code: 'not_boolean' }],
    ['layer', 'l3', null],
    ['layer', 'l4', { code: 'not_option', params: { options: 'l2, l3' } }],
    ['management_ip', '10.0.0.1', null],
    ['management_ip', '010.000.000.007', null],
    ['management_ip', 'fe80::1', null],
    ['management_ip', '10.0.0.300', { code: 'not_ip' }],
    ['mac_address', '00:1A:2B:3C:4D:5E', null],
    ['mac_address', '00-1a-2b-3c-4d-5e', null],
    ['mac_address', '001a.2b3c.4d5e', null],
    ['mac_address', 'xx', { code: 'not_mac' }],
    ['host_server', '019a0000-0000-7000-8000-000000000001', null],
    ['host_server', '服务器A', { code: 'not_reference' }],
    ['layer', null, null],
  ] as const)('%s = %j → %j', (key, value, problem) => {
    expect(attributeProblem(def(key), value)).toEqual(problem);
  });

  it('reads IP and MAC addresses as the server does', () => {
    expect(
      ['1.2.3.4', '255.255.255.255', '::1', '2001:db8::8a2e:370:7334', '::ffff:10.0.0.1'].every(isIpAddress),
    ).toBe(true);
    expect(['1.2.3', '256.1.1.1', '1::2::3', '12345::', 'localhost'].some(isIpAddress)).toBe(false);
    expect(['001A2B3C4D5E'].every(isMacAddress)).toBe(true);
    expect(['00:1A:2B:3C:4D', '00:1A-2B:3C:4D:5E'].some(isMacAddress)).toBe(false);
  });
});

describe('form values ⇄ API values', () => {
  it('sends numbers as numbers, dates as YYYY-MM-DD, trimmed text, and leaves empty ones out of a new CI', () => {
    const form = {
      hostname: '  web-01 ',
      memory_gb: 15.5,
      cpu_cores: null,
      installed: dayjs('2024-03-05'),
      virtual: false,
      layer: undefined,
      management_ip: ' 10.0.0.1 ',
      mac_address: '',
    };
    expect(attributesToApi(defs, form, 'create')).toEqual({
      hostname: 'web-01',
      memory_gb: 15.5,
      installed: '2024-03-05',
      virtual: false,
      management_ip: '10.0.0.1',
    });
  });

  it('clears removed values with null in a patch', () => {
    const patch = attributesToApi(defs, { hostname: 'web-01', layer: undefined }, 'patch');
    expect(patch.hostname).toBe('web-01');
    expect(patch.layer).toBeNull();
    expect(Object.keys(patch)).toHaveLength(defs.length);
  });

  it('gives the inputs what they hold (dayjs for dates)', () => {
    const f = attributesToForm(defs, { installed: '2024-03-05', cpu_cores: 8 });
    expect(dayjs.isDayjs(f.installed)).toBe(true);
    expect((f.installed as dayjs.Dayjs).format('YYYY-MM-DD')).toBe('2024-03-05');
    expect(f.cpu_cores).toBe(8);
    expect(f.layer).toBeUndefined();
  });
});

describe('attributesSchema', () => {
  it('reports each problem at attributes.<key> with the server’s message, in the user’s language', () => {
    const r = attributesSchema(defs).safeParse({
      memory_gb: -1,
      cpu_cores: 2.5,
      management_ip: '10.0.0.300',
      mac_address: 'xx',
      layer: 'l4',
    });
    expect(r.success).toBe(false);
    const zh = Object.fromEntries(
      issuesToFieldErrors(r.error!.issues, 'zh-CN').map((e) => [`attributes.${e.path}`, e.message]),
    );
    expect(zh).toEqual({
      'attributes.hostname': '必填',
      'attributes.memory_gb': '不能小于 0',
      'attributes.cpu_cores': '应为整数',
      'attributes.management_ip': '不是有效的 IP 地址',
      'attributes.mac_address': '不是有效的 MAC 地址',
      'attributes.layer': '必须是以下之一：l2, l3',
    });
    const en = issuesToFieldErrors(r.error!.issues, 'en').find((e) => e.path === 'cpu_cores');
    expect(en).toMatchObject({ code: 'ci.not_integer', message: 'Must be a whole number' });
  });

  it('passes good values and keeps attributes the type does not know for the server to judge', () => {
    const r = attributesSchema(defs).safeParse({ hostname: 'web-01', colour: 'red' });
    expect(r.success).toBe(true);
    expect(r.data).toEqual({ hostname: 'web-01', colour: 'red' });
  });
});
