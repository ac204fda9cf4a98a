import type { Ci, CiHistoryEntry, CiNode, CiRelation } from '@opsdesk/contracts';
import { cmdbAbilities } from '@opsdesk/domain';
import type { Actor, CiCategory, CiStatus } from '@opsdesk/domain';
import type { CiView } from './ci.repository.js';
import type { RelationView } from './ci-graph.repository.js';
import type { HistoryRow } from './ci-history.service.js';

export interface NodeRow {
  id: string;
  name: string;
  status: string;
  typeId: string;
  typeKey: string;
  typeLabelZh: string;
  typeLabelEn: string;
  typeCategory: string;
}

export function presentNode(r: NodeRow): CiNode {
  return {
    id: r.id,
    name: r.name,
    status: r.status as CiStatus,
    type: {
      id: r.typeId,
      key: r.typeKey,
      label: { 'zh-CN': r.typeLabelZh, en: r.typeLabelEn },
      category: r.typeCategory as CiCategory,
    },
  };
}

/** `readOnly`: a past state (as-of), which nobody edits. */
export function presentCi(row: CiView, actor: Actor, readOnly = false): Ci {
  const abilities = cmdbAbilities(actor, row.projectId);
  return {
    id: row.id,
    projectId: row.projectId,
    projectName: row.projectName,
    type: {
      id: row.typeId,
      key: row.typeKey,
      label: { 'zh-CN': row.typeLabelZh, en: row.typeLabelEn },
      category: row.typeCategory as CiCategory,
    },
    typeVersion: row.typeVersion,
    name: row.name,
    status: row.status,
    owner: row.ownerId ? { id: row.ownerId, displayName: row.ownerName ?? '' } : null,
    site: row.siteId ? { id: row.siteId, name: row.siteName ?? '' } : null,
    tags: row.tags,
    attributes: row.attributes,
    vendor: row.vendor,
    model: row.model,
    serialNo: row.serialNo,
    assetTag: row.assetTag,
    purchaseDate: row.purchaseDate,
    price: row.price === null ? null : Number(row.price),
    warrantyEnd: row.warrantyEnd,
    supportContract: row.supportContract,
    supplier: row.supplier,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt ? row.deletedAt.toISOString() : null,
    abilities: readOnly
      ? { update: false, delete: false }
      : { update: abilities.update && !row.deletedAt, delete: abilities.delete },
  };
}

export function presentRelation(r: RelationView, actor: Actor): CiRelation {
  return {
    id: r.id,
    projectId: r.projectId,
    type: r.type,
    from: presentNode(r.from),
    to: presentNode(r.to),
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    deletedAt: r.deletedAt ? r.deletedAt.toISOString() : null,
    abilities: { delete: !r.deletedAt && cmdbAbilities(actor, r.projectId).update },
  };
}

export function presentHistory(h: HistoryRow): CiHistoryEntry {
  return {
    id: h.id,
    at: h.at.toISOString(),
    actor: { id: h.actorId, name: h.actorName },
    action: h.action,
    field: h.field,
    before: h.before,
    after: h.after,
    relationId: h.relationId,
    importId: h.importId,
  };
}
