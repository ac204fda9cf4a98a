import type { z } from 'zod';
import type {
  Calendar,
  CalendarCreateSchema,
  CalendarList,
  CalendarUpdateSchema,
  ComputeDueResult,
  ComputeDueSchema,
  HolidayYearImportSchema,
  HolidayYearList,
  HolidayYearPutSchema,
  HolidayYearSchema,
  OkSchema,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';

export type HolidayYear = z.infer<typeof HolidayYearSchema>;

export const calendarKeys = {
  all: ['calendars'] as const,
  list: (projectId: string | null | undefined) => ['calendars', 'list', projectId ?? 'all'] as const,
  years: ['holiday-years'] as const,
};

export const calendarApi = {
  /** Global calendars and those of visible projects; with `projectId`, the global ones and that project's. */
  list: (projectId?: string | null, signal?: AbortSignal) =>
    api.get<z.infer<typeof CalendarList>>('/calendars', { projectId: projectId ?? undefined }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Calendar>(`/calendars/${seg(id)}`, undefined, signal),
  create: (body: z.output<typeof CalendarCreateSchema>) => api.post<Calendar>('/calendars', body),
  update: (id: string, body: z.output<typeof CalendarUpdateSchema>) =>
    api.patch<Calendar>(`/calendars/${seg(id)}`, body),
  remove: (id: string) => api.delete<z.infer<typeof OkSchema>>(`/calendars/${seg(id)}`),
  computeDue: (id: string, body: z.output<typeof ComputeDueSchema>) =>
    api.post<z.infer<typeof ComputeDueResult>>(`/calendars/${seg(id)}/compute-due`, body),

  years: (signal?: AbortSignal) =>
    api.get<z.infer<typeof HolidayYearList>>('/holiday-years', undefined, signal),
  putYear: (year: number, body: z.output<typeof HolidayYearPutSchema>) =>
    api.put<HolidayYear>(`/holiday-years/${year}`, body),
  importYear: (body: z.output<typeof HolidayYearImportSchema>) =>
    api.post<HolidayYear>('/holiday-years/import', body),
};
