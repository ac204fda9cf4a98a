import {
  IdParams,
  OkSchema,
  OnDutyQuery,
  OnDutySchema,
  RosterQuery,
  RosterRotationSchema,
  RosterSchema,
  RosterShiftCreateSchema,
  RosterShiftList,
  RosterShiftSchema,
  RosterShiftUpdateSchema,
  RosterSwapSchema,
} from '@opsdesk/contracts';
import type { Ctx, ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { presentOnDuty, presentShift } from './roster.presenter.js';
import {
  createRotation,
  createShift,
  deleteShift,
  getRoster,
  onDuty,
  shiftAbilitiesFor,
  swapShift,
  updateShift,
} from './roster.service.js';
import type { ShiftView } from './roster.repository.js';

const tags = ['roster'];

const one = async (c: Ctx, s: ShiftView) => presentShift(s, await shiftAbilitiesFor(c, s));
const rotation = async (
  c: Ctx,
  owner: { projectId: string } | { teamId: string },
  body: Parameters<typeof createRotation>[2],
) => ({ items: await Promise.all((await createRotation(c, owner, body)).map((s) => one(c, s))) });

/** The duty roster (值班表) of projects and teams, and who is on duty at an instant. */
export async function rosterRoutes(app: ZodApp) {
  const roster = async (
    c: Ctx,
    owner: { projectId: string } | { teamId: string },
    query: { from?: string | undefined; to?: string | undefined },
  ) => {
    const r = await getRoster(c, owner, query);
    return {
      from: r.from.toISOString(),
      to: r.to.toISOString(),
      items: r.items.map((s) => presentShift(s, r.abilities(s))),
      abilities: { manage: r.manage },
    };
  };

  app.get(
    '/projects/:id/roster',
    {
      schema: {
        tags,
        summary: "A project's shifts in a range (with its duty team's), for the calendar",
        params: IdParams,
        querystring: RosterQuery,
        response: { 200: RosterSchema },
      },
    },
    async (req) => roster(ctx(req), { projectId: req.params.id }, req.query),
  );

  app.post(
    '/projects/:id/roster/shifts',
    {
      schema: {
        tags,
        summary: 'Add a shift to a project roster (project managers)',
        params: IdParams,
        body: RosterShiftCreateSchema,
        response: { 201: RosterShiftSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply.code(201).send(await one(c, await createShift(c, { projectId: req.params.id }, req.body)));
    },
  );

  app.post(
    '/projects/:id/roster/rotation',
    {
      schema: {
        tags,
        summary:
          'Lay out a rotation (e.g. day/night, 7×24) as shifts, Asia/Shanghai wall time (project managers)',
        params: IdParams,
        body: RosterRotationSchema,
        response: { 201: RosterShiftList },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await rotation(ctx(req), { projectId: req.params.id }, req.body)),
  );

  app.get(
    '/projects/:id/on-duty',
    {
      schema: {
        tags,
        summary: 'Who is on duty for a project at an instant (default now), with phone',
        params: IdParams,
        querystring: OnDutyQuery,
        response: { 200: OnDutySchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentOnDuty(await onDuty(c, req.params.id, req.query.at ? new Date(req.query.at) : c.now));
    },
  );

  app.get(
    '/teams/:id/roster',
    {
      schema: {
        tags,
        summary: "A team's shifts in a range (staff)",
        params: IdParams,
        querystring: RosterQuery,
        response: { 200: RosterSchema },
      },
    },
    async (req) => roster(ctx(req), { teamId: req.params.id }, req.query),
  );

  app.post(
    '/teams/:id/roster/shifts',
    {
      schema: {
        tags,
        summary: "Add a shift to a team's roster (its lead, admins)",
        params: IdParams,
        body: RosterShiftCreateSchema,
        response: { 201: RosterShiftSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply.code(201).send(await one(c, await createShift(c, { teamId: req.params.id }, req.body)));
    },
  );

  app.post(
    '/teams/:id/roster/rotation',
    {
      schema: {
        tags,
        summary: "Lay out a rotation on a team's roster, Asia/Shanghai wall time (its lead, admins)",
        params: IdParams,
        body: RosterRotationSchema,
        response: { 201: RosterShiftList },
      },
    },
    async (req, reply) => reply.code(201).send(await rotation(ctx(req), { teamId: req.params.id }, req.body)),
  );

  app.patch(
    '/roster-shifts/:id',
    {
      schema: {
        tags,
        summary: "Move or relabel a shift (the roster's managers)",
        params: IdParams,
        body: RosterShiftUpdateSchema,
        response: { 200: RosterShiftSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return one(c, await updateShift(c, req.params.id, req.body));
    },
  );

  app.delete(
    '/roster-shifts/:id',
    { schema: { tags, summary: 'Remove a shift', params: IdParams, response: { 200: OkSchema } } },
    async (req) => {
      await deleteShift(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/roster-shifts/:id/swap',
    {
      schema: {
        tags,
        summary: 'Hand a shift to someone else with a reason (managers, or the person on it)',
        params: IdParams,
        body: RosterSwapSchema,
        response: { 200: RosterShiftSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return one(c, await swapShift(c, req.params.id, req.body));
    },
  );
}
