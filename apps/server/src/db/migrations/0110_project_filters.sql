-- The project list's filters (issue 3): phase, business line, the service mode chosen at handover,
-- and "has an overdue task". Region, division and customer already have their indexes (0001).
-- projects_running_phase_idx (0100) covers two phases only, for the schedule sweep.
CREATE INDEX projects_phase_idx ON projects (phase) WHERE phase IS NOT NULL;
CREATE INDEX projects_business_line_idx ON projects (business_line) WHERE business_line IS NOT NULL;
-- The decided handovers by mode and variant, giving the projects they belong to.
CREATE INDEX handovers_chosen_mode_idx ON handovers (chosen_mode, chosen_variant, project_id)
  WHERE chosen_mode IS NOT NULL;
-- "Has an overdue task": a project's live tasks by due date. project_tasks_project_due_idx holds
-- every task, and done ones (the recurring monthly items of a long project) are most of them.
CREATE INDEX project_tasks_live_project_due_idx ON project_tasks (project_id, due_date)
  WHERE status IN ('open', 'awaiting_approval');
