-- Service desk (issue 4): one ticket engine for every kind, business calendars with China's
-- holidays, SLA clocks with escalations and breaches, routing, saved views, the mail outbox.
-- Kind-specific fields of later kinds (work orders, problems, changes) go to `tickets.extra` or
-- side tables, never to new columns per kind.

-- Lifecycle definitions per ticket kind, seeded from the domain defaults by the app on first use
-- (the definitions are TypeScript data; a SQL copy would drift). Admins may edit them later.
CREATE TABLE ticket_lifecycles (
  kind text PRIMARY KEY,
  definition jsonb NOT NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL
);

-- Human numbers (INC-2026-000123): one row per kind and year, bumped by a single-statement upsert
-- in its own short transaction, before the ticket's transaction (so the row lock lasts microseconds).
CREATE TABLE ticket_counters (
  kind text NOT NULL,
  year integer NOT NULL,
  last_value bigint NOT NULL,
  PRIMARY KEY (kind, year)
);

-- China's statutory holidays and make-up workdays (调休), one row per year. Seeded from the
-- `chinese-days` package on first start; an admin may edit a year or import a new one.
CREATE TABLE holiday_years (
  year integer PRIMARY KEY CHECK (year BETWEEN 1970 AND 9999),
  holidays jsonb NOT NULL,          -- ["YYYY-MM-DD", …]
  makeup_workdays jsonb NOT NULL,   -- ["YYYY-MM-DD", …]
  source text NOT NULL CHECK (source IN ('package', 'admin')),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL
);

-- Business calendars (工作日历): global (project_id NULL) or a project's own.
CREATE TABLE calendars (
  id uuid PRIMARY KEY,
  project_id uuid REFERENCES projects (id) ON DELETE CASCADE,
  name text NOT NULL,
  time_zone text NOT NULL DEFAULT 'Asia/Shanghai',
  weekly jsonb NOT NULL,                         -- {"1": [{"start": "09:00", "end": "12:00"}], …}
  follows_china_holidays boolean NOT NULL DEFAULT true,
  extra_holidays jsonb NOT NULL DEFAULT '[]',     -- local dates off besides the statutory ones
  extra_makeup_workdays jsonb NOT NULL DEFAULT '[]', -- [{"date": "YYYY-MM-DD", "hours": 1}]
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT calendars_project_name_key UNIQUE NULLS NOT DISTINCT (project_id, name)
);
CREATE INDEX calendars_project_idx ON calendars (project_id, name, id);

-- Category tree per project.
CREATE TABLE ticket_categories (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  parent_id uuid REFERENCES ticket_categories (id), -- NO ACTION: a project delete cascades through the tree
  name text NOT NULL,
  position integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT ticket_categories_sibling_name_key UNIQUE NULLS NOT DISTINCT (project_id, parent_id, name)
);
CREATE INDEX ticket_categories_parent_idx ON ticket_categories (parent_id) WHERE parent_id IS NOT NULL;

