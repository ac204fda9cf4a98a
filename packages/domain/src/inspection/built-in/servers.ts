import type { InspectionTemplate } from '../template.js';
import type { Check } from './define.js';
import { builtIn, choice, forType, num, percentUpTo, yesNo } from './define.js';

const cpu: Check = {
  key: 'cpu_usage',
  title: ['CPU 使用率', 'CPU usage'],
  method: [
    '业务高峰时段查看 CPU 使用率（top、任务管理器或监控系统）',
    'Read the CPU usage at peak hours (top, Task Manager or the monitoring system)',
  ],
  reading: percentUpTo(80),
  severity: 'minor',
};
const memory: Check = {
  key: 'memory_usage',
  title: ['内存使用率', 'Memory usage'],
  method: [
    'free -m、任务管理器或监控系统，不含缓存',
    'free -m, Task Manager or the monitoring system, excluding cache',
  ],
  reading: percentUpTo(85),
  severity: 'minor',
};
const disk: Check = {
  key: 'disk_usage',
  title: ['磁盘分区最高使用率', 'Fullest file system'],
  method: ['df -h 或资源管理器，记录使用率最高的分区', 'df -h or Explorer; record the fullest partition'],
  reading: percentUpTo(85),
  severity: 'minor',
};
const backup: Check = {
  key: 'backup_ok',
  title: ['最近一次备份成功', 'Last backup succeeded'],
  method: [
    '查看备份软件作业记录：最近一次备份成功且在备份周期内',
    "Check the backup software's job history: the last backup succeeded and is within its interval",
  ],
  reading: yesNo(),
  severity: 'major',
};

/** 服务器巡检: physical servers and virtual machines (seed: 每月检查服务器的使用状况). */
export const SERVER_TEMPLATE: InspectionTemplate = builtIn(
  'server',
  ['服务器巡检', 'Server inspection'],
  [
    ...forType('physical_server', [
      {
        key: 'status_lights',
        title: ['面板指示灯正常', 'Panel lights normal'],
        method: [
          '查看前面板电源、系统健康及硬盘指示灯：无橙色或红色告警灯',
          'Check the front-panel power, health and disk lights: no amber or red light',
        ],
        reading: yesNo(),
        severity: 'major',
        photo: 'when_abnormal',
      },
      {
        key: 'power_supplies',
        title: ['电源模块全部正常', 'All power supplies normal'],
        method: [
          '查看电源模块指示灯，或在带外管理（iDRAC/iLO/iBMC）查看电源冗余状态',
          'Check the PSU lights, or the power redundancy in the BMC (iDRAC/iLO/iBMC)',
        ],
        reading: yesNo(),
        severity: 'major',
        photo: 'when_abnormal',
      },
      {
        key: 'fans',
        title: ['风扇运转正常', 'Fans running normally'],
        method: [
          '听风扇声音，在带外管理查看风扇转速及告警',
          'Listen to the fans; check fan speeds and alerts in the BMC',
        ],
        reading: yesNo(),
        severity: 'minor',
      },
      {
        key: 'bmc_events',
        title: ['带外管理无新增硬件告警', 'No new hardware alerts in the BMC'],
        method: [
          '登录带外管理，查看自上次巡检以来的系统事件日志（SEL）',
          'Log in to the BMC and read the system event log (SEL) since the last inspection',
        ],
        reading: yesNo(),
        severity: 'minor',
      },
      {
        key: 'raid_status',
        title: ['RAID 状态', 'RAID status'],
        method: [
          '在带外管理或 RAID 工具（storcli、ssacli 等）查看虚拟磁盘和物理磁盘状态',
          'Check virtual and physical disks in the BMC or the RAID tool (storcli, ssacli, …)',
        ],
        reading: choice(
          [
            ['optimal', '正常（Optimal）', 'Optimal'],
            ['degraded', '降级（Degraded）', 'Degraded'],
            ['rebuilding', '重建中（Rebuilding）', 'Rebuilding'],
            ['failed', '失效（Failed/Offline）', 'Failed or offline'],
            ['no_raid', '未配置 RAID', 'No RAID configured'],
          ],
          ['optimal', 'no_raid'],
        ),
        severity: 'major',
      },
      cpu,
      memory,
      disk,
      {
        key: 'system_log',
        title: ['系统日志无严重错误', 'No serious errors in the system logs'],
        method: [
          '查看 /var/log/messages、dmesg 或 Windows 事件查看器中自上次巡检以来的错误',
          'Read /var/log/messages, dmesg or the Windows Event Viewer since the last inspection',
        ],
        reading: yesNo(),
        severity: 'minor',
      },
      {
        key: 'time_sync',
        title: ['系统时间已与时钟源同步', 'Clock synchronised with the time source'],
        method: [
          'chronyc tracking 或 w32tm /query /status：偏差小于 1 秒',
          'chronyc tracking or w32tm /query /status: offset under 1 s',
        ],
        reading: yesNo(),
        severity: 'minor',
      },
      backup,
    ]),
    ...forType('virtual_machine', [
      {
        key: 'power_state',
        title: ['虚拟机运行状态', 'VM state'],
        method: [
          '在虚拟化管理平台（vCenter、FusionCompute 等）查看',
          'Check in the virtualisation console (vCenter, FusionCompute, …)',
        ],
        reading: choice(
          [
            ['running', '运行中', 'Running'],
            ['suspended', '已挂起', 'Suspended'],
            ['powered_off', '已关机', 'Powered off'],
          ],
          ['running'],
        ),
        severity: 'major',
      },
      cpu,
      memory,
      disk,
      {
        key: 'guest_tools',
        title: ['虚拟机工具运行正常', 'Guest tools running'],
        method: [
          '在管理平台查看 VMware Tools 等工具的状态与版本',
          'Check the state and version of VMware Tools or similar in the console',
        ],
        reading: yesNo(),
        severity: 'info',
      },
      {
        key: 'snapshots',
        title: ['快照数量', 'Snapshots'],
        method: [
          '长期保留的快照会拖慢虚拟机并占满存储；超过 3 个需说明原因',
          'Long-kept snapshots slow the VM and fill storage; explain more than 3',
        ],
        reading: num('', 0, 3),
        severity: 'minor',
      },
      backup,
    ]),
  ],
);
