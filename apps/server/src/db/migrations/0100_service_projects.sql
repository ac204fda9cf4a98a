-- Service projects (issue 3): contract details on projects, service-mode rules as data, handovers,
-- lifecycle checklists and tasks with reminders, subcontractor tenders, and the duty roster.
-- Project-owned rows cascade with their project (they are part of it, like its team).

-- ── Contract details of a project ────────────────────────────────────────────
ALTER TABLE projects
  ADD COLUMN contract_no text,
  -- CNY with fen; the API carries it as a decimal string (docs/decisions/0100).
  ADD COLUMN contract_value numeric(16, 2) CONSTRAINT projects_contract_value_check CHECK (contract_value >= 0),
  ADD COLUMN business_line text CONSTRAINT projects_business_line_check
    CHECK (business_line IN ('urban_traffic', 'brt_turnkey', 'transport', 'software', 'other')),
  ADD COLUMN delivery_type text CONSTRAINT projects_delivery_type_check CHECK (delivery_type IN ('own_build', 'third_party')),
  ADD COLUMN warranty_end date,
  ADD COLUMN service_hours jsonb NOT NULL DEFAULT '{"onSite": "5x8", "hotline": "7x24", "note": null}',
  ADD COLUMN scope_description text,
  ADD COLUMN customer_self_maintains boolean NOT NULL DEFAULT false,
  ADD COLUMN via_reseller boolean NOT NULL DEFAULT false,
  ADD COLUMN renewal_status text NOT NULL DEFAULT 'first_term' CONSTRAINT projects_renewal_status_check
    CHECK (renewal_status IN ('first_term', 'renewed', 'not_renewed')),
  -- The delivery lifecycle; NULL until the project is started.
  ADD COLUMN phase text CONSTRAINT projects_phase_check CHECK (phase IN ('start', 'implementation', 'closing', 'closed', 'renewed')),
  ADD COLUMN phase_changed_at timestamptz(3),
  -- The last month ('YYYY-MM') whose recurring implementation items exist.
  ADD COLUMN recurring_through text,
  -- The team whose roster also answers for this project (e.g. the 7×24 service desk).
  ADD COLUMN duty_team_id uuid CONSTRAINT projects_duty_team_id_fkey REFERENCES teams (id) ON DELETE SET NULL;
-- The schedule sweep looks for projects in these two phases only.
CREATE INDEX projects_running_phase_idx ON projects (phase, end_date) WHERE phase IN ('implementation', 'closing');
CREATE INDEX projects_duty_team_idx ON projects (duty_team_id) WHERE duty_team_id IS NOT NULL;

