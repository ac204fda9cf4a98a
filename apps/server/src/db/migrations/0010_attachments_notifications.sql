-- Attachments (reused by every module) and the in-app notification centre (the bell).

CREATE TABLE attachments (
  id uuid PRIMARY KEY,
  owner_type text NOT NULL,            -- e.g. 'project', 'ticket', 'lifecycle_task'
  owner_id uuid NOT NULL,
  project_id uuid REFERENCES projects (id) ON DELETE CASCADE, -- the scope of the owner, when it has one
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  sha256 text NOT NULL,
  storage_key text NOT NULL UNIQUE,
  category text,                       -- free label per owner type, e.g. 'contract', 'service_plan'
  uploaded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted_at timestamptz(3)
);
CREATE INDEX attachments_owner_idx ON attachments (owner_type, owner_id, created_at) WHERE deleted_at IS NULL;
CREATE INDEX attachments_project_idx ON attachments (project_id);

CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL,                  -- a message key; the text is rendered in the reader's language
  params jsonb NOT NULL DEFAULT '{}',
  link text,                           -- path in the web app, e.g. /projects/<id>?tab=lifecycle
  object_type text,
  object_id uuid,
  project_id uuid REFERENCES projects (id) ON DELETE CASCADE,
  dedupe_key text,                     -- set by jobs so a retried reminder is stored once
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  read_at timestamptz(3)
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
CREATE UNIQUE INDEX notifications_dedupe_key ON notifications (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
