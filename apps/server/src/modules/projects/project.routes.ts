import {
  EngagementCreateSchema,
  EngagementList,
  EngagementSchema,
  IdParams,
  MembershipCreateSchema,
  MembershipList,
  MembershipSchema,
  OkSchema,
  ProjectCreateSchema,
  ProjectListQuery,
  ProjectMemberParams,
  ProjectPage,
  ProjectSchema,
  ProjectSubcontractorParams,
  ProjectUpdateSchema,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { presentEngagement, presentMembership, presentProject } from './project.presenter.js';
import {
  createProject,
  deleteProject,
  getProject,
  listProjectsFor,
  updateProject,
} from './project.service.js';
import {
  disengageSubcontractor,
  engageSubcontractor,
  listProjectEngagements,
} from './project-engagement.service.js';
import { addProjectMember, listProjectMembers, removeProjectMember } from './project-member.service.js';

const tags = ['projects'];

export async function projectRoutes(app: ZodApp) {
  app.get(
    '/projects',
    {
      schema: {
        tags,
        summary: 'List service projects in scope',
        querystring: ProjectListQuery,
        response: { 200: ProjectPage },
      },
    },
    async (req) => {
      const c = ctx(req);
      const page = await listProjectsFor(c, req.query);
      return { ...page, items: page.items.map((r) => presentProject(r, c.actor)) };
    },
  );

  app.post(
    '/projects',
    {
      schema: {
        tags,
        summary: 'Create a service project',
        body: ProjectCreateSchema,
        response: { 201: ProjectSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply.code(201).send(presentProject(await createProject(c, req.body), c.actor));
    },
  );

  app.get(
    '/projects/:id',
    {
      schema: { tags, summary: 'Get a service project', params: IdParams, response: { 200: ProjectSchema } },
    },
    async (req) => {
      const c = ctx(req);
      return presentProject(await getProject(c, req.params.id), c.actor);
    },
  );

  app.patch(
    '/projects/:id',
    {
      schema: {
        tags,
        summary: 'Update a service project',
        params: IdParams,
        body: ProjectUpdateSchema,
        response: { 200: ProjectSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentProject(await updateProject(c, req.params.id, req.body), c.actor);
    },
  );

  app.delete(
    '/projects/:id',
    {
      schema: {
        tags,
        summary: 'Delete a service project with its team; refused while anything else refers to it',
        params: IdParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await deleteProject(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );

  // ── The project's team: members (项目成员) and engaged subcontractors (项目分包商) ──
  app.get(
    '/projects/:id/members',
    {
      schema: {
        tags,
        summary: "List a project's members",
        params: IdParams,
        response: { 200: MembershipList },
      },
    },
    async (req) => {
      const c = ctx(req);
      return {
        items: (await listProjectMembers(c, req.params.id)).map((m) => presentMembership(m, c.actor)),
      };
    },
  );

  app.post(
    '/projects/:id/members',
    {
      schema: {
        tags,
        summary: 'Add a member to a project in a role',
        params: IdParams,
        body: MembershipCreateSchema,
        response: { 201: MembershipSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply
        .code(201)
        .send(presentMembership(await addProjectMember(c, req.params.id, req.body), c.actor));
    },
  );

  app.delete(
    '/projects/:id/members/:memberId',
    {
      schema: {
        tags,
        summary: 'Remove a membership from a project',
        params: ProjectMemberParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await removeProjectMember(ctx(req), req.params.id, req.params.memberId);
      return { ok: true as const };
    },
  );

  app.get(
    '/projects/:id/subcontractors',
    {
      schema: {
        tags,
        summary: 'List the subcontractors engaged on a project',
        params: IdParams,
        response: { 200: EngagementList },
      },
    },
    async (req) => {
      const c = ctx(req);
      return {
        items: (await listProjectEngagements(c, req.params.id)).map((e) => presentEngagement(e, c.actor)),
      };
    },
  );

  app.post(
    '/projects/:id/subcontractors',
    {
      schema: {
        tags,
        summary: 'Engage a subcontractor on a project',
        params: IdParams,
        body: EngagementCreateSchema,
        response: { 201: EngagementSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply
        .code(201)
        .send(presentEngagement(await engageSubcontractor(c, req.params.id, req.body), c.actor));
    },
  );

  app.delete(
    '/projects/:id/subcontractors/:subcontractorId',
    {
      schema: {
        tags,
        summary: "End a subcontractor's engagement; its field engineers leave the project",
        params: ProjectSubcontractorParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await disengageSubcontractor(ctx(req), req.params.id, req.params.subcontractorId);
      return { ok: true as const };
    },
  );
}
