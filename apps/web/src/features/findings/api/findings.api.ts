import type { z } from 'zod';
import type {
  FindingIncidentSchema,
  FindingResolveSchema,
  FindingWorkOrderSchema,
  InspectionFinding,
  InspectionFindingListQuery,
  InspectionFindingPage,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';
import type { QueryParams } from '../../../app/api/client';

/** Findings (遗留问题) sit under the inspections' keys: a submitted task refreshes them too. */
export const findingKeys = {
  all: ['inspections', 'findings'] as const,
  detail: (id: string) => ['inspections', 'findings', 'detail', id] as const,
};

function toQuery(query: z.output<typeof InspectionFindingListQuery>): QueryParams {
  const out: QueryParams = {};
  for (const [k, v] of Object.entries(query))
    out[k] = Array.isArray(v) ? v.join(',') : (v as QueryParams[string]);
  return out;
}

export const findingApi = {
  list: (query: z.output<typeof InspectionFindingListQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof InspectionFindingPage>>('/inspection-findings', toQuery(query), signal),
  get: (id: string, signal?: AbortSignal) =>
    api.get<InspectionFinding>(`/inspection-findings/${seg(id)}`, undefined, signal),
  toIncident: (id: string, body: z.output<typeof FindingIncidentSchema>) =>
    api.post<InspectionFinding>(`/inspection-findings/${seg(id)}/incident`, body),
  toWorkOrder: (id: string, body: z.output<typeof FindingWorkOrderSchema>) =>
    api.post<InspectionFinding>(`/inspection-findings/${seg(id)}/work-order`, body),
  resolve: (id: string, body: z.output<typeof FindingResolveSchema>) =>
    api.post<InspectionFinding>(`/inspection-findings/${seg(id)}/resolve`, body),
};
