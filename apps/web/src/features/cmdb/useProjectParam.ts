import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useCurrentProjectId } from '../../app/session/project';

/** The URL value of "every project" (an empty parameter falls back to the header's project). */
export const ALL_PROJECTS = 'all';

/**
 * The project a CMDB page shows: the URL's `projectId`, by default the project chosen in the
 * header (and following it when it changes there); `all` for every project in scope.
 */
export function useProjectParam(name = 'projectId'): string | null {
  const current = useCurrentProjectId();
  const [sp, setSp] = useSearchParams();
  const raw = sp.get(name);
  const previous = useRef(current);
  useEffect(() => {
    const headerChanged = previous.current !== current;
    previous.current = current;
    if (!headerChanged && (raw !== null || !current)) return;
    setSp(
      (s) => {
        const next = new URLSearchParams(s);
        next.set(name, current ?? ALL_PROJECTS);
        return next;
      },
      { replace: true },
    );
  }, [current, raw, name, setSp]);
  return raw === ALL_PROJECTS ? null : (raw ?? current);
}
