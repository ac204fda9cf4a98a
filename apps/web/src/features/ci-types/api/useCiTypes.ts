import { useQuery } from '@tanstack/react-query';
import type { CiType } from '@opsdesk/contracts';
import { ciTypeApi, ciTypeKeys } from './ci-type.api';

/** Every CI type, cached for the session's pages (admins' edits invalidate `ciTypeKeys.all`). */
export function useCiTypes() {
  const query = useQuery({
    queryKey: ciTypeKeys.catalogue,
    queryFn: ({ signal }) => ciTypeApi.all(signal),
    staleTime: 5 * 60_000,
  });
  const types: CiType[] = query.data ?? [];
  const byId = new Map(types.map((t) => [t.id, t]));
  const byKey = new Map(types.map((t) => [t.key, t]));
  return { query, types, byId, byKey };
}
