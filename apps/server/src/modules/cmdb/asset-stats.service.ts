import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { CI_STATUS_LABELS } from '@opsdesk/contracts';
import type { AssetStats, Lang } from '@opsdesk/contracts';
import { chinaDay } from '@opsdesk/domain';
import type { CiCategory, CiStatus } from '@opsdesk/domain';
import { projectVisible } from '../../db/scope.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { visibleProject } from './ci.resolve.js';
import { XLSX } from './ci-export.js';
import { csvLine, encodeCsv } from './csv.js';

type Row = {
  g_type: number;
  g_status: number;
  g_vendor: number;
  g_site: number;
  g_project: number;
  g_year: number;
  g_w: number;
  type_id: string | null;
  status: CiStatus | null;
  vendor: string | null;
  site_id: string | null;
  project_id: string | null;
  year: number | null;
  w: string | null;
  n: number;
};

/**
 * Asset statistics (资产统计) of one project or of every project in scope, in one scan of the
 * live CIs (GROUPING SETS): counts by type, status, vendor, site and project, warranties that
 * ended or end within 30/60/90 days of today (China time), and CIs by purchase year.
 */
export async function assetStats(ctx: Ctx, projectId: string | undefined): Promise<AssetStats> {
  if (projectId && !(await visibleProject(ctx.db, ctx.actor, projectId))) throw AppError.notFound();
  const today = chinaDay(ctx.now);
  const res = await ctx.db.execute<Row>(sql`
    WITH c AS (
      SELECT type_id, status, vendor, site_id, project_id, extract(year FROM purchase_date)::int AS year,
        CASE WHEN warranty_end IS NULL THEN 'unknown'
             WHEN warranty_end < ${today}::date THEN 'expired'
             WHEN warranty_end - ${today}::date <= 30 THEN 'within30'
             WHEN warranty_end - ${today}::date <= 60 THEN 'within60'
             WHEN warranty_end - ${today}::date <= 90 THEN 'within90'
             ELSE 'later' END AS w
      FROM cis
      WHERE deleted_at IS NULL AND ${projectVisible(ctx.actor, sql`project_id`)} ${projectId ? sql`AND project_id = ${projectId}` : sql``}
    )
    SELECT GROUPING(type_id) AS g_type, GROUPING(status) AS g_status, GROUPING(vendor) AS g_vendor, GROUPING(site_id) AS g_site,
      GROUPING(project_id) AS g_project, GROUPING(year) AS g_year, GROUPING(w) AS g_w,
      type_id, status, vendor, site_id, project_id, year, w, count(*)::int AS n
    FROM c GROUP BY GROUPING SETS ((type_id), (status), (vendor), (site_id), (project_id), (year), (w), ())`);
  const rows = res.rows;
  const set = (key: 'g_type' | 'g_status' | 'g_vendor' | 'g_site' | 'g_project' | 'g_year' | 'g_w') =>
    rows.filter(
      (r) =>
        Number(r[key]) === 0 &&
        ['g_type', 'g_status', 'g_vendor', 'g_site', 'g_project', 'g_year', 'g_w']
          .filter((k) => k !== key)
          .every((k) => Number(r[k as keyof Row]) === 1),
    );
  // Largest first; ties in a stable order (by the item's text, blanks last).
  const byCount = <T extends { count: number }>(xs: T[], text: (x: T) => string | null = () => null) =>
    xs.sort(
      (a, b) =>
        b.count - a.count ||
        ((text(a) ?? '\uffff') < (text(b) ?? '\uffff')
          ? -1
          : (text(a) ?? '\uffff') > (text(b) ?? '\uffff')
            ? 1
            : 0),
    );
  const ids = (xs: Row[], k: 'type_id' | 'site_id' | 'project_id') =>
    xs.map((r) => r[k]).filter((x): x is string => Boolean(x));
  const typeRows = set('g_type');
  const siteRows = set('g_site');
  const projectRows = set('g_project');
  const names = async (table: 'ci_types' | 'sites' | 'projects', list: string[]) => {
    if (!list.length) return new Map<string, Record<string, string>>();
    const r = await ctx.db.execute<Record<string, string>>(
      sql`SELECT * FROM ${sql.raw(table)} WHERE id = ANY(${`{${list.join(',')}}`}::uuid[])`,
    );
    return new Map(r.rows.map((x) => [x.id!, x]));
  };
  const types = await names('ci_types', ids(typeRows, 'type_id'));
  const sitesById = await names('sites', ids(siteRows, 'site_id'));
  const projectsById = await names('projects', ids(projectRows, 'project_id'));
  const w = Object.fromEntries(set('g_w').map((r) => [r.w, Number(r.n)]));
  const total = rows.find((r) =>
    ['g_type', 'g_status', 'g_vendor', 'g_site', 'g_project', 'g_year', 'g_w'].every(
      (k) => Number(r[k as keyof Row]) === 1,
    ),
  );
  return {
    today,
    projectId: projectId ?? null,
    total: Number(total?.n ?? 0),
    byType: byCount(
      typeRows.map((r) => {
        const t = types.get(r.type_id!)!;
        return {
          typeId: r.type_id!,
          key: t.key!,
          label: { 'zh-CN': t.label_zh!, en: t.label_en! },
          category: t.category as CiCategory,
          count: Number(r.n),
        };
      }),
      (x) => x.key,
    ),
    byStatus: byCount(
      set('g_status').map((r) => ({ status: r.status!, count: Number(r.n) })),
      (x) => x.status,
    ),
    byVendor: byCount(
      set('g_vendor').map((r) => ({ vendor: r.vendor, count: Number(r.n) })),
      (x) => x.vendor,
    ).slice(0, 50),
    bySite: byCount(
      siteRows.map((r) => ({
        siteId: r.site_id,
        name: r.site_id ? (sitesById.get(r.site_id)?.name ?? null) : null,
        count: Number(r.n),
      })),
      (x) => x.name,
    ),
    byProject: byCount(
      projectRows.map((r) => ({
        projectId: r.project_id!,
        name: projectsById.get(r.project_id!)?.name ?? '',
        count: Number(r.n),
      })),
      (x) => x.name,
    ),
    warranty: {
      expired: w.expired ?? 0,
      within30: w.within30 ?? 0,
      within60: w.within60 ?? 0,
      within90: w.within90 ?? 0,
      later: w.later ?? 0,
      unknown: w.unknown ?? 0,
    },
    ageByPurchaseYear: set('g_year')
      .map((r) => ({ year: r.year === null ? null : Number(r.year), count: Number(r.n) }))
      .sort((a, b) => (a.year ?? 99999) - (b.year ?? 99999)),
  };
}

