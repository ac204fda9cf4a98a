import {
  FindingIncidentSchema,
  FindingResolveSchema,
  FindingWorkOrderSchema,
  IdParams,
  InspectionFindingListQuery,
  InspectionFindingPage,
  InspectionFindingSchema,
  InspectionSubmitResultSchema,
  InspectionSubmitSchema,
  InspectionTaskCancelSchema,
  InspectionTaskListQuery,
  InspectionTaskPage,
  InspectionTaskSchema,
  ReadingsBatchSchema,
  ReadingsSaveResultSchema,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import {
  findingDetail,
  findingToIncident,
  findingToWorkOrder,
  listFindings,
  resolveFinding,
} from './finding.service.js';
import { saveReadings } from './readings.service.js';
import { submitTask } from './submit.service.js';
import { cancelTask, listTasks, taskDetail } from './task.service.js';

const tags = ['inspections'];

export async function inspectionRoutes(app: ZodApp) {
  app.get(
    '/inspection-tasks',
    {
      schema: {
        tags,
        summary:
          'Inspection tasks (巡检任务) in scope, by due time: staff by project; subcontractor staff only those assigned to them or their company',
        querystring: InspectionTaskListQuery,
        response: { 200: InspectionTaskPage },
      },
    },
    async (req) => listTasks(ctx(req), req.query),
  );

  app.get(
    '/inspection-tasks/:id',
    {
      schema: {
        tags,
        summary:
          'A task for the phone: pinned template versions, each CI with its readings, progress and the findings carried over on it',
        params: IdParams,
        response: { 200: InspectionTaskSchema },
      },
    },
    async (req) => taskDetail(ctx(req), req.params.id),
  );

  app.put(
    '/inspection-tasks/:id/readings',
    {
      schema: {
        tags,
        summary:
          'Save readings and skip reasons (idempotent batch, upsert by task, CI and item); each reading is judged at once and any problem refuses the whole batch with field errors',
        params: IdParams,
        body: ReadingsBatchSchema,
        response: { 200: ReadingsSaveResultSchema },
      },
    },
    async (req) => saveReadings(ctx(req), req.params.id, req.body),
  );

  app.post(
    '/inspection-tasks/:id/submit',
    {
      schema: {
        tags,
        summary:
          'Submit the task (with an optional last batch): when complete it closes with its results, findings open, repeat or resolve, and severe ones raise incidents — in one transaction',
        params: IdParams,
        body: InspectionSubmitSchema,
        response: { 200: InspectionSubmitResultSchema },
      },
    },
    async (req) => submitTask(ctx(req), req.params.id, req.body),
  );

  app.post(
    '/inspection-tasks/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a task not yet submitted, with a reason (project managers, technical lead)',
        params: IdParams,
        body: InspectionTaskCancelSchema,
        response: { 200: InspectionTaskSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      await cancelTask(c, req.params.id, req.body.reason);
      return taskDetail(c, req.params.id);
    },
  );

  app.get(
    '/inspection-findings',
    {
      schema: {
        tags,
        summary: 'Findings (遗留问题) in scope, newest first; filter by project, CI, task, status, severity',
        querystring: InspectionFindingListQuery,
        response: { 200: InspectionFindingPage },
      },
    },
    async (req) => listFindings(ctx(req), req.query),
  );

  app.get(
    '/inspection-findings/:id',
    { schema: { tags, summary: 'A finding', params: IdParams, response: { 200: InspectionFindingSchema } } },
    async (req) => findingDetail(ctx(req), req.params.id),
  );

  app.post(
    '/inspection-findings/:id/incident',
    {
      schema: {
        tags,
        summary:
          'Raise an incident for an open finding, the CI linked and the reading quoted (staff of the project)',
        params: IdParams,
        body: FindingIncidentSchema,
        response: { 200: InspectionFindingSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      await findingToIncident(c, req.params.id, req.body);
      return findingDetail(c, req.params.id);
    },
  );

  app.post(
    '/inspection-findings/:id/work-order',
    {
      schema: {
        tags,
        summary:
          "Create a work order for an open finding on its CI and site (child of the finding's incident when it has one); staff of the project",
        params: IdParams,
        body: FindingWorkOrderSchema,
        response: { 200: InspectionFindingSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      await findingToWorkOrder(c, req.params.id, req.body);
      return findingDetail(c, req.params.id);
    },
  );

  app.post(
    '/inspection-findings/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Resolve an open finding by hand, with a note (staff of the project)',
        params: IdParams,
        body: FindingResolveSchema,
        response: { 200: InspectionFindingSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      await resolveFinding(c, req.params.id, req.body);
      return findingDetail(c, req.params.id);
    },
  );
}
