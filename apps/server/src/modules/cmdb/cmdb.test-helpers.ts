import { eq } from 'drizzle-orm';
import { ciTypes } from '../../db/schema/index.js';
import type { TestApp } from '../../test/app.js';
import type { Auth } from '../../test/factories.js';
import { client } from '../../test/http.js';

/** The id of a built-in CI type by key. */
export async function typeId(t: TestApp, key: string): Promise<string> {
  const [row] = await t.deps.db.select({ id: ciTypes.id }).from(ciTypes).where(eq(ciTypes.key, key));
  if (!row) throw new Error(`no CI type ${key}`);
  return row.id;
}

/** Creates a CI through the API and returns its JSON (fails the test on an error). */
export async function makeCi(
  t: TestApp,
  auth: Auth,
  body: Record<string, unknown>,
): Promise<{ id: string } & Record<string, unknown>> {
  const res = await client(t.app, auth).post('/api/v1/cis', body);
  if (res.statusCode !== 201) throw new Error(`POST /cis ${res.statusCode}: ${res.body}`);
  return res.json();
}

export async function relate(
  t: TestApp,
  auth: Auth,
  fromCiId: string,
  toCiId: string,
  type: string,
): Promise<string> {
  const res = await client(t.app, auth).post('/api/v1/ci-relations', { fromCiId, toCiId, type });
  if (res.statusCode !== 201) throw new Error(`POST /ci-relations ${res.statusCode}: ${res.body}`);
  return res.json().id;
}
