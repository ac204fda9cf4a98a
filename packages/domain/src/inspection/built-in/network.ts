import type { InspectionTemplate } from '../template.js';
import type { Check } from './define.js';
import { builtIn, choice, forType, num, percentUpTo, yesNo } from './define.js';

const lights: Check = {
  key: 'status_lights',
  title: ['设备指示灯正常', 'Status lights normal'],
  method: [
    '现场查看电源、系统、风扇指示灯：无告警灯',
    'Look at the power, system and fan lights on site: no alarm light',
  ],
  reading: yesNo(),
  severity: 'major',
  photo: 'when_abnormal',
};
const cpu: Check = {
  key: 'cpu_usage',
  title: ['CPU 使用率', 'CPU usage'],
  method: [
    'display cpu-usage（华为/H3C）或 show processes cpu（思科）',
    'display cpu-usage (Huawei/H3C) or show processes cpu (Cisco)',
  ],
  reading: percentUpTo(70),
  severity: 'minor',
};
const memory: Check = {
  key: 'memory_usage',
  title: ['内存使用率', 'Memory usage'],
  method: [
    'display memory-usage 或 show memory statistics',
    'display memory-usage or show memory statistics',
  ],
  reading: percentUpTo(75),
  severity: 'minor',
};
const temperature: Check = {
  key: 'temperature',
  title: ['设备温度', 'Device temperature'],
  method: [
    'display environment 或 show environment temperature，记录最高值',
    'display environment or show environment temperature; record the highest',
  ],
  reading: num('°C', null, 60),
  severity: 'minor',
};
const logAlarms: Check = {
  key: 'log_alarms',
  title: ['日志无异常告警', 'No abnormal alarms in the log'],
  method: [
    'display logbuffer / display alarm active 或 show logging，查看自上次巡检以来的记录',
    'display logbuffer / display alarm active or show logging, since the last inspection',
  ],
  reading: yesNo(),
  severity: 'minor',
};
const configBackup: Check = {
  key: 'config_backup',
  title: ['配置已备份，变更有记录', 'Configuration backed up, changes recorded'],
  method: [
    '导出当前配置存档，与上次备份比对，差异应有变更记录',
    'Export and archive the running configuration; compare with the last backup — differences need a change record',
  ],
  reading: yesNo(),
  severity: 'minor',
};
const ha: Check = {
  key: 'ha_status',
  title: ['双机热备状态', 'High-availability state'],
  method: [
    'display hrp state 或 show failover，查看主备角色与同步状态',
    'display hrp state or show failover: roles and synchronisation',
  ],
  reading: choice(
    [
      ['active_standby', '主备正常', 'Active–standby normal'],
      ['standalone', '单机部署', 'Standalone'],
      ['failed_over', '发生过主备切换', 'Failed over'],
      ['peer_down', '对端设备异常', 'Peer down'],
    ],
    ['active_standby', 'standalone'],
  ),
  severity: 'major',
};
const signatures: Check = {
  key: 'signature_update',
  title: ['特征库为最新', 'Signatures up to date'],
  method: [
    '查看 IPS、防病毒、URL 等特征库版本与最近升级时间',
    'Check the version and last update of the IPS, antivirus and URL signatures',
  ],
  reading: yesNo(),
  severity: 'minor',
};
const license: Check = {
  key: 'license_days_left',
  title: ['授权剩余有效天数', 'Days left on the licence'],
  method: [
    '查看设备授权及特征库订阅的到期日，记录最近到期者的剩余天数',
    'Check licence and subscription expiry; record the days left on the earliest',
  ],
  reading: num('d', 30, null),
  severity: 'minor',
};

