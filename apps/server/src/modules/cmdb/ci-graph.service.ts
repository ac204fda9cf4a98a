import { cmdbAbilities } from '@opsdesk/domain';
import type { RelationType } from '@opsdesk/domain';
import type { CiRelationCreateSchema, CiRelationListQuery } from '@opsdesk/contracts';
import type { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.record.js';
import { findCi } from './ci.repository.js';
import type { NodeRow } from './ci.presenter.js';
import { getCi, whoOf } from './ci.service.js';
import { relationHistory } from './ci.write.js';
import {
  edgesAmong,
  endRelation,
  findRelation,
  impactWalk,
  insertRelation,
  listRelations,
  neighbourhood,
  nodesById,
  relationEnds,
  relationExists,
} from './ci-graph.repository.js';
import type { RelationView } from './ci-graph.repository.js';

export async function listRelationsFor(ctx: Ctx, query: z.output<typeof CiRelationListQuery>) {
  await getCi(ctx, query.ciId);
  return listRelations(ctx.db, query.ciId, query);
}

/** Adds a relation between two CIs of one project; history on both, audited. */
export async function createRelation(
  ctx: Ctx,
  input: z.output<typeof CiRelationCreateSchema>,
): Promise<RelationView> {
  return ctx.db.transaction(async (tx) => {
    // Both ends locked (in id order, so two writers never wait on each other in a circle).
    const [a, b] = [input.fromCiId, input.toCiId].sort();
    const first = await findCi(tx, ctx.actor, a!, true);
    const second = await findCi(tx, ctx.actor, b!, true);
    const from = first?.id === input.fromCiId ? first : second;
    const to = first?.id === input.toCiId ? first : second;
    if (!from) throw AppError.field('fromCiId', 'rule.unknownReference');
    if (!to) throw AppError.field('toCiId', 'rule.unknownReference');
    if (!cmdbAbilities(ctx.actor, from.projectId).update) throw AppError.forbidden();
    if (from.projectId !== to.projectId) throw AppError.field('toCiId', 'rule.ci.sameProject');
    if (from.deletedAt) throw AppError.field('fromCiId', 'rule.ci.deleted');
    if (to.deletedAt) throw AppError.field('toCiId', 'rule.ci.deleted');
    if (await relationExists(tx, from.id, to.id, input.type)) throw AppError.field('type', 'rule.unique');
    const id = uuid7();
    await insertRelation(tx, {
      id,
      projectId: from.projectId,
      fromCiId: from.id,
      toCiId: to.id,
      type: input.type,
      note: input.note,
      createdAt: ctx.now,
      createdBy: ctx.actor.userId,
    });
    await relationHistory(tx, whoOf(ctx), 'relation_add', id, input.type, from.id, to.id);
    await recordAudit(tx, ctx, {
      action: 'ci_relation.create',
      objectType: 'ci_relation',
      objectId: id,
      detail: { type: input.type, fromCiId: from.id, toCiId: to.id },
    });
    return (await findRelation(tx, id))!;
  });
}

export async function deleteRelation(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const rel = await findRelation(tx, id, true);
    // Scope: the relation is visible when its CIs are (they share a project).
    if (!rel || rel.deletedAt || !(await findCi(tx, ctx.actor, rel.from.id))) throw AppError.notFound();
    if (!cmdbAbilities(ctx.actor, rel.projectId).update) throw AppError.forbidden();
    await endRelation(tx, id, ctx.now, ctx.actor.userId);
    await relationHistory(tx, whoOf(ctx), 'relation_remove', id, rel.type, rel.from.id, rel.to.id);
    await recordAudit(tx, ctx, {
      action: 'ci_relation.delete',
      objectType: 'ci_relation',
      objectId: id,
      detail: { type: rel.type, fromCiId: rel.from.id, toCiId: rel.to.id },
    });
  });
}

export const GRAPH_MAX_NODES = 500;

export async function graphOf(ctx: Ctx, id: string, depth: number) {
  const root = await getCi(ctx, id);
  const { nodes, truncated } = await neighbourhood(ctx.db, root.id, depth, GRAPH_MAX_NODES);
  const ids = nodes.map((n) => n.ciId);
  const rows = await nodesById(ctx.db, ids);
  const edges = await edgesAmong(ctx.db, ids);
  return {
    rootId: root.id,
    depth,
    nodes: nodes.flatMap((n) => {
      const r = rows.get(n.ciId);
      return r ? [{ row: r, depth: n.depth }] : [];
    }),
    edges,
    truncated,
  };
}

export interface ImpactItem {
  ci: NodeRow;
  depth: number;
  path: { ciId: string; relationId: string; type: RelationType; direction: 'forward' | 'backward' }[];
}

/** What an outage or a change of the CI would hit: the CIs (and among them the business services) that depend on it. */
export async function impactOfCi(ctx: Ctx, id: string, depth: number) {
  const root = await getCi(ctx, id);
  const { hits, truncated } = await impactWalk(ctx.db, root.id, depth);
  const rows = await nodesById(ctx.db, [root.id, ...hits.map((h) => h.ciId)]);
  const ends = await relationEnds(ctx.db, [...new Set(hits.flatMap((h) => h.rels))]);
  const items: ImpactItem[] = hits.flatMap((h) => {
    const ci = rows.get(h.ciId);
    if (!ci) return [];
    const path = h.rels.map((relId, i) => {
      const e = ends.get(relId)!;
      const ciId = h.path[i + 1]!;
      return {
        ciId,
        relationId: relId,
        type: e.type,
        direction: e.to === ciId ? ('forward' as const) : ('backward' as const),
      };
    });
    return [{ ci, depth: h.depth, path }];
  });
  return { root: rows.get(root.id)!, depth, items, truncated };
}
