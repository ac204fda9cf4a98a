import {
  CustomerCreateSchema,
  CustomerListQuery,
  CustomerPage,
  CustomerSchema,
  CustomerUpdateSchema,
  IdParams,
  OkSchema,
} from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { presentCustomer } from './customer.presenter.js';
import {
  createCustomer,
  deleteCustomer,
  getCustomer,
  listCustomersFor,
  updateCustomer,
} from './customer.service.js';

const tags = ['customers'];

export async function customerRoutes(app: ZodApp) {
  app.get(
    '/customers',
    {
      schema: {
        tags,
        summary: 'List customers in scope',
        querystring: CustomerListQuery,
        response: { 200: CustomerPage },
      },
    },
    async (req) => {
      const c = ctx(req);
      const page = await listCustomersFor(c, req.query);
      return { ...page, items: page.items.map((r) => presentCustomer(r, c.actor)) };
    },
  );

  app.post(
    '/customers',
    {
      schema: {
        tags,
        summary: 'Create a customer',
        body: CustomerCreateSchema,
        response: { 201: CustomerSchema },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply.code(201).send(presentCustomer(await createCustomer(c, req.body), c.actor));
    },
  );

  app.get(
    '/customers/:id',
    { schema: { tags, summary: 'Get a customer', params: IdParams, response: { 200: CustomerSchema } } },
    async (req) => {
      const c = ctx(req);
      return presentCustomer(await getCustomer(c, req.params.id), c.actor);
    },
  );

  app.patch(
    '/customers/:id',
    {
      schema: {
        tags,
        summary: 'Update a customer',
        params: IdParams,
        body: CustomerUpdateSchema,
        response: { 200: CustomerSchema },
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentCustomer(await updateCustomer(c, req.params.id, req.body), c.actor);
    },
  );

  app.delete(
    '/customers/:id',
    {
      schema: {
        tags,
        summary: 'Delete a customer without projects, sites or contacts',
        params: IdParams,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await deleteCustomer(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );
}
