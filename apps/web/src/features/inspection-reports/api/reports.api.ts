import type { InspectionReport } from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';
import { downloadFile } from '../../cmdb/api/download';

export const reportKeys = {
  all: ['inspection-reports'] as const,
  of: (projectId: string, month: string) => ['inspection-reports', projectId, month] as const,
};

export const reportApi = {
  get: (projectId: string, month: string, signal?: AbortSignal) =>
    api.get<InspectionReport>(`/projects/${seg(projectId)}/inspection-report`, { month }, signal),
  /** The server's workbook (a sheet per part), saved under the server's file name. */
  downloadXlsx: (projectId: string, month: string) =>
    downloadFile(
      `/projects/${seg(projectId)}/inspection-report.xlsx`,
      { month },
      `inspection-report-${month}.xlsx`,
    ),
};