-- ── Service-mode rules (服务模式), evaluated in position order ─────────────────
CREATE TABLE service_mode_rules (
  id uuid PRIMARY KEY,
  key text NOT NULL CONSTRAINT service_mode_rules_key_key UNIQUE,
  position integer NOT NULL,
  mode text NOT NULL CHECK (mode IN ('on_site', 'remote')),
  variant text NOT NULL CHECK (variant IN ('business_support', 'service_provision', 'equipment_maintenance', 'technical_support', 'reseller')),
  conditions jsonb NOT NULL DEFAULT '[]',
  reason_zh text NOT NULL,
  reason_en text NOT NULL,
  implies jsonb NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX service_mode_rules_position_idx ON service_mode_rules (position, id);

-- ── Checklist templates of the delivery lifecycle ──────────────────────────────
CREATE TABLE checklist_templates (
  id uuid PRIMARY KEY,
  key text NOT NULL CONSTRAINT checklist_templates_key_key UNIQUE,
  phase text NOT NULL CHECK (phase IN ('start', 'implementation', 'closing')),
  category text NOT NULL DEFAULT 'checklist' CHECK (category IN ('checklist', 'approval')),
  title_zh text NOT NULL,
  title_en text NOT NULL,
  description text,
  recurrence text NOT NULL DEFAULT 'once' CHECK (recurrence IN ('once', 'monthly')),
  due_offset_days integer NOT NULL DEFAULT 0,
  owner_role text CHECK (owner_role IN ('project_lead', 'project_manager', 'technical_lead', 'service_desk_agent', 'engineer', 'customer_manager')),
  position integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT checklist_templates_phase_recurrence_check CHECK ((recurrence = 'monthly') = (phase = 'implementation'))
);
CREATE INDEX checklist_templates_order_idx ON checklist_templates (phase, position, id);

-- ── Handover (服务交接), one per project ────────────────────────────────────────
CREATE TABLE handovers (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL CONSTRAINT handovers_project_id_key UNIQUE REFERENCES projects (id) ON DELETE CASCADE,
  planned_date date NOT NULL,
  start_date date NOT NULL,            -- T−30, from the domain (handoverStartDate)
  regional_manager_id uuid REFERENCES users (id) ON DELETE SET NULL,
  division_manager_id uuid REFERENCES users (id) ON DELETE SET NULL,
  service_lead_id uuid REFERENCES users (id) ON DELETE SET NULL,   -- 分/子公司服务主管
  customer_manager_id uuid REFERENCES users (id) ON DELETE SET NULL,
  -- What the rules suggested when the mode was decided, and the decision.
  suggested_mode text,
  suggested_variant text,
  suggested_rule_key text,
  chosen_mode text CHECK (chosen_mode IN ('on_site', 'remote')),
  chosen_variant text CHECK (chosen_variant IN ('business_support', 'service_provision', 'equipment_maintenance', 'technical_support', 'reseller')),
  chosen_implies jsonb,
  decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
  decided_at timestamptz(3),
  decision_reason text,
  subcontractor_needed boolean,
  subcontractor_decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
  subcontractor_decided_at timestamptz(3),
  subcontractor_reason text,
  start_notified_at timestamptz(3),    -- the T−30 notice went out
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT handovers_decision_check CHECK ((chosen_mode IS NULL) = (decided_at IS NULL) AND (chosen_mode IS NULL) = (chosen_implies IS NULL))
);
CREATE INDEX handovers_open_start_idx ON handovers (start_date, id) WHERE decided_at IS NULL;
CREATE INDEX handovers_open_planned_idx ON handovers (planned_date, id) WHERE decided_at IS NULL;
CREATE INDEX handovers_notice_idx ON handovers (start_date) WHERE start_notified_at IS NULL AND decided_at IS NULL;

-- ── Project tasks: checklist items, customer approvals, handover and quality tasks ──
CREATE TABLE project_tasks (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  phase text NOT NULL CHECK (phase IN ('handover', 'start', 'implementation', 'closing')),
  category text NOT NULL CHECK (category IN ('checklist', 'approval', 'handover', 'quality', 'custom')),
  template_key text,                   -- NULL for a task a person added
  period text NOT NULL DEFAULT '',     -- 'YYYY-MM' for recurring items, '' otherwise
  title_zh text NOT NULL,
  title_en text NOT NULL,
  description text,
  owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
  due_date date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'awaiting_approval', 'done', 'cancelled')),
  completed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  completed_at timestamptz(3),
  approved_by uuid REFERENCES users (id) ON DELETE SET NULL,
  approved_at timestamptz(3),
  -- Reminders: the next step to send and when (NULL when the task is finished).
  reminder_step integer NOT NULL DEFAULT 0,
  next_reminder_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  -- Generation is idempotent: one task per template and period in a project (NULL keys never clash).
  CONSTRAINT project_tasks_generated_key UNIQUE (project_id, template_key, period)
);
CREATE INDEX project_tasks_project_due_idx ON project_tasks (project_id, due_date, id);
CREATE INDEX project_tasks_reminder_idx ON project_tasks (next_reminder_at) WHERE next_reminder_at IS NOT NULL;
CREATE INDEX project_tasks_open_due_idx ON project_tasks (due_date, id) WHERE status IN ('open', 'awaiting_approval');
CREATE INDEX project_tasks_owner_idx ON project_tasks (owner_id, due_date, id) WHERE owner_id IS NOT NULL;

