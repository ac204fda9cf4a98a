import type { InspectionTemplate } from '../template.js';
import { DATABASE_MIDDLEWARE_TEMPLATE } from './database-middleware.js';
import { MACHINE_ROOM_TEMPLATE } from './machine-room.js';
import { NETWORK_TEMPLATE } from './network.js';
import { SERVER_TEMPLATE } from './servers.js';
import { SIGNAL_CONTROLLER_TEMPLATE } from './signal-controller.js';
import { STORAGE_TEMPLATE } from './storage.js';
import { PC_TEMPLATE, PRINTER_TEMPLATE } from './terminals.js';
import { VIDEO_CONFERENCE_TEMPLATE } from './video-conference.js';

/**
 * The templates that ship with the product, drawn from the seed's monthly inspection plan (每月对
 * 设备定期巡检一次: 服务器、电脑、打印机、路由器、交换机、视频会议设备、网络设备) and its service
 * scope (网络及安全设备、主机及存储、数据库、中间件、终端及外设), plus the machine room and UPS and
 * the traffic signal controllers of the city-traffic projects. Version 1 each, frozen, ids
 * `builtin.<name>`; no two cover the same CI type, so a plan may use any combination. A tenant
 * copies one to adapt it (ranges per machine-room class, its own items) and revises the copy.
 */
export const BUILT_IN_TEMPLATES: readonly InspectionTemplate[] = Object.freeze([
  SERVER_TEMPLATE,
  NETWORK_TEMPLATE,
  STORAGE_TEMPLATE,
  MACHINE_ROOM_TEMPLATE,
  PC_TEMPLATE,
  PRINTER_TEMPLATE,
  VIDEO_CONFERENCE_TEMPLATE,
  SIGNAL_CONTROLLER_TEMPLATE,
  DATABASE_MIDDLEWARE_TEMPLATE,
]);