const T = (lang: Lang, zh: string, en: string) => (lang === 'zh-CN' ? zh : en);

/** The statistics as tables: one per dimension, `[item, count]` rows. */
function tables(s: AssetStats, lang: Lang): { title: string; rows: [string, number][] }[] {
  const none = T(lang, '（未填写）', '(none)');
  return [
    { title: T(lang, '按类型', 'By type'), rows: s.byType.map((x) => [x.label[lang], x.count]) },
    {
      title: T(lang, '按状态', 'By status'),
      rows: s.byStatus.map((x) => [CI_STATUS_LABELS[x.status][lang], x.count]),
    },
    { title: T(lang, '按厂商', 'By vendor'), rows: s.byVendor.map((x) => [x.vendor ?? none, x.count]) },
    { title: T(lang, '按站点', 'By site'), rows: s.bySite.map((x) => [x.name ?? none, x.count]) },
    { title: T(lang, '按项目', 'By project'), rows: s.byProject.map((x) => [x.name, x.count]) },
    {
      title: T(lang, '保修到期', 'Warranty'),
      rows: [
        [T(lang, '已过保', 'Expired'), s.warranty.expired],
        [T(lang, '30 天内到期', 'Ends within 30 days'), s.warranty.within30],
        [T(lang, '31–60 天内到期', 'Ends in 31–60 days'), s.warranty.within60],
        [T(lang, '61–90 天内到期', 'Ends in 61–90 days'), s.warranty.within90],
        [T(lang, '90 天以后', 'Later'), s.warranty.later],
        [T(lang, '未填写', 'Unknown'), s.warranty.unknown],
      ],
    },
    {
      title: T(lang, '按采购年份', 'By purchase year'),
      rows: s.ageByPurchaseYear.map((x) => [x.year === null ? none : String(x.year), x.count]),
    },
  ];
}

/** The statistics as a workbook (a sheet per dimension) or one CSV (dimension, item, count). */
export async function exportAssetStats(ctx: Ctx, projectId: string | undefined, format: 'xlsx' | 'csv') {
  const s = await assetStats(ctx, projectId);
  const lang = ctx.lang;
  const fileName = `${T(lang, '资产统计', 'asset-statistics')}-${s.today}.${format}`;
  const parts = tables(s, lang);
  if (format === 'csv') {
    let text = csvLine([T(lang, '维度', 'Dimension'), T(lang, '项', 'Item'), T(lang, '数量', 'Count')]);
    for (const p of parts) for (const [item, n] of p.rows) text += csvLine([p.title, item, n]);
    return { fileName, contentType: 'text/csv; charset=utf-8', body: encodeCsv(text, 'utf-8') };
  }
  const wb = new ExcelJS.Workbook();
  for (const p of parts) {
    const ws = wb.addWorksheet(p.title);
    ws.columns = [
      { header: T(lang, '项', 'Item'), width: 36 },
      { header: T(lang, '数量', 'Count'), width: 12 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const r of p.rows) ws.addRow(r);
  }
  return { fileName, contentType: XLSX, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