CREATE TABLE project_task_comments (
  id uuid PRIMARY KEY,
  task_id uuid NOT NULL REFERENCES project_tasks (id) ON DELETE CASCADE,
  author_id uuid REFERENCES users (id) ON DELETE SET NULL,
  kind text NOT NULL DEFAULT 'comment' CHECK (kind IN ('comment', 'submitted', 'approved', 'rejected', 'completed', 'reopened', 'cancelled')),
  body text,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX project_task_comments_task_idx ON project_task_comments (task_id, created_at, id);

-- ── Subcontractor tender requests (招标申请) ────────────────────────────────────
CREATE TABLE tenders (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  title text NOT NULL,
  scope text,
  budget numeric(16, 2) CONSTRAINT tenders_budget_check CHECK (budget >= 0),
  bid_deadline date,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'awarded')),
  awarded_subcontractor_id uuid REFERENCES subcontractors (id) ON DELETE RESTRICT,
  award_reason text,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  published_by uuid REFERENCES users (id) ON DELETE SET NULL,
  published_at timestamptz(3),
  awarded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  awarded_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT tenders_award_check CHECK ((status = 'awarded') = (awarded_subcontractor_id IS NOT NULL))
);
CREATE INDEX tenders_project_idx ON tenders (project_id, created_at, id);

