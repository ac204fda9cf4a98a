import type { InspectionTemplate } from '../template.js';
import { builtIn, choice, forType, percentUpTo, yesNo } from './define.js';

/** 存储巡检 (运维服务内容: 主机及存储). */
export const STORAGE_TEMPLATE: InspectionTemplate = builtIn(
  'storage',
  ['存储设备巡检', 'Storage inspection'],
  [
    ...forType('storage_array', [
      {
        key: 'status_lights',
        title: ['控制器及硬盘框指示灯正常', 'Controller and enclosure lights normal'],
        method: [
          '现场查看控制器、电源、硬盘框指示灯：无告警灯',
          'Look at the controller, power and enclosure lights on site: no alarm light',
        ],
        reading: yesNo(),
        severity: 'major',
        photo: 'when_abnormal',
      },
      {
        key: 'controllers',
        title: ['控制器状态', 'Controllers'],
        method: ['在存储管理界面查看各控制器状态', "Check every controller in the array's manager"],
        reading: choice(
          [
            ['all_online', '全部在线', 'All online'],
            ['one_down', '单控制器运行', 'One controller down'],
            ['offline', '离线', 'Offline'],
          ],
          ['all_online'],
        ),
        severity: 'major',
      },
      {
        key: 'disks',
        title: ['硬盘状态', 'Disks'],
        method: ['查看全部硬盘的健康状态与预警', 'Check the health and warnings of every disk'],
        reading: choice(
          [
            ['ok', '全部正常', 'All healthy'],
            ['predictive', '有预警盘', 'Predictive failure'],
            ['failed', '有故障盘', 'Failed disk'],
          ],
          ['ok'],
        ),
        severity: 'major',
        photo: 'when_abnormal',
      },
      {
        key: 'pools',
        title: [
          '存储池与 RAID 组正常（无降级、无重构）',
          'Pools and RAID groups healthy (not degraded or rebuilding)',
        ],
        method: ['查看存储池、RAID 组及 LUN 状态', 'Check pools, RAID groups and LUNs'],
        reading: yesNo(),
        severity: 'major',
      },
      {
        key: 'hot_spares',
        title: ['热备盘可用', 'Hot spares available'],
        method: [
          '确认热备盘数量符合设计且状态为可用',
          'Check that the designed number of hot spares is available',
        ],
        reading: yesNo(),
        severity: 'minor',
      },
      {
        key: 'capacity_usage',
        title: ['存储池容量使用率', 'Pool capacity used'],
        method: ['记录使用率最高的存储池', 'Record the fullest pool'],
        reading: percentUpTo(80),
        severity: 'minor',
      },
      {
        key: 'cache_battery',
        title: ['缓存电池正常，写缓存已启用', 'Cache battery fine, write cache enabled'],
        method: [
          '查看 BBU/超级电容状态及写缓存策略',
          'Check the BBU or supercapacitor and the write-cache policy',
        ],
        reading: yesNo(),
        severity: 'minor',
      },
      {
        key: 'host_paths',
        title: ['主机链路全部在线', 'All host paths online'],
        method: [
          '在存储上查看主机端口（FC/iSCSI），在主机上执行 multipath -ll',
          'Check host ports (FC/iSCSI) on the array; run multipath -ll on the hosts',
        ],
        reading: yesNo(),
        severity: 'major',
      },
      {
        key: 'event_log',
        title: ['告警日志无未处理告警', 'No unhandled alarms in the event log'],
        method: ['查看自上次巡检以来的告警与事件', 'Read alarms and events since the last inspection'],
        reading: yesNo(),
        severity: 'minor',
      },
    ]),
  ],
);
