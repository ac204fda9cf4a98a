import { SYSTEM_CI_TYPES } from '../cmdb/types.js';
import type { LocalisedText } from '../lifecycle/types.js';

/**
 * The CI type keys inspection templates are written for: the CMDB's built-in types (migration 0300,
 * `SYSTEM_CI_TYPES` in `../cmdb`) plus `ups`, which the CMDB does not seed yet — a tenant adds a
 * custom `ups` type, or the CMDB adds it, for the UPS items to meet CIs. A template item for
 * `switch` applies to every CI whose type key is `switch`.
 *
 * | key | 中文 | seed 运维服务内容 |
 * |---|---|---|
 * | `router`, `switch`, `firewall`, `load_balancer`, `security_device` | 路由器、交换机、防火墙、负载均衡、其他安全设备 | 网络及安全设备 |
 * | `physical_server`, `virtual_machine`, `storage_array` | 物理服务器、虚拟机、存储阵列 | 主机及存储 |
 * | `database_instance`, `middleware_instance` | 数据库实例、中间件实例 | 数据库、中间件 |
 * | `application`, `business_service` | 应用系统、业务服务 | 应用 |
 * | `pc`, `printer`, `peripheral` | PC 终端、打印机、其他外设 | 终端及外设 |
 * | `video_conference` | 视频会议设备 | 视频会议 |
 * | `signal_controller`, `camera` | 信号机、摄像机 | 交通设备 |
 * | `site`, `room`, `rack`, `ups` | 站点、机房、机柜、UPS | 机房环境 |
 *
 * A tenant may add CI types of its own: `validateTemplate` takes the tenant's list of keys and
 * defaults to this one.
 */
export const INSPECTION_CI_TYPE_KEYS = [...SYSTEM_CI_TYPES, 'ups'] as const;

export type InspectionCiTypeKey = (typeof INSPECTION_CI_TYPE_KEYS)[number];

/** Names of the CI types above (as migration 0300 names them), for template editors. */
export const INSPECTION_CI_TYPE_LABELS: Readonly<Record<InspectionCiTypeKey, LocalisedText>> = {
  router: { 'zh-CN': '路由器', en: 'Router' },
  switch: { 'zh-CN': '交换机', en: 'Switch' },
  firewall: { 'zh-CN': '防火墙', en: 'Firewall' },
  load_balancer: { 'zh-CN': '负载均衡', en: 'Load balancer' },
  security_device: { 'zh-CN': '其他安全设备', en: 'Other security device' },
  physical_server: { 'zh-CN': '物理服务器', en: 'Physical server' },
  virtual_machine: { 'zh-CN': '虚拟机', en: 'Virtual machine' },
  storage_array: { 'zh-CN': '存储阵列', en: 'Storage array' },
  database_instance: { 'zh-CN': '数据库实例', en: 'Database instance' },
  middleware_instance: { 'zh-CN': '中间件实例', en: 'Middleware instance' },
  application: { 'zh-CN': '应用系统', en: 'Application' },
  business_service: { 'zh-CN': '业务服务', en: 'Business service' },
  pc: { 'zh-CN': 'PC终端', en: 'PC terminal' },
  printer: { 'zh-CN': '打印机', en: 'Printer' },
  peripheral: { 'zh-CN': '其他外设', en: 'Other peripheral' },
  video_conference: { 'zh-CN': '视频会议设备', en: 'Video-conference device' },
  signal_controller: { 'zh-CN': '信号机', en: 'Traffic signal controller' },
  camera: { 'zh-CN': '摄像机', en: 'Camera' },
  site: { 'zh-CN': '站点', en: 'Site' },
  room: { 'zh-CN': '机房', en: 'Equipment room' },
  rack: { 'zh-CN': '机柜', en: 'Rack' },
  ups: { 'zh-CN': 'UPS', en: 'UPS' },
};