-- Per-project service desk settings: the priority matrix and the service hours (a calendar).
CREATE TABLE service_desk_settings (
  project_id uuid PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
  priority_matrix jsonb NOT NULL,
  service_calendar_id uuid REFERENCES calendars (id) ON DELETE SET NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX service_desk_settings_calendar_idx ON service_desk_settings (service_calendar_id) WHERE service_calendar_id IS NOT NULL;

-- Routing rules: the first active rule (by position) that matches gives the assignment group.
CREATE TABLE routing_rules (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  name text NOT NULL,
  position integer NOT NULL DEFAULT 0,
  kinds text[] NOT NULL DEFAULT '{}',       -- empty: any kind
  category_id uuid REFERENCES ticket_categories (id) ON DELETE CASCADE, -- matches the subtree
  channels text[] NOT NULL DEFAULT '{}',    -- empty: any channel
  keywords text[] NOT NULL DEFAULT '{}',    -- any of them in title or description; empty: any
  business_stopped boolean,                 -- null: either
  group_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX routing_rules_project_idx ON routing_rules (project_id, position, id);
CREATE INDEX routing_rules_group_idx ON routing_rules (group_id);

-- SLA policies: response and resolution targets per priority, on a calendar, with escalation steps.
CREATE TABLE sla_policies (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  name text NOT NULL,
  kind text,                                -- null: every kind
  category_id uuid REFERENCES ticket_categories (id) ON DELETE CASCADE, -- null: every category
  calendar_id uuid NOT NULL REFERENCES calendars (id),
  targets jsonb NOT NULL,                   -- {"1": {"response": 30, "resolution": 240}, …}
  escalations jsonb NOT NULL,               -- [{"threshold": 50, "notify": [...], "reassignGroupId"?, "raisePriority"?}]
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT sla_policies_scope_key UNIQUE NULLS NOT DISTINCT (project_id, kind, category_id)
);
CREATE INDEX sla_policies_calendar_idx ON sla_policies (calendar_id);

-- Tickets of every kind.
CREATE TABLE tickets (
  id uuid PRIMARY KEY,
  number text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('incident', 'service_request', 'consultation', 'work_order', 'problem', 'change')),
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE RESTRICT,
  requester_id uuid REFERENCES users (id) ON DELETE SET NULL,
  channel text NOT NULL CHECK (channel IN ('portal', 'phone', 'email', 'monitoring', 'api')),
  category_id uuid REFERENCES ticket_categories (id) ON DELETE SET NULL,
  impact smallint NOT NULL CHECK (impact BETWEEN 1 AND 4),
  urgency smallint NOT NULL CHECK (urgency BETWEEN 1 AND 4),
  priority smallint NOT NULL CHECK (priority BETWEEN 1 AND 4),
  business_stopped boolean NOT NULL DEFAULT false,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  state text NOT NULL,
  state_category text NOT NULL CHECK (state_category IN ('open', 'in_progress', 'pending', 'resolved', 'final')),
  pending_reason text,
  group_id uuid REFERENCES teams (id) ON DELETE SET NULL,
  assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
  tags text[] NOT NULL DEFAULT '{}',
  parent_id uuid REFERENCES tickets (id) ON DELETE SET NULL,
  merged_into_id uuid REFERENCES tickets (id) ON DELETE SET NULL,
  resolution_code text,
  resolution_text text,
  responded_at timestamptz(3),
  resolved_at timestamptz(3),
  closed_at timestamptz(3),
  -- The earliest due time of the running clocks (null: none running), mirrored from sla_clocks in
  -- the same transaction, for the "breaching soon" queue and the SLA sort.
  sla_due_at timestamptz(3),
  sla_breached boolean NOT NULL DEFAULT false,
  -- When the emergency-plan rule looks at a business-stopped ticket (created + 12 h); null once done.
  emergency_check_at timestamptz(3),
  satisfaction_rating smallint CHECK (satisfaction_rating BETWEEN 1 AND 5),
  satisfaction_comment text,
  rated_at timestamptz(3),
  extra jsonb NOT NULL DEFAULT '{}',
  search_tokens text NOT NULL DEFAULT '',   -- title + description as search tokens (domain/search)
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT tickets_number_key UNIQUE (number),
  CONSTRAINT tickets_not_merged_into_self CHECK (merged_into_id IS NULL OR merged_into_id <> id),
  CONSTRAINT tickets_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
);
-- List sorts, each (column, id), newest first by default; scope filters use project_id.
CREATE INDEX tickets_created_id_idx ON tickets (created_at, id);
CREATE INDEX tickets_updated_id_idx ON tickets (updated_at, id);
CREATE INDEX tickets_project_created_idx ON tickets (project_id, created_at, id);
CREATE INDEX tickets_assignee_created_idx ON tickets (assignee_id, created_at, id) WHERE assignee_id IS NOT NULL;
CREATE INDEX tickets_group_created_idx ON tickets (group_id, created_at, id) WHERE group_id IS NOT NULL;
CREATE INDEX tickets_requester_created_idx ON tickets (requester_id, created_at, id) WHERE requester_id IS NOT NULL;
CREATE INDEX tickets_unassigned_idx ON tickets (project_id, created_at, id) WHERE assignee_id IS NULL AND state_category NOT IN ('resolved', 'final');
CREATE INDEX tickets_sla_due_idx ON tickets (sla_due_at, id) WHERE sla_due_at IS NOT NULL;
CREATE INDEX tickets_priority_id_idx ON tickets (priority, id);
CREATE INDEX tickets_open_state_idx ON tickets (state_category, created_at, id);
CREATE INDEX tickets_parent_idx ON tickets (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX tickets_merged_idx ON tickets (merged_into_id) WHERE merged_into_id IS NOT NULL;
CREATE INDEX tickets_category_idx ON tickets (category_id) WHERE category_id IS NOT NULL;
CREATE INDEX tickets_tags_idx ON tickets USING gin (tags);
CREATE INDEX tickets_search_idx ON tickets USING gin (to_tsvector('simple', search_tokens));
CREATE INDEX tickets_emergency_idx ON tickets (emergency_check_at) WHERE emergency_check_at IS NOT NULL;
CREATE INDEX tickets_resolved_idx ON tickets (resolved_at) WHERE state_category = 'resolved';

-- Replies (public) and internal notes; requesters never read internal ones.
CREATE TABLE ticket_comments (
  id uuid PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  author_id uuid REFERENCES users (id) ON DELETE SET NULL,
  visibility text NOT NULL CHECK (visibility IN ('public', 'internal')),
  body text NOT NULL,
  time_spent_minutes integer CHECK (time_spent_minutes BETWEEN 0 AND 100000),
  search_tokens text NOT NULL DEFAULT '',
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX ticket_comments_ticket_idx ON ticket_comments (ticket_id, created_at, id);
CREATE INDEX ticket_comments_search_idx ON ticket_comments USING gin (to_tsvector('simple', search_tokens));

-- The ticket's history: every change, in order. `visibility` hides internal entries from requesters.
CREATE TABLE ticket_events (
  id uuid PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  at timestamptz(3) NOT NULL,
  actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
  actor_name text,
  type text NOT NULL,
  visibility text NOT NULL CHECK (visibility IN ('public', 'internal')),
  data jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX ticket_events_ticket_idx ON ticket_events (ticket_id, at, id);

CREATE TABLE ticket_watchers (
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (ticket_id, user_id)
);
CREATE INDEX ticket_watchers_user_idx ON ticket_watchers (user_id);

-- Related and duplicate links (parent/child is tickets.parent_id). Stored once per pair.
CREATE TABLE ticket_links (
  id uuid PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  other_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  type text NOT NULL CHECK (type IN ('related', 'duplicate')),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT ticket_links_pair_key UNIQUE (ticket_id, other_id),
  CONSTRAINT ticket_links_not_self CHECK (ticket_id <> other_id)
);
CREATE INDEX ticket_links_other_idx ON ticket_links (other_id);

-- SLA clocks: the domain's clock log (`events`) and what the timer sweep needs, kept current in the
-- ticket's transaction. The sweep reads only rows with next_check_at <= now (partial index).
CREATE TABLE sla_clocks (
  id uuid PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  metric text NOT NULL CHECK (metric IN ('response', 'resolution')),
  policy_id uuid REFERENCES sla_policies (id) ON DELETE SET NULL,
  calendar_id uuid NOT NULL REFERENCES calendars (id),
  target_minutes integer NOT NULL CHECK (target_minutes > 0),
  escalations jsonb NOT NULL DEFAULT '[]', -- the policy's steps when the clock started
  fired_thresholds integer[] NOT NULL DEFAULT '{}', -- steps done (sla_escalations holds the proof)
  events jsonb NOT NULL,                    -- [{"type": "start", "at": epochMs}, …]
  state text NOT NULL CHECK (state IN ('running', 'paused', 'met', 'breached')),
  stopped boolean NOT NULL DEFAULT false,
  due_at timestamptz(3),
  breached_at timestamptz(3),
  next_check_at timestamptz(3),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT sla_clocks_ticket_metric_key UNIQUE (ticket_id, metric)
);
CREATE INDEX sla_clocks_next_check_idx ON sla_clocks (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX sla_clocks_calendar_idx ON sla_clocks (calendar_id);
CREATE INDEX sla_clocks_policy_idx ON sla_clocks (policy_id) WHERE policy_id IS NOT NULL;

-- One row per escalation step fired: the unique key makes each step happen once across nodes.
CREATE TABLE sla_escalations (
  id uuid PRIMARY KEY,
  clock_id uuid NOT NULL REFERENCES sla_clocks (id) ON DELETE CASCADE,
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  threshold integer NOT NULL,
  crossed_at timestamptz(3) NOT NULL,
  fired_at timestamptz(3) NOT NULL,
  actions jsonb NOT NULL DEFAULT '{}',
  CONSTRAINT sla_escalations_step_key UNIQUE (clock_id, threshold)
);
CREATE INDEX sla_escalations_ticket_idx ON sla_escalations (ticket_id);

-- Breaches, with the reason the project manager gives afterwards.
CREATE TABLE sla_breaches (
  id uuid PRIMARY KEY,
  clock_id uuid NOT NULL REFERENCES sla_clocks (id) ON DELETE CASCADE,
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  metric text NOT NULL CHECK (metric IN ('response', 'resolution')),
  breached_at timestamptz(3) NOT NULL,
  recorded_at timestamptz(3) NOT NULL,
  reason_code text CHECK (reason_code IN ('customer_delay', 'vendor_delay', 'spare_parts', 'misclassified', 'staffing', 'out_of_hours', 'other')),
  reason_text text,
  reason_by uuid REFERENCES users (id) ON DELETE SET NULL,
  reason_at timestamptz(3),
  CONSTRAINT sla_breaches_clock_key UNIQUE (clock_id)
);
CREATE INDEX sla_breaches_project_idx ON sla_breaches (project_id, breached_at, id);
CREATE INDEX sla_breaches_ticket_idx ON sla_breaches (ticket_id);

-- Tasks raised from tickets, e.g. the seed's emergency plan (应急方案) for a business stopped 12 h.
CREATE TABLE ticket_tasks (
  id uuid PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  type text NOT NULL CHECK (type IN ('emergency_plan')),
  assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
  due_at timestamptz(3) NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  note text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  done_at timestamptz(3),
  done_by uuid REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT ticket_tasks_once_key UNIQUE (ticket_id, type)
);
CREATE INDEX ticket_tasks_project_idx ON ticket_tasks (project_id, due_at, id);
CREATE INDEX ticket_tasks_assignee_idx ON ticket_tasks (assignee_id) WHERE assignee_id IS NOT NULL;

-- Saved views of the agent workspace, per user.
CREATE TABLE ticket_views (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  query jsonb NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT ticket_views_user_name_key UNIQUE (user_id, name)
);

-- Agents who are away (leave, training) are skipped by routing.
CREATE TABLE agent_availability (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  away boolean NOT NULL DEFAULT false,
  away_until timestamptz(3),
  note text,
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);

-- Outgoing mail, written in the transaction of the change and sent after commit by a job.
CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY,
  to_address text NOT NULL,
  to_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  kind text NOT NULL,
  dedupe_key text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz(3) NOT NULL DEFAULT now(),
  last_error text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  sent_at timestamptz(3)
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE UNIQUE INDEX mail_outbox_dedupe_key ON mail_outbox (dedupe_key) WHERE dedupe_key IS NOT NULL;
