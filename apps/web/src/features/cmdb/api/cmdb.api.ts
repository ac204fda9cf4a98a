import type { z } from 'zod';
import { errorMessage } from '@opsdesk/contracts';
import type {
  Ci,
  CiAsOfSchema,
  CiCreateSchema,
  CiExportQuery,
  CiGraphSchema,
  CiHistoryPage,
  CiImpactSchema,
  CiImport,
  CiImportListQuery,
  CiImportPage,
  CiImportQuery,
  CiListQuery,
  CiPage,
  CiRelation,
  CiRelationCreateSchema,
  CiRelationListQuery,
  CiRelationPage,
  CiTicketPage,
  CiUpdateSchema,
  OkSchema,
  TicketCiPage,
} from '@opsdesk/contracts';
import {
  API_BASE,
  ApiError,
  api,
  errorFromResponse,
  getApiLanguage,
  seg,
  toQueryString,
} from '../../../app/api/client';
import { downloadFile } from './download';

type Ok = z.infer<typeof OkSchema>;
export type CiGraph = z.infer<typeof CiGraphSchema>;
export type CiImpact = z.infer<typeof CiImpactSchema>;
export type CiAsOf = z.infer<typeof CiAsOfSchema>;
export type CiHistory = z.infer<typeof CiHistoryPage>;
export type CiTicket = z.infer<typeof CiTicketPage>['items'][number];
export type TicketCis = z.infer<typeof TicketCiPage>;

/** Everything of the CMDB sits under `['cmdb']`: one invalidation refreshes lists, pages and graphs. */
export const cmdbKeys = {
  all: ['cmdb'] as const,
  cis: ['cmdb', 'cis'] as const,
  detail: (id: string) => ['cmdb', 'ci', id] as const,
  /** Relations, graph and impact of CIs (a relation changes both ends and their neighbourhoods). */
  relations: ['cmdb', 'relations'] as const,
  graph: (id: string, depth: number) => ['cmdb', 'relations', 'graph', id, depth] as const,
  impact: (id: string) => ['cmdb', 'relations', 'impact', id] as const,
  history: (id: string) => ['cmdb', 'history', id] as const,
  asOf: (id: string, date: string) => ['cmdb', 'history', id, 'as-of', date] as const,
  tickets: (id: string) => ['cmdb', 'tickets', id] as const,
  /** The CIs a ticket names (GET /tickets/:id/cis). */
  ticketCis: (ticketId: string) => ['cmdb', 'ticket-cis', ticketId] as const,
  imports: ['cmdb', 'imports'] as const,
  import: (id: string) => ['cmdb', 'imports', id] as const,
};

export type ImportQuery = z.output<typeof CiImportQuery>;

export const cmdbApi = {
  list: (query: z.output<typeof CiListQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof CiPage>>('/cis', query, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Ci>(`/cis/${seg(id)}`, undefined, signal),
  create: (body: z.output<typeof CiCreateSchema>) => api.post<Ci>('/cis', body),
  update: (id: string, body: z.output<typeof CiUpdateSchema>) => api.patch<Ci>(`/cis/${seg(id)}`, body),
  remove: (id: string) => api.delete<Ok>(`/cis/${seg(id)}`),
  restore: (id: string) => api.post<Ci>(`/cis/${seg(id)}/restore`),

  history: (id: string, cursor: string | undefined, signal?: AbortSignal) =>
    api.get<CiHistory>(`/cis/${seg(id)}/history`, { limit: 50, cursor }, signal),
  asOf: (id: string, date: string, signal?: AbortSignal) =>
    api.get<CiAsOf>(`/cis/${seg(id)}/as-of`, { date }, signal),
  graph: (id: string, depth: number, signal?: AbortSignal) =>
    api.get<CiGraph>(`/cis/${seg(id)}/graph`, { depth }, signal),
  impact: (id: string, signal?: AbortSignal) =>
    api.get<CiImpact>(`/cis/${seg(id)}/impact`, undefined, signal),

  relations: (query: z.output<typeof CiRelationListQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof CiRelationPage>>('/ci-relations', query, signal),
  relate: (body: z.output<typeof CiRelationCreateSchema>) => api.post<CiRelation>('/ci-relations', body),
  unrelate: (id: string) => api.delete<Ok>(`/ci-relations/${seg(id)}`),

  tickets: (id: string, query: { limit?: number; cursor?: string | undefined }, signal?: AbortSignal) =>
    api.get<z.infer<typeof CiTicketPage>>(`/cis/${seg(id)}/tickets`, query, signal),
  linkTicket: (id: string, ticketId: string) => api.put<Ok>(`/cis/${seg(id)}/tickets/${seg(ticketId)}`, {}),
  unlinkTicket: (id: string, ticketId: string) => api.delete<Ok>(`/cis/${seg(id)}/tickets/${seg(ticketId)}`),
  /** The CIs a ticket names, in the order they were named (one page of up to 200: a ticket names a few). */
  ticketCis: (ticketId: string, signal?: AbortSignal) =>
    api.get<TicketCis>(`/tickets/${seg(ticketId)}/cis`, { limit: 200 }, signal),

  imports: (query: z.output<typeof CiImportListQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof CiImportPage>>('/cis/imports', query, signal),
  getImport: (id: string, signal?: AbortSignal) =>
    api.get<CiImport>(`/cis/imports/${seg(id)}`, undefined, signal),
  /**
   * Uploads a spreadsheet (multipart field `file`): a dry run or the real import. Small files
   * answer with the finished import (200); large ones are queued (202) — poll `getImport`.
   */
  importFile: async (query: ImportQuery, file: File, csrfToken: string | null): Promise<CiImport> => {
    const body = new FormData();
    body.append('file', file, file.name);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': getApiLanguage(),
    };
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
    let res: Response;
    try {
      res = await fetch(`${API_BASE}/cis/import${toQueryString(query)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers,
        body,
      });
    } catch {
      throw new ApiError({
        status: 0,
        code: 'UNAVAILABLE',
        message: errorMessage('UNAVAILABLE', getApiLanguage()),
      });
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      json = undefined;
    }
    if (!res.ok) throw errorFromResponse(res.status, json, res.headers.get('x-request-id'));
    return json as CiImport;
  },

  template: (typeId: string, format: 'xlsx' | 'csv') =>
    downloadFile(`/ci-types/${seg(typeId)}/template`, { format }, `template.${format}`),
  export: (query: z.input<typeof CiExportQuery>) =>
    downloadFile('/cis/export', query, `cis.${query.format ?? 'xlsx'}`),
  attachment: (id: string) => downloadFile(`/attachments/${seg(id)}/content`, {}, 'result.csv'),
};

/** The CIs a ticket names, as a query: the ticket page's card and its impact summary share it. */
export function ticketCisQuery(ticketId: string) {
  return {
    queryKey: cmdbKeys.ticketCis(ticketId),
    queryFn: ({ signal }: { signal?: AbortSignal }) => cmdbApi.ticketCis(ticketId, signal),
  };
}
