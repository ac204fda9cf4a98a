import type { CiType } from '@opsdesk/contracts';
import { ciTypeAbilities } from '@opsdesk/domain';
import type { Actor, CiCategory } from '@opsdesk/domain';
import type { CiTypeRow } from './ci-type.repository.js';

export function presentCiType(row: CiTypeRow, actor: Actor): CiType {
  return {
    id: row.id,
    key: row.key,
    label: { 'zh-CN': row.labelZh, en: row.labelEn },
    category: row.category as CiCategory,
    system: row.system,
    sortOrder: row.sortOrder,
    version: row.version,
    attributes: row.attributes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: ciTypeAbilities(actor, row),
  };
}
