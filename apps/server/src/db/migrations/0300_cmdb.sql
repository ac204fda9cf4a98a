-- CMDB (configuration management) and assets: CI types as data, CIs, typed relations, history,
-- unique attribute values, imports and warranty reminders. See docs/decisions/0300–0304.

-- CI types: built-in (system) ones are seeded below; admins add custom ones. `attributes` is the
-- current definition (packages/domain/src/cmdb/attributes.ts); every edit bumps `version` and
-- keeps the previous definition in ci_type_versions.
CREATE TABLE ci_types (
  id uuid PRIMARY KEY,
  key text NOT NULL,
  label_zh text NOT NULL,
  label_en text NOT NULL,
  category text NOT NULL CHECK (category IN ('network', 'security', 'host', 'storage', 'database', 'middleware',
    'application', 'business_service', 'terminal', 'peripheral', 'video', 'traffic', 'location', 'other')),
  system boolean NOT NULL DEFAULT false,
  sort_order integer NOT NULL DEFAULT 1000,
  attributes jsonb NOT NULL DEFAULT '[]',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT ci_types_key_key UNIQUE (key),
  CONSTRAINT ci_types_key_check CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  CONSTRAINT ci_types_attributes_check CHECK (jsonb_typeof(attributes) = 'array')
);
CREATE INDEX ci_types_order_idx ON ci_types (sort_order, key);

CREATE TABLE ci_type_versions (
  type_id uuid NOT NULL REFERENCES ci_types (id) ON DELETE CASCADE,
  version integer NOT NULL,
  attributes jsonb NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (type_id, version)
);

