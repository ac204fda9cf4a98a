import type { CiLabel } from './attributes.js';

/**
 * Relations between CIs are typed and directed: `from` —type→ `to`, read "from runs on to".
 * Which way an outage travels along each type is data, here, so impact analysis (the recursive
 * query in the server) and its tests use one definition:
 *
 * - `to_from`: an outage of `to` hits `from` (the app runs on the server; the server is located
 *   in the rack; the access switch is connected to the core switch — record `connected_to` from
 *   the downstream device to the upstream one);
 * - `from_to`: an outage of `from` hits `to` (a component is part of a whole);
 * - `none`: nothing propagates (a backup does not take its primary down).
 */
export const RELATION_TYPES = [
  'runs_on',
  'depends_on',
  'connected_to',
  'part_of',
  'backs_up',
  'located_in',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export type ImpactFlow = 'to_from' | 'from_to' | 'none';

export interface RelationTypeRule {
  label: CiLabel;
  /** How the relation reads from the `to` side, e.g. 运行着 / hosts. */
  inverseLabel: CiLabel;
  impact: ImpactFlow;
}

export const RELATION_RULES: Record<RelationType, RelationTypeRule> = {
  runs_on: {
    label: { 'zh-CN': '运行于', en: 'runs on' },
    inverseLabel: { 'zh-CN': '承载', en: 'hosts' },
    impact: 'to_from',
  },
  depends_on: {
    label: { 'zh-CN': '依赖于', en: 'depends on' },
    inverseLabel: { 'zh-CN': '被依赖', en: 'is needed by' },
    impact: 'to_from',
  },
  connected_to: {
    label: { 'zh-CN': '连接到', en: 'connected to' },
    inverseLabel: { 'zh-CN': '接入', en: 'serves the connection of' },
    impact: 'to_from',
  },
  part_of: {
    label: { 'zh-CN': '属于', en: 'part of' },
    inverseLabel: { 'zh-CN': '包含', en: 'contains' },
    impact: 'from_to',
  },
  backs_up: {
    label: { 'zh-CN': '备份', en: 'backs up' },
    inverseLabel: { 'zh-CN': '由其备份', en: 'is backed up by' },
    impact: 'none',
  },
  located_in: {
    label: { 'zh-CN': '位于', en: 'located in' },
    inverseLabel: { 'zh-CN': '容纳', en: 'holds' },
    impact: 'to_from',
  },
};

/** Types along which impact travels from `to` to `from` (walk: rows whose to_ci is the hit CI). */
export const IMPACT_TO_FROM: readonly RelationType[] = RELATION_TYPES.filter(
  (t) => RELATION_RULES[t].impact === 'to_from',
);
/** Types along which impact travels from `from` to `to`. */
export const IMPACT_FROM_TO: readonly RelationType[] = RELATION_TYPES.filter(
  (t) => RELATION_RULES[t].impact === 'from_to',
);

export interface RelationEdge {
  id: string;
  from: string;
  to: string;
  type: RelationType;
}

export interface ImpactStep {
  /** The CI hit at this step. */
  ciId: string;
  relationId: string;
  type: RelationType;
  /** `forward` when the relation was walked from→to, `backward` when to→from. */
  direction: 'forward' | 'backward';
}

export interface ImpactHit {
  ciId: string;
  depth: number;
  /** The steps from the root to this CI (the root itself is not a step). */
  path: ImpactStep[];
}

/** The CIs an outage of `ciId` hits directly, with the relation it travels along. */
export function impactNeighbours(edges: readonly RelationEdge[], ciId: string): ImpactStep[] {
  const out: ImpactStep[] = [];
  for (const e of edges) {
    const flow = RELATION_RULES[e.type].impact;
    if (flow === 'to_from' && e.to === ciId)
      out.push({ ciId: e.from, relationId: e.id, type: e.type, direction: 'backward' });
    if (flow === 'from_to' && e.from === ciId)
      out.push({ ciId: e.to, relationId: e.id, type: e.type, direction: 'forward' });
  }
  return out;
}

/**
 * Everything an outage of `root` hits, transitively, up to `maxDepth` steps, each CI once with
 * one shortest path (of equally short ones, the least by relation ids step by step, as the SQL
 * picks them). Cycles end a path; the root
 * is never its own hit. The reference for the server's recursive query (tested against it).
 */
export function impactOf(edges: readonly RelationEdge[], root: string, maxDepth: number): ImpactHit[] {
  const best = new Map<string, ImpactHit>([[root, { ciId: root, depth: 0, path: [] }]]);
  let frontier: ImpactHit[] = [best.get(root)!];
  for (let depth = 1; depth <= maxDepth && frontier.length; depth++) {
    const next: ImpactHit[] = [];
    for (const hit of frontier) {
      const steps = impactNeighbours(edges, hit.ciId).sort((a, b) =>
        a.relationId < b.relationId ? -1 : a.relationId > b.relationId ? 1 : 0,
      );
      for (const step of steps) {
        if (best.has(step.ciId)) continue;
        const h = { ciId: step.ciId, depth, path: [...hit.path, step] };
        best.set(step.ciId, h);
        next.push(h);
      }
    }
    frontier = next;
  }
  best.delete(root);
  return [...best.values()];
}
