import type { TicketKind } from '@opsdesk/domain';
import type { Deps } from '../../http/context.js';
import { writeTickets } from './ticket.create.write.js';
import type { TicketWrite, TicketWritten } from './ticket.create.write.js';
import { numberYear, takeTicketNumbers } from './ticket.numbers.js';

/**
 * Group commit for new tickets (docs/decisions/0204): while one batch is being written on this
 * node, the tickets raised meanwhile wait and go together in the next — their numbers drawn in one
 * statement per kind, then one statement, one commit, one WAL flush for up to `MAX_BATCH` tickets,
 * each with its history, audit row, SLA clocks and notifications. Alone (no load) a ticket goes at
 * once, so batching adds no wait; under load it replaces per-ticket statement overhead by per-batch.
 * Numbers are drawn in the order the tickets were raised on the node.
 *
 * A batch is one transaction: if its statement fails, every ticket in it is written again alone,
 * so only the one that fails its own constraint fails (its caller gets that error), and nothing is
 * half-written. Only writes outside a caller's transaction come here.
 */
export const MAX_BATCH = 32;

/** A validated ticket waiting for its number: `build` makes its rows once the number is known. */
export interface NewTicket {
  kind: TicketKind;
  now: Date;
  build: (number: string) => TicketWrite;
}

export interface BatchedWrite {
  write: TicketWrite;
  written: TicketWritten;
}

interface Waiting {
  t: NewTicket;
  resolve: (r: BatchedWrite) => void;
  reject: (e: unknown) => void;
}

class WriteBatcher {
  private queue: Waiting[] = [];
  /** A batch is being written: one at a time per node (more in flight measured slower, decision 0204). */
  private running = false;

  constructor(private readonly deps: Deps) {}

  write(t: NewTicket): Promise<BatchedWrite> {
    return new Promise((resolve, reject) => {
      this.queue.push({ t, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length) await this.flush(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.running = false;
    }
  }

  private async flush(waiting: Waiting[]): Promise<void> {
    if (recent.length >= 10_000) recent.splice(0, 5_000);
    recent.push(waiting.length);
    // Numbers: one draw per kind and year for the whole batch (a refused request never got here).
    const batch: { w: TicketWrite; resolve: Waiting['resolve']; reject: Waiting['reject'] }[] = [];
    const groups = new Map<string, Waiting[]>();
    for (const x of waiting) {
      const key = `${x.t.kind}:${numberYear(x.t.now)}`;
      const group = groups.get(key);
      if (group) group.push(x);
      else groups.set(key, [x]);
    }
    for (const group of groups.values()) {
      let numbers: string[];
      try {
        numbers = await takeTicketNumbers(this.deps, group[0]!.t.kind, group[0]!.t.now, group.length);
      } catch (e) {
        for (const x of group) x.reject(e);
        continue;
      }
      group.forEach((x, i) => {
        try {
          batch.push({ w: x.t.build(numbers[i]!), resolve: x.resolve, reject: x.reject });
        } catch (e) {
          x.reject(e);
        }
      });
    }
    if (!batch.length) return;
    try {
      const out = await writeTickets(
        this.deps.db,
        batch.map((b) => b.w),
      );
      batch.forEach((b, i) => b.resolve({ write: b.w, written: out[i]! }));
    } catch (e) {
      if (batch.length === 1) return batch[0]!.reject(e);
      // One transaction for all: write each again alone, so only the one that fails fails.
      for (const b of batch) {
        await writeTickets(this.deps.db, [b.w]).then(
          (out) => b.resolve({ write: b.w, written: out[0]! }),
          (err: unknown) => b.reject(err),
        );
      }
    }
  }
}

// One batcher per node: keyed by the node's pool, like the desk cache.
const batchers = new WeakMap<object, WriteBatcher>();
function batcherOf(deps: Deps): WriteBatcher {
  let b = batchers.get(deps.pool);
  if (!b) batchers.set(deps.pool, (b = new WriteBatcher(deps)));
  return b;
}

/** Numbers and writes a new ticket with the others raised on this node at the same time. */
export function writeTicketBatched(deps: Deps, t: NewTicket): Promise<BatchedWrite> {
  return batcherOf(deps).write(t);
}

// The sizes of the latest batches written in this process, oldest first (tests, the benchmark).
const recent: number[] = [];
export function recentBatchSizes(): readonly number[] {
  return recent;
}