-- Configuration items, project-scoped. Never deleted: `deleted_at` hides them, history stays.
CREATE TABLE cis (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE RESTRICT,
  type_id uuid NOT NULL REFERENCES ci_types (id) ON DELETE RESTRICT,
  type_version integer NOT NULL,       -- the type definition the attributes were last checked against
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  status text NOT NULL DEFAULT 'in_use' CHECK (status IN ('planned', 'in_use', 'maintenance', 'faulty', 'retired')),
  owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
  site_id uuid REFERENCES sites (id) ON DELETE SET NULL,
  tags text[] NOT NULL DEFAULT '{}',
  attributes jsonb NOT NULL DEFAULT '{}',
  vendor text,
  model text,
  serial_no text,
  asset_tag text,
  purchase_date date,
  price numeric(14, 2) CHECK (price >= 0),
  warranty_end date,
  support_contract text,
  supplier text,
  description text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  deleted_at timestamptz(3),
  deleted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT cis_attributes_check CHECK (jsonb_typeof(attributes) = 'object')
);
-- One live CI per serial number / asset tag in a project (soft-deleted ones do not count).
CREATE UNIQUE INDEX cis_project_serial_key ON cis (project_id, serial_no) WHERE deleted_at IS NULL AND serial_no IS NOT NULL;
CREATE UNIQUE INDEX cis_project_asset_tag_key ON cis (project_id, asset_tag) WHERE deleted_at IS NULL AND asset_tag IS NOT NULL;
-- Lists: each sort has a (column, id) index, alone (wide scopes) and after the project (one project).
CREATE INDEX cis_name_id_idx ON cis (name, id) WHERE deleted_at IS NULL;
CREATE INDEX cis_project_name_id_idx ON cis (project_id, name, id) WHERE deleted_at IS NULL;
CREATE INDEX cis_project_type_name_id_idx ON cis (project_id, type_id, name, id) WHERE deleted_at IS NULL; -- also the import's name key
CREATE INDEX cis_created_id_idx ON cis (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX cis_updated_id_idx ON cis (updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX cis_project_warranty_idx ON cis (project_id, warranty_end, id) WHERE deleted_at IS NULL;
CREATE INDEX cis_warranty_due_idx ON cis (warranty_end) WHERE deleted_at IS NULL AND status <> 'retired';
CREATE INDEX cis_type_idx ON cis (type_id);
-- Filters whose capped counts (≤ 10,001) should not scan the table.
CREATE INDEX cis_status_idx ON cis (status, project_id) WHERE deleted_at IS NULL;
CREATE INDEX cis_vendor_idx ON cis (vendor, project_id) WHERE deleted_at IS NULL;
CREATE INDEX cis_site_idx ON cis (site_id) WHERE site_id IS NOT NULL;
CREATE INDEX cis_owner_idx ON cis (owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX cis_tags_idx ON cis USING gin (tags) WHERE deleted_at IS NULL;
CREATE INDEX cis_deleted_idx ON cis (project_id, deleted_at) WHERE deleted_at IS NOT NULL;

-- Typed, directed relations between CIs of one project: from —type→ to.
CREATE TABLE ci_relations (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE RESTRICT,
  from_ci_id uuid NOT NULL REFERENCES cis (id) ON DELETE RESTRICT,
  to_ci_id uuid NOT NULL REFERENCES cis (id) ON DELETE RESTRICT,
  type text NOT NULL CHECK (type IN ('runs_on', 'depends_on', 'connected_to', 'part_of', 'backs_up', 'located_in')),
  note text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  deleted_at timestamptz(3),
  deleted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT ci_relations_not_self_check CHECK (from_ci_id <> to_ci_id)
);
CREATE UNIQUE INDEX ci_relations_unique_key ON ci_relations (from_ci_id, to_ci_id, type) WHERE deleted_at IS NULL;
-- The graph walks: each step is an index-only lookup from one end, by type.
CREATE INDEX ci_relations_from_walk_idx ON ci_relations (from_ci_id, type) INCLUDE (to_ci_id, id) WHERE deleted_at IS NULL;
CREATE INDEX ci_relations_to_walk_idx ON ci_relations (to_ci_id, type) INCLUDE (from_ci_id, id) WHERE deleted_at IS NULL;
-- Past relations (as-of a date) include ended ones.
CREATE INDEX ci_relations_from_idx ON ci_relations (from_ci_id, created_at);
CREATE INDEX ci_relations_to_idx ON ci_relations (to_ci_id, created_at);

-- Append-only history of every CI: one row per field, attribute or relation change.
CREATE TABLE ci_history (
  id bigserial PRIMARY KEY,
  ci_id uuid NOT NULL REFERENCES cis (id) ON DELETE RESTRICT,
  at timestamptz(3) NOT NULL,
  actor_id uuid,                        -- no FK: history outlives users and is never updated
  actor_name text,
  action text NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore', 'relation_add', 'relation_remove')),
  field text,                           -- `status`, `attributes.management_ip`, `relation`; null for create
  before jsonb,
  after jsonb,
  relation_id uuid,
  import_id uuid,
  request_id text
);
CREATE INDEX ci_history_ci_idx ON ci_history (ci_id, at DESC, id DESC);

CREATE FUNCTION ci_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ci_history is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER ci_history_no_change BEFORE UPDATE OR DELETE ON ci_history
  FOR EACH ROW EXECUTE FUNCTION ci_history_append_only();

-- Values of attributes marked unique, one row per live CI and attribute: the primary key makes
-- uniqueness race-free without locking (docs/decisions/0300-cmdb-types-as-data.md).
CREATE TABLE ci_unique_values (
  project_id uuid NOT NULL,
  type_id uuid NOT NULL,
  attr_key text NOT NULL,
  value text NOT NULL,
  ci_id uuid NOT NULL REFERENCES cis (id) ON DELETE CASCADE,
  CONSTRAINT ci_unique_values_pkey PRIMARY KEY (project_id, type_id, attr_key, value)
);
CREATE INDEX ci_unique_values_ci_idx ON ci_unique_values (ci_id);

-- Imports of CI files: a dry run or a commit, inline or as a background job with progress.
CREATE TABLE ci_imports (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  type_id uuid NOT NULL REFERENCES ci_types (id) ON DELETE CASCADE,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  file_name text NOT NULL,
  format text NOT NULL CHECK (format IN ('xlsx', 'csv')),
  dry_run boolean NOT NULL,
  lang text NOT NULL CHECK (lang IN ('zh-CN', 'en')),
  status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  total_rows integer NOT NULL DEFAULT 0,
  processed_rows integer NOT NULL DEFAULT 0,
  created_count integer NOT NULL DEFAULT 0,
  updated_count integer NOT NULL DEFAULT 0,
  unchanged_count integer NOT NULL DEFAULT 0,
  error_count integer NOT NULL DEFAULT 0,
  errors jsonb NOT NULL DEFAULT '[]',   -- the first errors; the result file has every row
  source_key text,                      -- the uploaded file in blob storage, for the job
  result_attachment_id uuid REFERENCES attachments (id) ON DELETE SET NULL,
  failure text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  started_at timestamptz(3),
  finished_at timestamptz(3)
);
CREATE INDEX ci_imports_project_idx ON ci_imports (project_id, created_at, id);

-- Warranty reminders sent: one per CI, warranty end and bucket (30/60/90 days), ever.
CREATE TABLE ci_warranty_notices (
  ci_id uuid NOT NULL REFERENCES cis (id) ON DELETE CASCADE,
  warranty_end date NOT NULL,
  bucket integer NOT NULL CHECK (bucket IN (30, 60, 90)),
  notified_at timestamptz(3) NOT NULL,
  PRIMARY KEY (ci_id, warranty_end, bucket)
);

-- The built-in CI types (运维服务内容: 网络/安全, 主机/存储, 数据库, 中间件, 终端/外设, plus
-- applications, business services, video conferencing, traffic devices and locations).
INSERT INTO ci_types (id, key, label_zh, label_en, category, system, sort_order, attributes)
SELECT gen_random_uuid(), v.key, v.label_zh, v.label_en, v.category, true, v.sort_order, v.attributes
FROM (VALUES
  ('router', '路由器', 'Router', 'network', 1, '[{"key": "management_ip", "label": {"zh-CN": "管理IP", "en": "Management IP"}, "kind": "ip", "system": true, "unique": true}, {"key": "port_count", "label": {"zh-CN": "端口数", "en": "Ports"}, "kind": "integer", "system": true, "unit": "口", "min": 0}, {"key": "firmware_version", "label": {"zh-CN": "固件版本", "en": "Firmware version"}, "kind": "text", "system": true, "maxLength": 100}]'::jsonb),
  ('switch', '交换机', 'Switch', 'network', 2, '[{"key": "management_ip", "label": {"zh-CN": "管理IP", "en": "Management IP"}, "kind": "ip", "system": true, "unique": true}, {"key": "port_count", "label": {"zh-CN": "端口数", "en": "Ports"}, "kind": "integer", "system": true, "unit": "口", "min": 0}, {"key": "layer", "label": {"zh-CN": "层级", "en": "Layer"}, "kind": "enum", "system": true, "options": [{"value": "l2", "label": {"zh-CN": "二层", "en": "Layer 2"}}, {"value": "l3", "label": {"zh-CN": "三层", "en": "Layer 3"}}]}, {"key": "firmware_version", "label": {"zh-CN": "固件版本", "en": "Firmware version"}, "kind": "text", "system": true, "maxLength": 100}]'::jsonb),
  ('firewall', '防火墙', 'Firewall', 'security', 3, '[{"key": "management_ip", "label": {"zh-CN": "管理IP", "en": "Management IP"}, "kind": "ip", "system": true, "unique": true}, {"key": "throughput_gbps", "label": {"zh-CN": "吞吐量", "en": "Throughput"}, "kind": "number", "system": true, "unit": "Gbps", "min": 0}, {"key": "firmware_version", "label": {"zh-CN": "固件版本", "en": "Firmware version"}, "kind": "text", "system": true, "maxLength": 100}]'::jsonb),
  ('load_balancer', '负载均衡', 'Load balancer', 'network', 4, '[{"key": "management_ip", "label": {"zh-CN": "管理IP", "en": "Management IP"}, "kind": "ip", "system": true, "unique": true}, {"key": "vip", "label": {"zh-CN": "虚拟服务IP", "en": "Virtual IP"}, "kind": "ip", "system": true}, {"key": "throughput_gbps", "label": {"zh-CN": "吞吐量", "en": "Throughput"}, "kind": "number", "system": true, "unit": "Gbps", "min": 0}]'::jsonb),
  ('security_device', '其他安全设备', 'Other security device', 'security', 5, '[{"key": "device_kind", "label": {"zh-CN": "设备类别", "en": "Device kind"}, "kind": "enum", "system": true, "options": [{"value": "ids", "label": {"zh-CN": "入侵检测", "en": "IDS"}}, {"value": "ips", "label": {"zh-CN": "入侵防御", "en": "IPS"}}, {"value": "waf", "label": {"zh-CN": "Web应用防火墙", "en": "WAF"}}, {"value": "audit", "label": {"zh-CN": "安全审计", "en": "Security audit"}}, {"value": "vpn", "label": {"zh-CN": "VPN网关", "en": "VPN gateway"}}, {"value": "other", "label": {"zh-CN": "其他", "en": "Other"}}]}, {"key": "management_ip", "label": {"zh-CN": "管理IP", "en": "Management IP"}, "kind": "ip", "system": true, "unique": false}, {"key": "firmware_version", "label": {"zh-CN": "固件版本", "en": "Firmware version"}, "kind": "text", "system": true, "maxLength": 100}]'::jsonb),
  ('physical_server', '物理服务器', 'Physical server', 'host', 6, '[{"key": "management_ip", "label": {"zh-CN": "管理IP", "en": "Management IP"}, "kind": "ip", "system": true, "unique": true}, {"key": "bmc_ip", "label": {"zh-CN": "带外管理IP", "en": "BMC IP"}, "kind": "ip", "system": true}, {"key": "os", "label": {"zh-CN": "操作系统", "en": "Operating system"}, "kind": "text", "system": true, "maxLength": 100}, {"key": "cpu_cores", "label": {"zh-CN": "CPU核数", "en": "CPU cores"}, "kind": "integer", "system": true, "unit": "核", "min": 1}, {"key": "memory_gb", "label": {"zh-CN": "内存", "en": "Memory"}, "kind": "number", "system": true, "unit": "GB", "min": 0}, {"key": "mac_address", "label": {"zh-CN": "MAC地址", "en": "MAC address"}, "kind": "mac", "system": true}]'::jsonb),
  ('virtual_machine', '虚拟机', 'Virtual machine', 'host', 7, '[{"key": "ip_address", "label": {"zh-CN": "IP地址", "en": "IP address"}, "kind": "ip", "system": true}, {"key": "os", "label": {"zh-CN": "操作系统", "en": "Operating system"}, "kind": "text", "system": true, "maxLength": 100}, {"key": "vcpus", "label": {"zh-CN": "vCPU数", "en": "vCPUs"}, "kind": "integer", "system": true, "unit": "个", "min": 1}, {"key": "memory_gb", "label": {"zh-CN": "内存", "en": "Memory"}, "kind": "number", "system": true, "unit": "GB", "min": 0}, {"key": "host_server", "label": {"zh-CN": "宿主机", "en": "Host server"}, "kind": "reference", "system": true, "refTypes": ["physical_server"]}]'::jsonb),
  ('storage_array', '存储阵列', 'Storage array', 'storage', 8, '[{"key": "management_ip", "label": {"zh-CN": "管理IP", "en": "Management IP"}, "kind": "ip", "system": true, "unique": true}, {"key": "capacity_tb", "label": {"zh-CN": "容量", "en": "Capacity"}, "kind": "number", "system": true, "unit": "TB", "min": 0}, {"key": "raid_level", "label": {"zh-CN": "RAID级别", "en": "RAID level"}, "kind": "text", "system": true, "maxLength": 40}]'::jsonb),
  ('database_instance', '数据库实例', 'Database instance', 'database', 9, '[{"key": "db_engine", "label": {"zh-CN": "数据库类型", "en": "Engine"}, "kind": "enum", "system": true, "required": true, "options": [{"value": "oracle", "label": {"zh-CN": "Oracle", "en": "Oracle"}}, {"value": "mysql", "label": {"zh-CN": "MySQL", "en": "MySQL"}}, {"value": "postgresql", "label": {"zh-CN": "PostgreSQL", "en": "PostgreSQL"}}, {"value": "sqlserver", "label": {"zh-CN": "SQL Server", "en": "SQL Server"}}, {"value": "dm", "label": {"zh-CN": "达梦", "en": "Dameng (DM)"}}, {"value": "kingbase", "label": {"zh-CN": "人大金仓", "en": "KingbaseES"}}, {"value": "other", "label": {"zh-CN": "其他", "en": "Other"}}]}, {"key": "version", "label": {"zh-CN": "版本", "en": "Version"}, "kind": "text", "system": true, "maxLength": 100}, {"key": "instance_name", "label": {"zh-CN": "实例名", "en": "Instance name"}, "kind": "text", "system": true, "maxLength": 100}, {"key": "ip_address", "label": {"zh-CN": "IP地址", "en": "IP address"}, "kind": "ip", "system": true}, {"key": "port", "label": {"zh-CN": "端口", "en": "Port"}, "kind": "integer", "system": true, "min": 1, "max": 65535}]'::jsonb),
  ('middleware_instance', '中间件实例', 'Middleware instance', 'middleware', 10, '[{"key": "mw_product", "label": {"zh-CN": "中间件产品", "en": "Product"}, "kind": "enum", "system": true, "required": true, "options": [{"value": "weblogic", "label": {"zh-CN": "WebLogic", "en": "WebLogic"}}, {"value": "tomcat", "label": {"zh-CN": "Tomcat", "en": "Tomcat"}}, {"value": "nginx", "label": {"zh-CN": "Nginx", "en": "Nginx"}}, {"value": "tongweb", "label": {"zh-CN": "东方通 TongWeb", "en": "TongWeb"}}, {"value": "kafka", "label": {"zh-CN": "Kafka", "en": "Kafka"}}, {"value": "redis", "label": {"zh-CN": "Redis", "en": "Redis"}}, {"value": "other", "label": {"zh-CN": "其他", "en": "Other"}}]}, {"key": "version", "label": {"zh-CN": "版本", "en": "Version"}, "kind": "text", "system": true, "maxLength": 100}, {"key": "ip_address", "label": {"zh-CN": "IP地址", "en": "IP address"}, "kind": "ip", "system": true}, {"key": "port", "label": {"zh-CN": "端口", "en": "Port"}, "kind": "integer", "system": true, "min": 1, "max": 65535}]'::jsonb),
  ('application', '应用系统', 'Application', 'application', 11, '[{"key": "version", "label": {"zh-CN": "版本", "en": "Version"}, "kind": "text", "system": true, "maxLength": 100}, {"key": "url", "label": {"zh-CN": "访问地址", "en": "URL"}, "kind": "text", "system": true, "maxLength": 500}, {"key": "developer", "label": {"zh-CN": "开发商", "en": "Developer"}, "kind": "text", "system": true, "maxLength": 200}]'::jsonb),
  ('business_service', '业务服务', 'Business service', 'business_service', 12, '[{"key": "service_level", "label": {"zh-CN": "服务级别", "en": "Service level"}, "kind": "enum", "system": true, "options": [{"value": "gold", "label": {"zh-CN": "金牌", "en": "Gold"}}, {"value": "silver", "label": {"zh-CN": "银牌", "en": "Silver"}}, {"value": "bronze", "label": {"zh-CN": "铜牌", "en": "Bronze"}}]}, {"key": "service_hours", "label": {"zh-CN": "服务时间", "en": "Service hours"}, "kind": "enum", "system": true, "options": [{"value": "7x24", "label": {"zh-CN": "7×24", "en": "7×24"}}, {"value": "5x8", "label": {"zh-CN": "5×8", "en": "5×8"}}]}, {"key": "business_owner", "label": {"zh-CN": "业务负责人", "en": "Business owner"}, "kind": "text", "system": true, "maxLength": 100}]'::jsonb),
  ('pc', 'PC终端', 'PC terminal', 'terminal', 13, '[{"key": "ip_address", "label": {"zh-CN": "IP地址", "en": "IP address"}, "kind": "ip", "system": true}, {"key": "mac_address", "label": {"zh-CN": "MAC地址", "en": "MAC address"}, "kind": "mac", "system": true}, {"key": "os", "label": {"zh-CN": "操作系统", "en": "Operating system"}, "kind": "text", "system": true, "maxLength": 100}, {"key": "user_name", "label": {"zh-CN": "使用人", "en": "User"}, "kind": "text", "system": true, "maxLength": 100}]'::jsonb),
  ('printer', '打印机', 'Printer', 'peripheral', 14, '[{"key": "ip_address", "label": {"zh-CN": "IP地址", "en": "IP address"}, "kind": "ip", "system": true}, {"key": "printer_kind", "label": {"zh-CN": "打印机类型", "en": "Printer kind"}, "kind": "enum", "system": true, "options": [{"value": "laser", "label": {"zh-CN": "激光", "en": "Laser"}}, {"value": "inkjet", "label": {"zh-CN": "喷墨", "en": "Inkjet"}}, {"value": "dot_matrix", "label": {"zh-CN": "针式", "en": "Dot matrix"}}]}, {"key": "network_printer", "label": {"zh-CN": "网络打印", "en": "Network printer"}, "kind": "boolean", "system": true}]'::jsonb),
  ('peripheral', '其他外设', 'Other peripheral', 'peripheral', 15, '[{"key": "peripheral_kind", "label": {"zh-CN": "外设类别", "en": "Peripheral kind"}, "kind": "text", "system": true, "maxLength": 100}, {"key": "connected_to_host", "label": {"zh-CN": "连接主机", "en": "Connected host"}, "kind": "text", "system": true, "maxLength": 100}]'::jsonb),
  ('video_conference', '视频会议设备', 'Video-conference device', 'video', 16, '[{"key": "ip_address", "label": {"zh-CN": "IP地址", "en": "IP address"}, "kind": "ip", "system": true}, {"key": "endpoint_kind", "label": {"zh-CN": "设备类型", "en": "Endpoint kind"}, "kind": "enum", "system": true, "options": [{"value": "mcu", "label": {"zh-CN": "MCU", "en": "MCU"}}, {"value": "terminal", "label": {"zh-CN": "会议终端", "en": "Terminal"}}, {"value": "camera", "label": {"zh-CN": "会议摄像头", "en": "Camera"}}]}, {"key": "firmware_version", "label": {"zh-CN": "固件版本", "en": "Firmware version"}, "kind": "text", "system": true, "maxLength": 100}]'::jsonb),
  ('signal_controller', '信号机', 'Traffic signal controller', 'traffic', 17, '[{"key": "intersection", "label": {"zh-CN": "路口", "en": "Intersection"}, "kind": "text", "system": true, "required": true, "maxLength": 200}, {"key": "ip_address", "label": {"zh-CN": "IP地址", "en": "IP address"}, "kind": "ip", "system": true}, {"key": "phase_count", "label": {"zh-CN": "相位数", "en": "Phases"}, "kind": "integer", "system": true, "unit": "个", "min": 1, "max": 64}, {"key": "comm_mode", "label": {"zh-CN": "通信方式", "en": "Communication"}, "kind": "enum", "system": true, "options": [{"value": "fiber", "label": {"zh-CN": "光纤", "en": "Fibre"}}, {"value": "wired", "label": {"zh-CN": "有线网络", "en": "Wired"}}, {"value": "4g", "label": {"zh-CN": "4G/5G", "en": "4G/5G"}}]}, {"key": "firmware_version", "label": {"zh-CN": "固件版本", "en": "Firmware version"}, "kind": "text", "system": true, "maxLength": 100}]'::jsonb),
  ('camera', '摄像机', 'Camera', 'traffic', 18, '[{"key": "ip_address", "label": {"zh-CN": "IP地址", "en": "IP address"}, "kind": "ip", "system": true}, {"key": "camera_kind", "label": {"zh-CN": "摄像机类型", "en": "Camera kind"}, "kind": "enum", "system": true, "options": [{"value": "bullet", "label": {"zh-CN": "枪机", "en": "Bullet"}}, {"value": "dome", "label": {"zh-CN": "半球", "en": "Dome"}}, {"value": "ptz", "label": {"zh-CN": "球机", "en": "PTZ"}}, {"value": "checkpoint", "label": {"zh-CN": "卡口", "en": "Checkpoint"}}]}, {"key": "resolution", "label": {"zh-CN": "分辨率", "en": "Resolution"}, "kind": "text", "system": true, "maxLength": 40}, {"key": "intersection", "label": {"zh-CN": "路口", "en": "Intersection"}, "kind": "text", "system": true, "maxLength": 200}]'::jsonb),
  ('site', '站点', 'Site', 'location', 19, '[{"key": "address", "label": {"zh-CN": "地址", "en": "Address"}, "kind": "text", "system": true, "maxLength": 300}]'::jsonb),
  ('room', '机房', 'Equipment room', 'location', 20, '[{"key": "floor", "label": {"zh-CN": "楼层", "en": "Floor"}, "kind": "text", "system": true, "maxLength": 40}, {"key": "area_sqm", "label": {"zh-CN": "面积", "en": "Area"}, "kind": "number", "system": true, "unit": "㎡", "min": 0}]'::jsonb),
  ('rack', '机柜', 'Rack', 'location', 21, '[{"key": "u_height", "label": {"zh-CN": "高度", "en": "Height"}, "kind": "integer", "system": true, "unit": "U", "min": 1, "max": 60}, {"key": "power_kw", "label": {"zh-CN": "额定功率", "en": "Rated power"}, "kind": "number", "system": true, "unit": "kW", "min": 0}]'::jsonb)

) AS v (key, label_zh, label_en, category, sort_order, attributes);
INSERT INTO ci_type_versions (type_id, version, attributes) SELECT id, 1, attributes FROM ci_types;
