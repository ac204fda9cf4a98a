import type { AnonCtx, Deps } from '../http/context.js';

/** The actor of scheduled work: audit rows and ticket history name "system" and the job. */
export function systemCtx(deps: Deps, job: string, now: Date): AnonCtx {
  return {
    db: deps.db,
    deps,
    actor: null,
    actorName: 'system',
    requestId: `job:${job}`,
    ip: null,
    lang: 'zh-CN',
    now,
  };
}
