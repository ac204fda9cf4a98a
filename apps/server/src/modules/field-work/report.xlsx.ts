import ExcelJS from 'exceljs';
import type { InspectionReport, Lang } from '@opsdesk/contracts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const T = (lang: Lang, zh: string, en: string) => (lang === 'zh-CN' ? zh : en);
const SEVERITY: Record<string, [string, string]> = {
  info: ['提示', 'Info'],
  minor: ['一般', 'Minor'],
  major: ['重要', 'Major'],
  critical: ['严重', 'Critical'],
};
const STATUS: Record<string, [string, string]> = {
  open: ['待处理', 'Open'],
  in_progress: ['进行中', 'In progress'],
  submitted: ['已提交', 'Submitted'],
  cancelled: ['已取消', 'Cancelled'],
  resolved: ['已解决', 'Resolved'],
};
const DISPOSITION: Record<string, [string, string]> = {
  open: ['保留', 'Kept open'],
  incident: ['已转事件', 'Incident'],
  work_order: ['已转工单', 'Work order'],
};
const pick = (lang: Lang, m: Record<string, [string, string]>, k: string) => {
  const v = m[k];
  return v ? T(lang, v[0], v[1]) : k;
};
/** Local time in Asia/Shanghai (UTC+8 all year), as a reader expects it in a sheet. */
const local = (iso: string | null) =>
  iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '';

