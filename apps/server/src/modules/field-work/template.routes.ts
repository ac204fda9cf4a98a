import {
  InspectionTemplateCopySchema,
  InspectionTemplateCreateSchema,
  InspectionTemplateListQuery,
  InspectionTemplatePage,
  InspectionTemplateReviseSchema,
  InspectionTemplateSchema,
  OkSchema,
  TemplateParams,
  TemplateVersionParams,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import {
  archiveInspectionTemplate,
  copyInspectionTemplate,
  createInspectionTemplate,
  listTemplates,
  reviseInspectionTemplate,
  templateDetail,
} from './template.service.js';

const tags = ['inspections'];

export async function templateRoutes(app: ZodApp) {
  app.get(
    '/inspection-templates',
    {
      schema: {
        tags,
        summary:
          'Inspection templates (巡检模板) in scope: the built-in ones, every project’s and those of visible projects; `projectId` narrows to what a project may use',
        querystring: InspectionTemplateListQuery,
        response: { 200: InspectionTemplatePage },
      },
    },
    async (req) => listTemplates(ctx(req), req.query),
  );

  app.get(
    '/inspection-templates/:id',
    {
      schema: {
        tags,
        summary: 'A template: its current version with the items, and the list of its versions',
        params: TemplateParams,
        response: { 200: InspectionTemplateSchema },
      },
    },
    async (req) => templateDetail(ctx(req), req.params.id),
  );

  app.get(
    '/inspection-templates/:id/versions/:version',
    {
      schema: {
        tags,
        summary: 'One version of a template exactly as it was (what past results were judged against)',
        params: TemplateVersionParams,
        response: { 200: InspectionTemplateSchema },
      },
    },
    async (req) => templateDetail(ctx(req), req.params.id, req.params.version),
  );

  app.post(
    '/inspection-templates',
    {
      schema: {
        tags,
        summary:
          'Create a template (version 1): for a project (its managers and technical lead) or for every project (the system admin)',
        body: InspectionTemplateCreateSchema,
        response: { 201: InspectionTemplateSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      const id = await createInspectionTemplate(c, req.body);
      return reply.code(201).send(await templateDetail(c, id));
    },
  );

  app.put(
    '/inspection-templates/:id',
    {
      schema: {
        tags,
        summary:
          'Revise a template: a change makes a new version (past results and generated tasks keep theirs); an unchanged form makes none. Built-in templates are copied, not revised.',
        params: TemplateParams,
        body: InspectionTemplateReviseSchema,
        response: { 200: InspectionTemplateSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      await reviseInspectionTemplate(c, req.params.id, req.body);
      return templateDetail(c, req.params.id);
    },
  );

  app.post(
    '/inspection-templates/:id/copy',
    {
      schema: {
        tags,
        summary: 'Copy a template (e.g. a built-in one) to adapt it: version 1 of a new template',
        params: TemplateParams,
        body: InspectionTemplateCopySchema,
        response: { 201: InspectionTemplateSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      const id = await copyInspectionTemplate(c, req.params.id, req.body);
      return reply.code(201).send(await templateDetail(c, id));
    },
  );

  app.delete(
    '/inspection-templates/:id',
    {
      schema: {
        tags,
        summary: 'Archive a template no active plan uses (409 IN_USE otherwise); its versions stay',
        params: TemplateParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await archiveInspectionTemplate(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );
}