-- ── Duty roster (值班表): shifts of a project or of a team, as instants ───────────
CREATE TABLE roster_shifts (
  id uuid PRIMARY KEY,
  project_id uuid REFERENCES projects (id) ON DELETE CASCADE,
  team_id uuid REFERENCES teams (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  label text NOT NULL,
  starts_at timestamptz(3) NOT NULL,
  ends_at timestamptz(3) NOT NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT roster_shifts_owner_check CHECK ((project_id IS NULL) <> (team_id IS NULL)),
  -- At most a week long, so "on duty at t" scans only shifts starting in (t − 7 days, t].
  CONSTRAINT roster_shifts_times_check CHECK (ends_at > starts_at AND ends_at <= starts_at + interval '7 days')
);
CREATE INDEX roster_shifts_project_idx ON roster_shifts (project_id, starts_at, id) WHERE project_id IS NOT NULL;
CREATE INDEX roster_shifts_team_idx ON roster_shifts (team_id, starts_at, id) WHERE team_id IS NOT NULL;
CREATE INDEX roster_shifts_user_idx ON roster_shifts (user_id, starts_at);

CREATE TABLE roster_swaps (
  id uuid PRIMARY KEY,
  shift_id uuid NOT NULL REFERENCES roster_shifts (id) ON DELETE CASCADE,
  from_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  to_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  reason text NOT NULL,
  swapped_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX roster_swaps_shift_idx ON roster_swaps (shift_id, created_at, id);

-- ── Defaults: the rules of service-modes.md and the checklists of 服务交付工作流程和规范 ──
-- (the same as DEFAULT_SERVICE_MODE_RULES / DEFAULT_CHECKLIST_TEMPLATES in packages/domain; a test checks)
INSERT INTO service_mode_rules (id, key, position, mode, variant, conditions, reason_zh, reason_en, implies) VALUES
  ('01900000-0000-7000-8000-000000000101', 'reseller', 10, 'remote', 'reseller', '[{"fact":"soldThroughReseller","op":"is","value":true}]', '代理商销售的项目（如城交代理商的信号机订单）：代理商维护，我方提供技术支持和故障件维修',
   'Sold through a reseller (e.g. signal-controller orders): the reseller maintains it; we give technical support and repair faulty parts',
   '{"customerManager":false,"subcontractor":false,"supplies":{"spares":false,"consumables":false,"repairCosts":false},"qualityMonitoring":{"periodicChecks":false,"onSiteReturnVisits":true,"phoneReturnVisits":true,"onSiteManagement":false}}'),
  ('01900000-0000-7000-8000-000000000102', 'remote_customer_maintains', 20, 'remote', 'technical_support', '[{"fact":"customerSelfMaintains","op":"is","value":true}]', '客户自己组织维护的项目：远端技术保障，仅提供技术支持和故障件维修，由其他项目客户经理兼管',
   'The customer maintains it: remote technical support and repair of faulty parts only, covered by another project''s customer manager',
   '{"customerManager":false,"subcontractor":false,"supplies":{"spares":false,"consumables":false,"repairCosts":false},"qualityMonitoring":{"periodicChecks":false,"onSiteReturnVisits":true,"phoneReturnVisits":true,"onSiteManagement":false}}'),
  ('01900000-0000-7000-8000-000000000103', 'remote_not_renewed', 30, 'remote', 'technical_support', '[{"fact":"renewal","op":"in","values":["not_renewed"]}]', '不再续保的项目：远端技术保障，仅提供技术支持和故障件维修',
   'The contract is not renewed: remote technical support and repair of faulty parts only',
   '{"customerManager":false,"subcontractor":false,"supplies":{"spares":false,"consumables":false,"repairCosts":false},"qualityMonitoring":{"periodicChecks":false,"onSiteReturnVisits":true,"phoneReturnVisits":true,"onSiteManagement":false}}'),
  ('01900000-0000-7000-8000-000000000104', 'business_support_urban_traffic', 40, 'on_site', 'business_support', '[{"fact":"businessLine","op":"in","values":["urban_traffic"]},{"fact":"contractValue","op":"gt","value":30000000}]', '城交大项目，项目建设额度超过3000万元：驻场业务支撑，配置专职客户经理和分包商',
   'Large urban-traffic project over 30 M CNY: on-site business support with a dedicated customer manager and a subcontractor',
   '{"customerManager":true,"subcontractor":true,"supplies":{"spares":true,"consumables":true,"repairCosts":true},"qualityMonitoring":{"periodicChecks":false,"onSiteReturnVisits":false,"phoneReturnVisits":false,"onSiteManagement":true}}'),
  ('01900000-0000-7000-8000-000000000105', 'business_support_brt_turnkey', 50, 'on_site', 'business_support', '[{"fact":"businessLine","op":"in","values":["brt_turnkey"]},{"fact":"contractValue","op":"gt","value":50000000}]', '交运类大项目（BRT总包），项目建设额度超过5000万元：驻场业务支撑，配置专职客户经理和分包商',
   'Large BRT turnkey project over 50 M CNY: on-site business support with a dedicated customer manager and a subcontractor',
   '{"customerManager":true,"subcontractor":true,"supplies":{"spares":true,"consumables":true,"repairCosts":true},"qualityMonitoring":{"periodicChecks":false,"onSiteReturnVisits":false,"phoneReturnVisits":false,"onSiteManagement":true}}'),
  ('01900000-0000-7000-8000-000000000106', 'technical_support_software', 60, 'on_site', 'technical_support', '[{"fact":"software","op":"is","value":true}]', '侧重于软件的项目：驻场技术保障，由现场客户经理提供技术支持，不配置分包商',
   'Mostly a software project: on-site technical support by the customer manager, no subcontractor',
   '{"customerManager":true,"subcontractor":false,"supplies":{"spares":false,"consumables":false,"repairCosts":false},"qualityMonitoring":{"periodicChecks":false,"onSiteReturnVisits":false,"phoneReturnVisits":false,"onSiteManagement":true}}'),
  ('01900000-0000-7000-8000-000000000107', 'service_provision_not_our_equipment', 70, 'on_site', 'service_provision', '[{"fact":"equipmentOurs","op":"is","value":false}]', '设备非我司设备：驻场服务提供，只负责巡检和维护，不提供备件和设备维修费',
   'The equipment is not ours: on-site service provision, inspections and maintenance only, no spares or repair costs',
   '{"customerManager":true,"subcontractor":true,"supplies":{"spares":false,"consumables":false,"repairCosts":false},"qualityMonitoring":{"periodicChecks":false,"onSiteReturnVisits":false,"phoneReturnVisits":false,"onSiteManagement":true}}'),
  ('01900000-0000-7000-8000-000000000108', 'service_provision_out_of_warranty', 80, 'on_site', 'service_provision', '[{"fact":"inWarranty","op":"is","value":false}]', '设备运行时间较长（已过质保期）：驻场服务提供，只负责巡检和维护，不提供备件和设备维修费',
   'Equipment long in service (out of warranty): on-site service provision, inspections and maintenance only, no spares or repair costs',
   '{"customerManager":true,"subcontractor":true,"supplies":{"spares":false,"consumables":false,"repairCosts":false},"qualityMonitoring":{"periodicChecks":false,"onSiteReturnVisits":false,"phoneReturnVisits":false,"onSiteManagement":true}}'),
  ('01900000-0000-7000-8000-000000000109', 'equipment_maintenance_in_warranty', 90, 'on_site', 'equipment_maintenance', '[{"fact":"inWarranty","op":"is","value":true}]', '质保期内的中等规模项目：驻场设备维护，配置分包商，客户经理由其他项目兼任并定期沟通，提供备件和维修费用',
   'In warranty, medium size: on-site equipment maintenance with a subcontractor; another project''s customer manager covers it; spares and repair costs provided',
   '{"customerManager":false,"subcontractor":true,"supplies":{"spares":true,"consumables":false,"repairCosts":true},"qualityMonitoring":{"periodicChecks":true,"onSiteReturnVisits":true,"phoneReturnVisits":false,"onSiteManagement":false}}');
INSERT INTO checklist_templates (id, key, phase, category, title_zh, title_en, recurrence, due_offset_days, owner_role, position) VALUES
  ('01900000-0000-7000-8000-000000000201', 'start.form_team', 'start', 'checklist', '成立项目维护小组', 'Form the project team', 'once', 21, 'project_manager', 10),
  ('01900000-0000-7000-8000-000000000202', 'start.collect_information', 'start', 'checklist', '收集项目整体信息', 'Collect the project information', 'once', 21, 'technical_lead', 20),
  ('01900000-0000-7000-8000-000000000203', 'start.service_plan', 'start', 'approval', '服务方案（客户审批）', 'Service plan, approved by the customer', 'once', 21, 'project_manager', 30),
  ('01900000-0000-7000-8000-000000000204', 'start.implementation_plan', 'start', 'approval', '项目实施计划（客户审批）', 'Implementation plan, approved by the customer', 'once', 21, 'project_manager', 40),
  ('01900000-0000-7000-8000-000000000205', 'start.kickoff_meeting', 'start', 'checklist', '召开用户项目启动会', 'Hold the kick-off meeting', 'once', 21, 'project_manager', 50),
  ('01900000-0000-7000-8000-000000000206', 'start.emergency_plan', 'start', 'checklist', '制定应急方案', 'Write the emergency plan', 'once', 21, 'technical_lead', 60),
  ('01900000-0000-7000-8000-000000000207', 'start.maintenance_plan', 'start', 'checklist', '制定维护方案', 'Write the maintenance plan', 'once', 21, 'technical_lead', 70),
  ('01900000-0000-7000-8000-000000000208', 'start.service_continuity', 'start', 'checklist', '启动IT服务持续性管理', 'Start service-continuity management', 'once', 21, 'technical_lead', 80),
  ('01900000-0000-7000-8000-000000000209', 'implementation.monthly_report', 'implementation', 'checklist', '月度服务报告', 'Monthly service report', 'monthly', 5, 'project_manager', 10),
  ('01900000-0000-7000-8000-000000000210', 'implementation.operations_meeting', 'implementation', 'checklist', '月度运维例会', 'Monthly operations meeting', 'monthly', 10, 'project_manager', 20),
  ('01900000-0000-7000-8000-000000000211', 'closing.collect_documents', 'closing', 'checklist', '整理服务资料', 'Collect the service documents', 'once', -7, 'technical_lead', 10),
  ('01900000-0000-7000-8000-000000000212', 'closing.annual_summary', 'closing', 'checklist', '编写年度总结', 'Write the annual summary', 'once', -7, 'project_manager', 20),
  ('01900000-0000-7000-8000-000000000213', 'closing.annual_review_meeting', 'closing', 'checklist', '召开年度总结会议', 'Hold the annual review meeting', 'once', -3, 'project_manager', 30),
  ('01900000-0000-7000-8000-000000000214', 'closing.handover_work', 'closing', 'checklist', '向客户移交一年的工作', 'Hand over the year''s work to the customer', 'once', 0, 'project_manager', 40),
  ('01900000-0000-7000-8000-000000000215', 'closing.renewal_decision', 'closing', 'checklist', '续签服务合同决定', 'Decide on renewing the contract', 'once', 0, 'project_manager', 50);
