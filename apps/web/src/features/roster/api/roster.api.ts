import type { z } from 'zod';
import type {
  OkSchema,
  OnDutySchema,
  RosterRotationSchema,
  RosterSchema,
  RosterShift,
  RosterShiftCreateSchema,
  RosterShiftList,
  RosterShiftUpdateSchema,
  RosterSwapSchema,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';

export type Roster = z.infer<typeof RosterSchema>;
export type OnDuty = z.infer<typeof OnDutySchema>;
/** A roster belongs to a project or to a team. */
export type RosterOwner = { projectId: string } | { teamId: string };

const base = (o: RosterOwner) =>
  'projectId' in o ? `/projects/${seg(o.projectId)}/roster` : `/teams/${seg(o.teamId)}/roster`;
const ownerKey = (o: RosterOwner) => ('projectId' in o ? `project:${o.projectId}` : `team:${o.teamId}`);

export const rosterKeys = {
  all: ['roster'] as const,
  of: (o: RosterOwner) => ['roster', ownerKey(o)] as const,
  onDuty: (projectId: string) => ['roster', 'on-duty', projectId] as const,
};

export const rosterApi = {
  get: (o: RosterOwner, range: { from: string; to: string }, signal?: AbortSignal) =>
    api.get<Roster>(base(o), range, signal),
  createShift: (o: RosterOwner, body: z.output<typeof RosterShiftCreateSchema>) =>
    api.post<RosterShift>(`${base(o)}/shifts`, body),
  createRotation: (o: RosterOwner, body: z.output<typeof RosterRotationSchema>) =>
    api.post<z.infer<typeof RosterShiftList>>(`${base(o)}/rotation`, body),
  updateShift: (id: string, body: z.output<typeof RosterShiftUpdateSchema>) =>
    api.patch<RosterShift>(`/roster-shifts/${seg(id)}`, body),
  removeShift: (id: string) => api.delete<z.infer<typeof OkSchema>>(`/roster-shifts/${seg(id)}`),
  swap: (id: string, body: z.output<typeof RosterSwapSchema>) =>
    api.post<RosterShift>(`/roster-shifts/${seg(id)}/swap`, body),
  onDuty: (projectId: string, signal?: AbortSignal) =>
    api.get<OnDuty>(`/projects/${seg(projectId)}/on-duty`, undefined, signal),
};
