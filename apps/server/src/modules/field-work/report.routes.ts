import { IdParams, InspectionReportQuery, InspectionReportSchema } from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { contentDisposition } from '../../http/files.js';
import { inspectionReport } from './report.service.js';
import { XLSX, reportWorkbook } from './report.xlsx.js';

const tags = ['inspections'];

export async function reportRoutes(app: ZodApp) {
  app.get(
    '/projects/:id/inspection-report',
    {
      schema: {
        tags,
        summary:
          'Monthly inspection report (巡检报告): tasks done vs due and on time, every CI’s results, abnormal items, findings opened/closed/carried over, photos (staff and the customer’s contacts)',
        params: IdParams,
        querystring: InspectionReportQuery,
        response: { 200: InspectionReportSchema },
      },
    },
    async (req) => inspectionReport(ctx(req), req.params.id, req.query.month),
  );

  app.get(
    '/projects/:id/inspection-report.xlsx',
    {
      schema: {
        tags,
        summary: 'The monthly inspection report as an Excel workbook (a sheet per part)',
        params: IdParams,
        querystring: InspectionReportQuery,
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      const report = await inspectionReport(c, req.params.id, req.query.month);
      const name = `${c.lang === 'zh-CN' ? '巡检报告' : 'inspection-report'}-${report.projectName}-${report.month}.xlsx`;
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition(name))
        .send(await reportWorkbook(report, c.lang));
    },
  );
}