/** 网络及安全设备巡检 (seed: 路由器、交换机、网络设备; 运维服务内容: 网络及安全设备). */
export const NETWORK_TEMPLATE: InspectionTemplate = builtIn(
  'network',
  ['网络及安全设备巡检', 'Network and security device inspection'],
  [
    ...forType('switch', [
      lights,
      cpu,
      memory,
      temperature,
      {
        key: 'uplink_ports',
        title: ['上联及关键端口状态正常', 'Uplink and key ports normal'],
        method: [
          'display interface brief 或 show interface status：端口 up，速率与双工正确',
          'display interface brief or show interface status: up, right speed and duplex',
        ],
        reading: yesNo(),
        severity: 'major',
      },
      {
        key: 'port_errors',
        title: ['端口错包（CRC）无持续增长', 'Port error (CRC) counters not growing'],
        method: [
          '查看端口错误计数并与上次巡检比对',
          'Read the port error counters and compare with the last inspection',
        ],
        reading: yesNo(),
        severity: 'minor',
      },
      logAlarms,
      configBackup,
    ]),
    ...forType('router', [
      lights,
      cpu,
      memory,
      temperature,
      {
        key: 'wan_links',
        title: ['广域网线路状态', 'WAN links'],
        method: ['查看各出口线路接口与运营商链路状态', 'Check every WAN interface and carrier link'],
        reading: choice(
          [
            ['all_up', '全部正常', 'All up'],
            ['backup_only', '主线路中断，备线运行', 'Primary down, on backup'],
            ['down', '全部中断', 'All down'],
          ],
          ['all_up'],
        ),
        severity: 'major',
      },
      {
        key: 'routing_neighbours',
        title: ['路由协议邻居正常', 'Routing neighbours established'],
        method: [
          'display ospf peer / display bgp peer 或 show ip ospf neighbor / show ip bgp summary',
          'display ospf peer / display bgp peer or show ip ospf neighbor / show ip bgp summary',
        ],
        reading: yesNo(),
        severity: 'major',
      },
      {
        key: 'latency',
        title: ['至核心或出口网关的延迟', 'Latency to the core or gateway'],
        method: ['ping 100 次，记录平均往返时间', 'Ping 100 times; record the average round trip'],
        reading: num('ms', 0, 50),
        severity: 'minor',
      },
      {
        key: 'packet_loss',
        title: ['丢包率', 'Packet loss'],
        method: ['同上 ping 100 次，记录丢包率', 'From the same 100 pings, record the loss'],
        reading: percentUpTo(1),
        severity: 'minor',
      },
      logAlarms,
      configBackup,
    ]),
    ...forType('firewall', [
      lights,
      cpu,
      memory,
      temperature,
      ha,
      {
        key: 'session_usage',
        title: ['并发会话使用率', 'Concurrent sessions used'],
        method: ['当前并发会话数 ÷ 设备规格上限', "Current sessions ÷ the model's maximum"],
        reading: percentUpTo(80),
        severity: 'minor',
      },
      signatures,
      license,
      {
        key: 'temporary_rules',
        title: ['无过期的临时放通策略', 'No expired temporary allow rules'],
        method: [
          '检查标注为临时的安全策略是否已到期未删除',
          'Check that rules marked temporary were removed when due',
        ],
        reading: yesNo(),
        severity: 'info',
      },
      logAlarms,
      configBackup,
    ]),
    ...forType('load_balancer', [
      lights,
      cpu,
      memory,
      ha,
      {
        key: 'pool_members',
        title: ['服务池成员健康检查全部正常', 'All pool members pass health checks'],
        method: [
          '在管理界面查看各虚拟服务的成员状态',
          'Check member states of every virtual service in the console',
        ],
        reading: yesNo(),
        severity: 'major',
      },
      {
        key: 'certificate_days_left',
        title: ['SSL 证书剩余有效天数', 'Days left on SSL certificates'],
        method: ['记录最近到期证书的剩余天数', 'Record the days left on the earliest-expiring certificate'],
        reading: num('d', 30, null),
        severity: 'minor',
      },
      logAlarms,
      configBackup,
    ]),
    ...forType('security_device', [
      lights,
      cpu,
      memory,
      signatures,
      license,
      {
        key: 'log_flow',
        title: ['日志正常接收与上报', 'Logs received and forwarded'],
        method: [
          '查看最近日志时间，确认日志平台/SOC 正常接收（IDS、WAF、审计、堡垒机等）',
          'Check the latest log time and that the log platform or SOC receives them (IDS, WAF, audit, bastion host, …)',
        ],
        reading: yesNo(),
        severity: 'minor',
      },
      {
        key: 'disk_usage',
        title: ['日志存储使用率', 'Log storage used'],
        method: ['查看数据/日志分区使用率', 'Check the data or log partition'],
        reading: percentUpTo(80),
        severity: 'minor',
      },
      logAlarms,
    ]),
  ],
);
