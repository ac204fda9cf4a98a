import { and, eq } from 'drizzle-orm';
import { checkAttributes, chinaDay, shiftDay } from '@opsdesk/domain';
import type { RelationType } from '@opsdesk/domain';
import { ciRelations, sites } from '../../db/schema/index.js';
import type { DemoWorld } from '../../demo/seed.js';
import { uuid7 } from '../../lib/ids.js';
import { typesByKeys } from './ci-type.repository.js';
import type { NewCi } from './ci.repository.js';
import { insertCis, relationHistory } from './ci.write.js';
import type { Who } from './ci.write.js';
import { bankCis } from './cmdb.demo.bank.js';
import { hospitalCis } from './cmdb.demo.hospital.js';
import { trafficCis } from './cmdb.demo.traffic.js';

/** A demo CI; `ref` names it in the relations of its data set. */
export interface DemoCi {
  ref: string;
  type: string;
  name: string;
  vendor?: string;
  model?: string;
  serial?: string;
  /** Days from today to the end of the warranty (negative: already ended). */
  warrantyIn?: number;
  purchased?: string;
  price?: number;
  site?: string;
  status?: NewCi['status'];
  tags?: string[];
  attributes?: Record<string, unknown>;
}

/** One project's demo CIs and their relations (from ref, type, to ref). */
export interface DemoData {
  cis: DemoCi[];
  relations: [string, RelationType, string][];
}

/**
 * Demo CMDB: the traffic project's 信号控制平台 down to its servers, switches, intersections and
 * room; the hospital's HIS on its database, servers and storage; the bank branch's terminals and
 * printers — with warranties ending in the next weeks, so statistics and impact show something.
 */
export async function seedCmdbDemo(world: DemoWorld): Promise<void> {
  const { tx, now } = world;
  const today = chinaDay(now);
  const who: Who = {
    actorId: world.users.admin ?? null,
    actorName: '系统管理员',
    requestId: 'demo-seed',
    now,
  };
  const types = await typesByKeys(tx, [
    'site',
    'room',
    'rack',
    'switch',
    'firewall',
    'physical_server',
    'virtual_machine',
    'database_instance',
    'middleware_instance',
    'application',
    'business_service',
    'signal_controller',
    'camera',
    'storage_array',
    'pc',
    'printer',
  ]);
  const sets = [
    { project: 'traffic' as const, owner: world.users.engineer, ...trafficCis() },
    { project: 'hospital' as const, owner: world.users.pm, ...hospitalCis() },
    { project: 'bank' as const, owner: world.users.engineer, ...bankCis() },
  ];
  for (const set of sets) {
    const projectId = world.projects[set.project];
    const siteRows = await tx
      .select({ id: sites.id, name: sites.name })
      .from(sites)
      .where(and(eq(sites.customerId, world.customers[set.project])));
    const ids = new Map<string, string>();
    const rows = set.cis.map((c) => {
      const type = types.get(c.type)!;
      const check = checkAttributes(type.attributes, c.attributes ?? {}, 'json');
      if (check.problems.length) throw new Error(`demo CI ${c.name}: ${JSON.stringify(check.problems)}`);
      const id = uuid7();
      ids.set(c.ref, id);
      const row: NewCi = {
        id,
        projectId,
        typeId: type.id,
        typeVersion: type.version,
        name: c.name,
        status: c.status ?? 'in_use',
        ownerId: set.owner ?? null,
        siteId: siteRows.find((s) => s.name === c.site)?.id ?? null,
        tags: c.tags ?? [],
        attributes: check.values,
        vendor: c.vendor ?? null,
        model: c.model ?? null,
        serialNo: c.serial ?? null,
        purchaseDate: c.purchased ?? null,
        price: c.price === undefined ? null : c.price.toFixed(2),
        warrantyEnd: c.warrantyIn === undefined ? null : shiftDay(today, c.warrantyIn),
        createdAt: now,
        updatedAt: now,
        createdBy: who.actorId,
      };
      return { row, uniques: check.uniques };
    });
    await insertCis(tx, who, rows);
    for (const [from, type, to] of set.relations) {
      const id = uuid7();
      await tx.insert(ciRelations).values({
        id,
        projectId,
        fromCiId: ids.get(from)!,
        toCiId: ids.get(to)!,
        type,
        createdAt: now,
        createdBy: who.actorId,
      });
      await relationHistory(tx, who, 'relation_add', id, type, ids.get(from)!, ids.get(to)!);
    }
  }
}
