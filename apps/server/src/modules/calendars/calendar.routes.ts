import {
  CalendarCreateSchema,
  CalendarList,
  CalendarListQuery,
  CalendarSchema,
  CalendarUpdateSchema,
  ComputeDueResult,
  ComputeDueSchema,
  HolidayYearImportSchema,
  HolidayYearList,
  HolidayYearPutSchema,
  HolidayYearSchema,
  IdParams,
  OkSchema,
  YearParams,
} from '@opsdesk/contracts';
import { AppError } from '../../http/app-error.js';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { presentCalendar, presentHolidayYear } from './calendar.presenter.js';
import {
  computeDue,
  createCalendar,
  deleteCalendar,
  getCalendar,
  holidayYear,
  holidayYears,
  listCalendarsFor,
  putHolidayYear,
  updateCalendar,
} from './calendar.service.js';

const tags = ['calendars'];

export async function calendarRoutes(app: ZodApp) {
  app.get(
    '/calendars',
    {
      schema: {
        tags,
        summary: 'Business calendars: global ones and those of visible projects',
        querystring: CalendarListQuery,
        response: { 200: CalendarList },
      },
    },
    async (req) => {
      const c = ctx(req);
      return {
        items: (await listCalendarsFor(c, req.query.projectId)).map((r) => presentCalendar(r, c.actor)),
      };
    },
  );
  app.post(
    '/calendars',
    {
      schema: {
        tags,
        summary: 'Create a calendar (global: admin; a project: its managers)',
        body: CalendarCreateSchema,
        response: { 201: CalendarSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply.code(201).send(presentCalendar(await createCalendar(c, req.body), c.actor));
    },
  );
  app.get(
    '/calendars/:id',
    { schema: { tags, summary: 'Get a calendar', params: IdParams, response: { 200: CalendarSchema } } },
    async (req) => {
      const c = ctx(req);
      return presentCalendar(await getCalendar(c, req.params.id), c.actor);
    },
  );
  app.patch(
    '/calendars/:id',
    {
      schema: {
        tags,
        summary: 'Update a calendar',
        params: IdParams,
        body: CalendarUpdateSchema,
        response: { 200: CalendarSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentCalendar(await updateCalendar(c, req.params.id, req.body), c.actor);
    },
  );
  app.delete(
    '/calendars/:id',
    {
      schema: {
        tags,
        summary: 'Delete a calendar no policy or clock uses',
        params: IdParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await deleteCalendar(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/calendars/:id/compute-due',
    {
      schema: {
        tags,
        summary: 'The instant `businessMinutes` of working time after `start` on this calendar',
        params: IdParams,
        body: ComputeDueSchema,
        response: { 200: ComputeDueResult },
      },
    },
    async (req) => ({ due: (await computeDue(ctx(req), req.params.id, req.body)).toISOString() }),
  );

  app.get(
    '/holiday-years',
    {
      schema: {
        tags,
        summary: "China's statutory holidays and make-up workdays (调休), per year",
        response: { 200: HolidayYearList },
      },
    },
    async (req) => ({
      items: (await holidayYears(ctx(req))).map(presentHolidayYear),
    }),
  );
  app.get(
    '/holiday-years/:year',
    {
      schema: {
        tags,
        summary: 'One year of holidays',
        params: YearParams,
        response: { 200: HolidayYearSchema },
      },
    },
    async (req) => presentHolidayYear(await holidayYear(ctx(req), req.params.year)),
  );
  app.put(
    '/holiday-years/:year',
    {
      schema: {
        tags,
        summary: 'Edit a year (admin)',
        params: YearParams,
        body: HolidayYearPutSchema,
        response: { 200: HolidayYearSchema },
      },
    },
    async (req) => presentHolidayYear(await putHolidayYear(ctx(req), req.params.year, req.body, 'update')),
  );
  app.post(
    '/holiday-years/import',
    {
      schema: {
        tags,
        summary: 'Import a year as JSON (admin)',
        body: HolidayYearImportSchema,
        response: { 200: HolidayYearSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      if (!Number.isInteger(req.body.year) || req.body.year < 1970 || req.body.year > 9999)
        throw AppError.field('year', 'rule.invalidYear');
      return presentHolidayYear(await putHolidayYear(c, req.body.year, req.body, 'import'));
    },
  );
}
