import { describe, expect, it } from 'vitest';
import {
  IMPACT_FROM_TO,
  IMPACT_TO_FROM,
  RELATION_RULES,
  RELATION_TYPES,
  impactNeighbours,
  impactOf,
} from './relations.js';
import type { RelationEdge, RelationType } from './relations.js';

describe('how an outage travels along each relation type', () => {
  // from —type→ to; "who is hit when X fails"
  it.each<[RelationType, 'from fails' | 'to fails', string[]]>([
    ['runs_on', 'to fails', ['app']], // the app runs on the server: the server fails, the app is hit
    ['runs_on', 'from fails', []],
    ['depends_on', 'to fails', ['app']],
    ['depends_on', 'from fails', []],
    ['connected_to', 'to fails', ['app']], // the upstream switch fails, the device behind it is cut off
    ['connected_to', 'from fails', []],
    ['located_in', 'to fails', ['app']], // the rack loses power, what is in it is hit
    ['located_in', 'from fails', []],
    ['part_of', 'from fails', ['srv']], // a part fails, the whole is hit
    ['part_of', 'to fails', []],
    ['backs_up', 'from fails', []], // a backup failing takes nothing down
    ['backs_up', 'to fails', []],
  ])('%s: when %s, the hit CIs are %j', (type, who, hit) => {
    const edges: RelationEdge[] = [{ id: 'r', from: 'app', to: 'srv', type }];
    const failing = who === 'from fails' ? 'app' : 'srv';
    expect(impactNeighbours(edges, failing).map((s) => s.ciId)).toEqual(hit);
  });

  it('every type has labels both ways and is in exactly one flow list or none', () => {
    for (const t of RELATION_TYPES) {
      const r = RELATION_RULES[t];
      expect(r.label['zh-CN'] && r.label.en && r.inverseLabel['zh-CN'] && r.inverseLabel.en).toBeTruthy();
      const lists = [IMPACT_TO_FROM.includes(t), IMPACT_FROM_TO.includes(t)].filter(Boolean).length;
      expect(lists).toBe(r.impact === 'none' ? 0 : 1);
    }
  });
});

describe('impactOf', () => {
  // A 6-level chain: svc depends on app, app runs on vm, vm runs on host, host located in rack,
  // rack located in room; a cycle app ↔ cache (both depend on each other); disk is part of host.
  const edges: RelationEdge[] = [
    { id: 'r1', from: 'svc', to: 'app', type: 'depends_on' },
    { id: 'r2', from: 'app', to: 'vm', type: 'runs_on' },
    { id: 'r3', from: 'vm', to: 'host', type: 'runs_on' },
    { id: 'r4', from: 'host', to: 'rack', type: 'located_in' },
    { id: 'r5', from: 'rack', to: 'room', type: 'located_in' },
    { id: 'r6', from: 'app', to: 'cache', type: 'depends_on' },
    { id: 'r7', from: 'cache', to: 'app', type: 'depends_on' },
    { id: 'r8', from: 'disk', to: 'host', type: 'part_of' },
    { id: 'r9', from: 'bak', to: 'host', type: 'backs_up' },
  ];

  it('walks the chain from the room to the business service, once per CI, with paths', () => {
    const hits = impactOf(edges, 'room', 6);
    expect(hits.map((h) => [h.ciId, h.depth])).toEqual([
      ['rack', 1],
      ['host', 2],
      ['vm', 3],
      ['app', 4],
      ['svc', 5],
      ['cache', 5],
    ]);
    expect(hits.find((h) => h.ciId === 'svc')!.path.map((s) => s.relationId)).toEqual([
      'r5',
      'r4',
      'r3',
      'r2',
      'r1',
    ]);
  });

  it('stops at the depth limit', () => {
    expect(impactOf(edges, 'room', 2).map((h) => h.ciId)).toEqual(['rack', 'host']);
  });

  it('survives the cycle and never lists the root', () => {
    const hits = impactOf(edges, 'app', 6);
    expect(hits.map((h) => h.ciId).sort()).toEqual(['cache', 'svc']);
    expect(
      impactOf(edges, 'cache', 6)
        .map((h) => h.ciId)
        .sort(),
    ).toEqual(['app', 'svc']);
  });

  it('follows part_of forward: a failing disk hits its host and everything on it', () => {
    expect(impactOf(edges, 'disk', 6).map((h) => h.ciId)).toEqual(['host', 'vm', 'app', 'svc', 'cache']);
    expect(impactOf(edges, 'bak', 6)).toEqual([]);
  });
});