function sheet(wb: ExcelJS.Workbook, name: string, columns: [string, number][], rows: unknown[][]) {
  const ws = wb.addWorksheet(name);
  ws.columns = columns.map(([header, width]) => ({ header, width }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) ws.addRow(r);
  return ws;
}

/**
 * The monthly report as a workbook: summary, tasks, every CI's results, abnormal items, findings
 * and photos — the same content as the JSON (the Word/PDF service report reuses the JSON later).
 */
export async function reportWorkbook(r: InspectionReport, lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'opsdesk';
  const s = r.summary;
  sheet(
    wb,
    T(lang, '汇总', 'Summary'),
    [
      [T(lang, '项目', 'Item'), 36],
      [T(lang, '数值', 'Value'), 40],
    ],
    [
      [T(lang, '项目', 'Project'), r.projectName],
      [T(lang, '月份', 'Month'), r.month],
      [T(lang, '巡检计划数', 'Plans'), s.plans],
      [T(lang, '应完成任务', 'Tasks due'), s.tasksDue],
      [T(lang, '已完成任务', 'Tasks done'), s.tasksDone],
      [T(lang, '按时完成', 'Done on time'), s.tasksOnTime],
      [
        T(lang, '按时完成率', 'On-time rate'),
        s.onTimeRate === null ? '—' : `${(s.onTimeRate * 100).toFixed(1)}%`,
      ],
      [T(lang, '逾期未完成', 'Overdue'), s.tasksOverdue],
      [T(lang, '已巡检设备', 'CIs inspected'), s.cisInspected],
      [T(lang, '未巡检设备', 'CIs skipped'), s.cisSkipped],
      [T(lang, '读数', 'Readings'), s.readings],
      [T(lang, '异常项', 'Abnormal items'), s.abnormal],
      [T(lang, '新增遗留问题', 'Findings opened'), s.findingsOpened],
      [T(lang, '已解决遗留问题', 'Findings closed'), s.findingsClosed],
      [T(lang, '结转下期遗留问题', 'Findings carried over'), s.findingsCarriedOver],
      [T(lang, '照片', 'Photos'), s.photos],
      [T(lang, '生成时间', 'Generated'), local(r.generatedAt)],
    ],
  );
  sheet(
    wb,
    T(lang, '巡检任务', 'Tasks'),
    [
      [T(lang, '任务', 'Task'), 40],
      [T(lang, '计划', 'Plan'), 28],
      [T(lang, '计划日期', 'Scheduled'), 12],
      [T(lang, '截止', 'Due'), 18],
      [T(lang, '状态', 'Status'), 10],
      [T(lang, '提交时间', 'Submitted'), 18],
      [T(lang, '按时', 'On time'), 8],
      [T(lang, '巡检人', 'Assignee'), 16],
      [T(lang, '异常数', 'Abnormal'), 10],
    ],
    r.tasks.map((t) => [
      t.title,
      t.planName,
      t.scheduledDate,
      local(t.dueAt),
      pick(lang, STATUS, t.status),
      local(t.submittedAt),
      t.onTime ? T(lang, '是', 'Yes') : T(lang, '否', 'No'),
      t.assignee ?? '',
      t.counts?.abnormal ?? '',
    ]),
  );
  const taskTitle = new Map(r.tasks.map((t) => [t.id, t.title]));
  sheet(
    wb,
    T(lang, '巡检结果', 'Results'),
    [
      [T(lang, '任务', 'Task'), 32],
      [T(lang, '设备', 'CI'), 28],
      [T(lang, '地点', 'Site'), 20],
      [T(lang, '检查项', 'Item'), 34],
      [T(lang, '读数', 'Reading'), 18],
      [T(lang, '正常范围', 'Normal'), 18],
      [T(lang, '结果', 'Result'), 8],
      [T(lang, '备注', 'Remark'), 36],
    ],
    r.cis.flatMap((c) =>
      c.skipReason
        ? [
            [
              taskTitle.get(c.taskId) ?? '',
              c.name,
              c.siteName ?? '',
              T(lang, '（未巡检）', '(not inspected)'),
              '',
              '',
              '',
              c.skipReason,
            ],
          ]
        : c.results.map((x) => [
            taskTitle.get(c.taskId) ?? '',
            c.name,
            c.siteName ?? '',
            x.title,
            x.value,
            x.normalRange ?? '',
            x.normal ? T(lang, '正常', 'Normal') : T(lang, '异常', 'Abnormal'),
            x.remark ?? '',
          ]),
    ),
  );
  sheet(
    wb,
    T(lang, '异常项', 'Abnormal'),
    [
      [T(lang, '设备', 'CI'), 28],
      [T(lang, '检查项', 'Item'), 34],
      [T(lang, '严重程度', 'Severity'), 10],
      [T(lang, '读数', 'Reading'), 18],
      [T(lang, '正常范围', 'Normal'), 18],
      [T(lang, '备注（原因）', 'Remark (reason)'), 40],
      [T(lang, '照片', 'Photos'), 8],
    ],
    r.abnormal.map((a) => [
      a.ciName,
      a.title,
      pick(lang, SEVERITY, a.severity),
      a.value,
      a.normalRange ?? '',
      a.remark ?? '',
      a.photos.length,
    ]),
  );
  const findings = [
    ...r.findings.opened.map((f) => [T(lang, '本月新增', 'Opened'), f] as const),
    ...r.findings.closed.map((f) => [T(lang, '本月解决', 'Closed'), f] as const),
    ...r.findings.carriedOver.map((f) => [T(lang, '结转下期', 'Carried over'), f] as const),
  ];
  sheet(
    wb,
    T(lang, '遗留问题', 'Findings'),
    [
      [T(lang, '类别', 'Group'), 12],
      [T(lang, '设备', 'CI'), 28],
      [T(lang, '问题', 'Finding'), 30],
      [T(lang, '严重程度', 'Severity'), 10],
      [T(lang, '读数', 'Reading'), 44],
      [T(lang, '状态', 'Status'), 10],
      [T(lang, '处置', 'Disposition'), 12],
      [T(lang, '工单号', 'Ticket'), 18],
      [T(lang, '发现时间', 'Opened'), 18],
      [T(lang, '解决时间', 'Resolved'), 18],
    ],
    findings.map(([group, f]) => [
      group,
      f.ciName,
      f.title,
      pick(lang, SEVERITY, f.severity),
      f.quote,
      pick(lang, STATUS, f.status),
      pick(lang, DISPOSITION, f.disposition),
      f.ticketNumber ?? '',
      local(f.createdAt),
      local(f.resolvedAt),
    ]),
  );
  sheet(
    wb,
    T(lang, '照片', 'Photos'),
    [
      [T(lang, '设备', 'CI'), 28],
      [T(lang, '检查项', 'Item'), 34],
      [T(lang, '文件', 'File'), 30],
      [T(lang, '下载路径', 'Download'), 70],
    ],
    r.photos.map((p) => [p.ciName, p.itemTitle, p.fileName, `/api/v1/attachments/${p.attachmentId}/content`]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
