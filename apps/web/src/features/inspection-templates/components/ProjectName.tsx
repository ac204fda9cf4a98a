import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { projectApi, projectKeys } from '../../projects/api/project.api';

/** A project's code and name, linked (cached per project). */
export function ProjectName({ id }: { id: string }) {
  const q = useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: ({ signal }) => projectApi.get(id, signal),
    staleTime: 5 * 60_000,
  });
  return <Link to={`/projects/${id}`}>{q.data ? `${q.data.code} ${q.data.name}` : id.slice(0, 8)}</Link>;
}
