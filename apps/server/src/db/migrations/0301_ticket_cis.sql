-- Tickets carry affected CIs (配置项): which devices and services a fault, request or change is
-- about. The ticket engine owns tickets; the CMDB owns this link (docs/decisions/0304).
CREATE TABLE ticket_cis (
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  ci_id uuid NOT NULL REFERENCES cis (id) ON DELETE RESTRICT,
  added_at timestamptz(3) NOT NULL DEFAULT now(),
  added_by uuid REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT ticket_cis_pkey PRIMARY KEY (ticket_id, ci_id)
);
-- A CI's tickets, newest first.
CREATE INDEX ticket_cis_ci_idx ON ticket_cis (ci_id, added_at DESC, ticket_id DESC);
