import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Auth, Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';
import { makeCi, typeId } from './cmdb.test-helpers.js';
import { csvLine, decodeCsv, parseCsv } from './csv.js';

let t: TestApp;
let f: Factories;
let switchType: string;
let controllerType: string;

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
  switchType = await typeId(t, 'switch');
  controllerType = await typeId(t, 'signal_controller');
  // A row named __boom__ fails inside the database (after every check passed), to prove that a
  // failed row leaves nothing half-written while the others of its batch go in.
  await t.deps.pool.query(`
    CREATE OR REPLACE FUNCTION cmdb_test_boom() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.name = '__boom__' THEN RAISE EXCEPTION 'boom' USING ERRCODE = 'check_violation', CONSTRAINT = 'cis_name_check'; END IF; RETURN NEW; END $$;
    DROP TRIGGER IF EXISTS cmdb_test_boom ON cis;
    CREATE TRIGGER cmdb_test_boom BEFORE INSERT ON cis FOR EACH ROW EXECUTE FUNCTION cmdb_test_boom();`);
});

afterAll(async () => {
  await t.deps.pool.query(`DROP TRIGGER IF EXISTS cmdb_test_boom ON cis`);
});

function multipart(fileName: string, content: Buffer) {
  const boundary = '----opsdesk' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  auth: Auth,
  projectId: string,
  type: string,
  fileName: string,
  content: Buffer,
  dryRun: boolean,
  lang = 'zh-CN',
) {
  const m = multipart(fileName, content);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/cis/import?projectId=${projectId}&typeId=${type}&dryRun=${dryRun}`,
    headers: { ...auth.headers, 'content-type': m.contentType, 'accept-language': lang },
    payload: m.body,
  });
}

const csv = (rows: (string | number)[][]) =>
  Buffer.from('\ufeff' + rows.map((r) => csvLine(r)).join(''), 'utf8');
const HEADER = [
  '*名称',
  '状态',
  '序列号',
  '厂商',
  '型号',
  '标签',
  '保修截止日期',
  '管理IP',
  '端口数（口）',
  '层级',
];

/** Eight lines: the header, then rows 2–8; rows 3 and 7 are wrong. */
function switchesFile(prefix: string) {
  return [
    HEADER,
    [
      `${prefix}-核心`,
      '在用',
      `${prefix}-SN1`,
      '华为',
      'S7706',
      '核心,机房A',
      '2027-06-30',
      '10.0.0.1',
      48,
      '三层',
    ],
    [`${prefix}-汇聚1`, '在用', `${prefix}-SN2`, '华为', 'S5735', '', '2027/6/30', '10.0.0.300', 24, '二层'],
    [
      `${prefix}-汇聚2`,
      '维护中',
      `${prefix}-SN3`,
      '华三',
      'S5560',
      '',
      '2027年6月30日',
      '10.0.0.3',
      24,
      'Layer 2',
    ],
    [`${prefix}-接入1`, '', `${prefix}-SN4`, '锐捷', 'RG-S2910', '', '', '10.0.0.4', '24', ''],
    [`${prefix}-接入2`, '计划中', '', '锐捷', 'RG-S2910', '', '', '10.0.0.5', '', ''],
    [`${prefix}-接入3`, '在用', `${prefix}-SN6`, '锐捷', 'RG-S2910', '', '', '10.0.0.6', '二十四', ''],
    [`${prefix}-接入4`, '在用', `${prefix}-SN7`, '锐捷', 'RG-S2910', '', '', '010.000.000.007', 8, ''],
  ];
}

const countCis = async (projectId: string) =>
  Number(
    (await t.deps.pool.query(`SELECT count(*) FROM cis WHERE project_id = $1`, [projectId])).rows[0].count,
  );

describe('import', () => {
  it('dry-runs a file with errors in rows 3 and 7: writes nothing, reports both with the Chinese column names', async () => {
    const a = await f.tenant();
    const pm = await f.session(a.pm);
    const res = await upload(pm, a.project.id, switchType, '交换机.csv', csv(switchesFile('dry')), true);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'done',
      dryRun: true,
      totalRows: 7,
      processedRows: 7,
      created: 5,
      updated: 0,
      unchanged: 0,
      errorCount: 2,
    });
    expect(body.errors).toEqual([
      { row: 3, column: '管理IP', field: 'attributes.management_ip', message: '不是有效的 IP 地址' },
      { row: 7, column: '端口数（口）', field: 'attributes.port_count', message: '应为整数' },
    ]);
    expect(await countCis(a.project.id)).toBe(0);
    // In English, the same columns (as written in the file), the messages in English.
    const en = (
      await upload(pm, a.project.id, switchType, 'switches.csv', csv(switchesFile('dry')), true, 'en')
    ).json();
    expect(
      en.errors.map((e: { row: number; column: string; message: string }) => [e.row, e.column, e.message]),
    ).toEqual([
      [3, '管理IP', 'Not a valid IP address'],
      [7, '端口数（口）', 'Must be a whole number'],
    ]);
    // The result file lists every row.
    const result = await client(t.app, pm).get(`/api/v1/attachments/${body.resultAttachmentId}/content`);
    expect(result.statusCode).toBe(200);
    const lines = parseCsv(decodeCsv(result.rawPayload));
    expect(lines[0]).toEqual(['行号', '结果', '配置项ID', '名称', '说明']);
    expect(lines.slice(1).map((l) => [l[0], l[1]])).toEqual([
      ['2', '新建'],
      ['3', '错误'],
      ['4', '新建'],
      ['5', '新建'],
      ['6', '新建'],
      ['7', '错误'],
      ['8', '新建'],
    ]);
  });

  it('commits the good rows as an idempotent upsert; importing the same file again changes nothing', async () => {
    const a = await f.tenant();
    const pm = await f.session(a.pm);
    const file = csv(switchesFile('commit'));
    const first = (await upload(pm, a.project.id, switchType, '交换机.csv', file, false)).json();
    expect(first).toMatchObject({ status: 'done', created: 5, updated: 0, unchanged: 0, errorCount: 2 });
    expect(await countCis(a.project.id)).toBe(5);
    const list = (await client(t.app, pm).get(`/api/v1/cis?projectId=${a.project.id}&limit=10`)).json().items;
    const core = list.find((x: { name: string }) => x.name === 'commit-核心');
    expect(core).toMatchObject({
      status: 'in_use',
      vendor: '华为',
      tags: ['核心', '机房A'],
      warrantyEnd: '2027-06-30',
      attributes: { management_ip: '10.0.0.1', port_count: 48, layer: 'l3' },
    });
    expect(list.find((x: { name: string }) => x.name === 'commit-汇聚2')).toMatchObject({
      status: 'maintenance',
      warrantyEnd: '2027-06-30',
      attributes: { layer: 'l2' },
    });
    expect(list.find((x: { name: string }) => x.name === 'commit-接入4').attributes.management_ip).toBe(
      '10.0.0.7',
    );
    const history = await t.deps.pool.query(
      `SELECT count(*)::int AS n FROM ci_history h JOIN cis c ON c.id = h.ci_id WHERE c.project_id = $1`,
      [a.project.id],
    );
    const audit = await t.deps.pool.query(
      `SELECT action, detail FROM audit_log WHERE object_id = $1 ORDER BY id`,
      [first.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['ci_import.create', 'ci.import']);
    expect(audit.rows[1].detail).toMatchObject({ created: 5, updated: 0 });

    const again = (await upload(pm, a.project.id, switchType, '交换机.csv', file, false)).json();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5, errorCount: 2 });
    expect(await countCis(a.project.id)).toBe(5);
    const history2 = await t.deps.pool.query(
      `SELECT count(*)::int AS n FROM ci_history h JOIN cis c ON c.id = h.ci_id WHERE c.project_id = $1`,
      [a.project.id],
    );
    expect(history2.rows[0].n).toBe(history.rows[0].n);

    // Fixing the two rows and changing one value: two new, one updated, the rest unchanged.
    const fixed = switchesFile('commit');
    fixed[2]![7] = '10.0.0.2';
    fixed[6]![8] = 24;
    fixed[1]![3] = 'Huawei';
    const third = (await upload(pm, a.project.id, switchType, '交换机.csv', csv(fixed), false)).json();
    expect(third).toMatchObject({ created: 2, updated: 1, unchanged: 4, errorCount: 0 });
    const h = (await client(t.app, pm).get(`/api/v1/cis/${core.id}/history`)).json().items[0];
    expect(h).toMatchObject({
      action: 'update',
      field: 'vendor',
      before: '华为',
      after: 'Huawei',
      importId: third.id,
    });
  });

  it('reports duplicates in the file, taken unique values, unknown columns and missing names', async () => {
    const a = await f.tenant();
    const pm = await f.session(a.pm);
    await makeCi(t, pm, {
      projectId: a.project.id,
      typeId: switchType,
      name: '已有',
      serialNo: 'TAKEN',
      attributes: { management_ip: '10.1.0.1' },
    });
    await makeCi(t, pm, {
      projectId: a.project.id,
      typeId: controllerType,
      name: '信号机',
      serialNo: 'OTHER-TYPE',
      attributes: { intersection: '中山路' },
    });
    const rows = [
      [...HEADER, '颜色'],
      ['甲', '', 'S-1', '', '', '', '', '10.1.0.1', '', '', ''],
      ['乙', '', 'S-2', '', '', '', '', '10.1.0.9', '', '', ''],
      ['丙', '', 'S-2', '', '', '', '', '10.1.0.10', '', '', ''],
      ['', '', 'S-4', '', '', '', '', '10.1.0.11', '', '', ''],
      ['丁', '', 'OTHER-TYPE', '', '', '', '', '10.1.0.12', '', '', ''],
      ['戊', '坏了', 'S-6', '', '', '', '2027-02-30', '10.1.0.9', '', '四层', ''],
    ];
    const body = (await upload(pm, a.project.id, switchType, 'x.csv', csv(rows), true)).json();
    expect(
      body.errors.map(
        (e: { row: number; column: string | null; message: string }) => `${e.row}|${e.column}|${e.message}`,
      ),
    ).toEqual([
      '1|颜色|无法识别的列“颜色”',
      '2|管理IP|该值已被使用',
      '4|序列号|与第 3 行是同一配置项',
      '5|*名称|必填',
      '6|序列号|该序列号已被其他类型的配置项使用',
      '7|状态|必须是以下之一：计划中 / 在用 / 维护中 / 故障 / 已退役',
      '7|保修截止日期|应为日期（YYYY-MM-DD）',
      '7|层级|必须是以下之一：l2, l3',
    ]);
    const noName = (
      await upload(pm, a.project.id, switchType, 'x.csv', csv([['序列号'], ['S-1']]), true)
    ).json();
    expect(noName.errors).toEqual([{ row: 1, column: '名称', field: null, message: '缺少必填列“名称”' }]);
    const notAFile = await upload(pm, a.project.id, switchType, 'x.xlsx', Buffer.from('not a zip'), true);
    expect(notAFile.json().error.details.fields[0]).toMatchObject({
      path: 'file',
      code: 'import.unreadable',
    });
    const noFile = await client(t.app, pm).post(
      `/api/v1/cis/import?projectId=${a.project.id}&typeId=${switchType}`,
      {},
    );
    expect(noFile.json().error.details.fields[0].path).toBe('file');
  });

  it('reads .xlsx (dates, numbers, rich text) and GB18030 CSV from Chinese Excel', async () => {
    const a = await f.tenant();
    const site = await f.site(a.customer.id, { name: '中山路-解放路路口' });
    const pm = await f.session(a.pm);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('信号机');
    ws.addRow([
      '*名称',
      '序列号',
      '站点',
      '负责人',
      '采购日期',
      '价格（元）',
      '*路口',
      'IP地址',
      '相位数（个）',
      '通信方式',
    ]);
    ws.addRow([
      '信号机-001',
      'HS-001',
      '中山路-解放路路口',
      a.engineer.displayName,
      new Date(Date.UTC(2021, 2, 5)),
      45800,
      { richText: [{ text: '中山路' }, { text: '-解放路' }] },
      '192.168.10.11',
      8,
      '光纤',
    ]);
    ws.addRow([
      '信号机-002',
      'HS-002',
      '',
      '',
      44287,
      '¥38,000.00',
      '人民路-建设路',
      '192.168.10.12',
      '4',
      '4G/5G',
    ]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const res = (await upload(pm, a.project.id, controllerType, '信号机.xlsx', xlsx, false)).json();
    expect(res).toMatchObject({ status: 'done', format: 'xlsx', created: 2, errorCount: 0 });
    const items = (await client(t.app, pm).get(`/api/v1/cis?projectId=${a.project.id}`)).json().items;
    expect(items[0]).toMatchObject({
      name: '信号机-001',
      site: { id: site.id },
      owner: { id: a.engineer.id },
      purchaseDate: '2021-03-05',
      price: 45800,
      attributes: {
        intersection: '中山路-解放路',
        ip_address: '192.168.10.11',
        phase_count: 8,
        comm_mode: 'fiber',
      },
    });
    expect(items[1]).toMatchObject({
      name: '信号机-002',
      purchaseDate: '2021-04-01',
      price: 38000,
      attributes: { phase_count: 4, comm_mode: '4g' },
    });

    const gbk = iconv.encode(
      ['*名称,序列号,*路口', '信号机-003,HS-003,解放路-环城路'].join('\r\n'),
      'gb18030',
    );
    const res2 = (await upload(pm, a.project.id, controllerType, '信号机.csv', gbk, false)).json();
    expect(res2).toMatchObject({ created: 1, errorCount: 0 });
    expect(
      (await client(t.app, pm).get(`/api/v1/cis?projectId=${a.project.id}&q=HS-003`)).json().items[0]
        .attributes.intersection,
    ).toBe('解放路-环城路');
  });

  it('runs a large file as a background job with progress and a result file', async () => {
    const a = await f.tenant();
    const pm = await f.session(a.pm);
    const before = process.env.OPSDESK_IMPORT_INLINE_ROWS;
    process.env.OPSDESK_IMPORT_INLINE_ROWS = '10';
    try {
      const rows: (string | number)[][] = [['*名称', '序列号', '管理IP']];
      for (let i = 0; i < 25; i++) rows.push([`批量-${i}`, `BULK-${i}`, `10.20.0.${i + 1}`]);
      const res = await upload(pm, a.project.id, switchType, 'bulk.csv', csv(rows), false);
      expect(res.statusCode).toBe(202);
      const rec = (await client(t.app, pm).get(`/api/v1/cis/imports/${res.json().id}`)).json();
      expect(rec).toMatchObject({ status: 'done', totalRows: 25, processedRows: 25, created: 25 });
      expect(await countCis(a.project.id)).toBe(25);
      const file = await client(t.app, pm).get(`/api/v1/attachments/${rec.resultAttachmentId}/content`);
      expect(parseCsv(decodeCsv(file.rawPayload))).toHaveLength(26);
      const list = (await client(t.app, pm).get(`/api/v1/cis/imports?projectId=${a.project.id}`)).json();
      expect(list.items.map((x: { id: string }) => x.id)).toEqual([rec.id]);
      // A second import: newest first, a page at a time; oldest first on request.
      const again = await upload(pm, a.project.id, switchType, 'bulk.csv', csv(rows.slice(0, 3)), true);
      const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((x) => x.id);
      const http = client(t.app, pm);
      const first = await http.get(`/api/v1/cis/imports?projectId=${a.project.id}&limit=1`);
      expect(ids(first)).toEqual([again.json().id]);
      const next = await http.get(
        `/api/v1/cis/imports?projectId=${a.project.id}&limit=1&cursor=${first.json().nextCursor}`,
      );
      expect(ids(next)).toEqual([rec.id]);
      expect(next.json().nextCursor).toBeNull();
      expect(ids(await http.get(`/api/v1/cis/imports?projectId=${a.project.id}&sort=createdAt`))).toEqual([
        rec.id,
        again.json().id,
      ]);
    } finally {
      if (before === undefined) delete process.env.OPSDESK_IMPORT_INLINE_ROWS;
      else process.env.OPSDESK_IMPORT_INLINE_ROWS = before;
    }
  });

  it('never leaves a half-written CI when a row fails in the database', async () => {
    const a = await f.tenant();
    const pm = await f.session(a.pm);
    const rows = [
      ['*名称', '序列号', '管理IP'],
      ['好-1', 'OK-1', '10.30.0.1'],
      ['__boom__', 'BOOM', '10.30.0.2'],
      ['好-2', 'OK-2', '10.30.0.3'],
    ];
    const res = (await upload(pm, a.project.id, switchType, 'boom.csv', csv(rows), false)).json();
    expect(res).toMatchObject({ created: 2, errorCount: 1 });
    expect(res.errors[0]).toMatchObject({ row: 3, column: null });
    expect(res.errors[0].message).toContain('写入失败');
    const leftovers = await t.deps.pool.query(
      `SELECT (SELECT count(*)::int FROM ci_unique_values WHERE value = '10.30.0.2') AS u, (SELECT count(*)::int FROM cis WHERE serial_no = 'BOOM') AS c`,
    );
    expect(leftovers.rows[0]).toEqual({ u: 0, c: 0 });
  });
});

describe('templates and export', () => {
  it('gives a template per type with Chinese headers, drop-downs and notes', async () => {
    const a = await f.tenant();
    const http = client(t.app, await f.session(a.pm));
    const res = await http.get(`/api/v1/ci-types/${switchType}/template`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('配置项导入模板-交换机.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const head = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(head).toEqual([
      '*名称',
      '状态',
      '序列号',
      '资产编号',
      '厂商',
      '型号',
      '负责人',
      '站点',
      '标签',
      '采购日期',
      '价格（元）',
      '保修截止日期',
      '维保合同',
      '供应商',
      '描述',
      '管理IP',
      '端口数（口）',
      '层级',
      '固件版本',
    ]);
    expect(wb.worksheets[0]!.getCell('R2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"二层,三层"'],
    });
    expect(wb.worksheets[1]!.name).toBe('填写说明');
    const csvT = await http.get(`/api/v1/ci-types/${switchType}/template?format=csv`);
    expect(parseCsv(decodeCsv(csvT.rawPayload))[0]![0]).toBe('*名称');
  });

  it('exports the filtered list as xlsx and CSV; re-importing an export changes nothing', async () => {
    const a = await f.tenant();
    const pm = await f.session(a.pm);
    await upload(pm, a.project.id, switchType, 'sw.csv', csv(switchesFile('exp')), false);
    await makeCi(t, pm, {
      projectId: a.project.id,
      typeId: controllerType,
      name: '信号机-X',
      attributes: { intersection: '中山路' },
    });
    const http = client(t.app, pm);
    const x = await http.get(`/api/v1/cis/export?projectId=${a.project.id}&typeId=${switchType}&format=xlsx`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(6);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 3)).toEqual(['exp-接入1', '在用']);
    const again = (await upload(pm, a.project.id, switchType, 'export.xlsx', x.rawPayload, false)).json();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5, errorCount: 0 });

    const c = await http.get(`/api/v1/cis/export?projectId=${a.project.id}&format=csv&status=in_use`);
    expect(c.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = parseCsv(decodeCsv(c.rawPayload));
    expect(lines[0]!.slice(0, 3)).toEqual(['项目', '类型', '*名称']);
    expect(
      lines
        .slice(1)
        .map((l) => l[2])
        .sort(),
    ).toEqual(['exp-接入1', 'exp-接入4', 'exp-核心', '信号机-X'].sort());
    const gb = await http.get(`/api/v1/cis/export?projectId=${a.project.id}&format=csv&encoding=gb18030`);
    expect(iconv.decode(gb.rawPayload, 'gb18030').startsWith('项目,类型')).toBe(true);
    const outsider = await client(t.app, await f.session((await f.tenant()).pm)).get(
      `/api/v1/cis/export?projectId=${a.project.id}&format=csv`,
    );
    expect(parseCsv(decodeCsv(outsider.rawPayload))).toHaveLength(1);
  });
});

securityTests('POST /cis/import', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  // JSON instead of a file: every check before the file runs; the allowed caller then hears "file required".
  return {
    ...t,
    f,
    method: 'POST',
    url: `/api/v1/cis/import?projectId=${a.project.id}&typeId=${switchType}`,
    body: {},
    allowed: await f.session(a.pm),
    allowedStatus: 400,
    outsider: await f.session(b.pm),
    tooLittleRole: await f.session(a.engineer),
  };
});

securityTests('GET /cis/imports/:id', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  const res = await upload(
    await f.session(a.pm),
    a.project.id,
    switchType,
    'x.csv',
    csv([['名称'], ['x']]),
    true,
  );
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/cis/imports/${res.json().id}`,
    allowed: await f.session(a.contact),
    outsider: await f.session(b.pm),
  };
});

securityTests('GET /cis/imports', async () => {
  const a = await f.tenant();
  return { ...t, f, method: 'GET', url: '/api/v1/cis/imports', allowed: await f.session(a.contact) };
});

securityTests('GET /cis/export', async () => {
  const a = await f.tenant();
  return {
    ...t,
    f,
    method: 'GET',
    url: '/api/v1/cis/export?format=csv',
    allowed: await f.session(a.contact),
  };
});

securityTests('GET /ci-types/:id/template', async () => {
  const a = await f.tenant();
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/ci-types/${switchType}/template`,
    allowed: await f.session(a.fieldEngineer),
  };
});
