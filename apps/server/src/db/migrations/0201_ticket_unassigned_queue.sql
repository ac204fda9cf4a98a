-- The unassigned queue of an agent in several projects, newest first. tickets_unassigned_idx
-- (project_id, created_at, id) gives that order within one project only: across several, PostgreSQL
-- fetched every unassigned open ticket of them and sorted (1 M tickets, an agent in 4 projects:
-- 3,300 rows from 2,700 heap pages, 62 ms). Walking this index newest first and filtering by project
-- reads about a page's worth (0.5 ms). Partial, so it holds only the unassigned open tickets.
-- Measured by bench/service-desk.ts.
CREATE INDEX tickets_unassigned_created_idx ON tickets (created_at, id)
  WHERE assignee_id IS NULL AND state_category NOT IN ('resolved', 'final');
