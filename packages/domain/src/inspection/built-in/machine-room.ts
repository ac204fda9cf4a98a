import type { InspectionTemplate } from '../template.js';
import { builtIn, choice, forType, num, percentUpTo, yesNo } from './define.js';

/**
 * UPS 及机房环境巡检 (seed: 7×24 机房监控人员的机房突发情况汇报). The room's ranges follow
 * GB 50174 for a general room (18–27 °C at the rack inlets); a project revises them for its class.
 */
export const MACHINE_ROOM_TEMPLATE: InspectionTemplate = builtIn(
  'machine_room',
  ['UPS 及机房环境巡检', 'UPS and machine room inspection'],
  [
    ...forType('ups', [
      {
        key: 'run_mode',
        title: ['运行模式', 'Operating mode'],
        method: ['查看 UPS 面板或监控界面', 'Read the UPS panel or its monitoring page'],
        reading: choice(
          [
            ['online', '市电逆变（在线）', 'Online (on mains)'],
            ['battery', '电池供电', 'On battery'],
            ['bypass', '旁路', 'Bypass'],
            ['fault', '故障', 'Fault'],
          ],
          ['online'],
        ),
        severity: 'major',
        photo: 'when_abnormal',
      },
      {
        key: 'input_voltage',
        title: ['输入电压', 'Input voltage'],
        method: [
          '面板读数，单相 220 V ±10%（三相记录最低的一相）',
          'Panel reading, 220 V ±10% single-phase (three-phase: the lowest phase)',
        ],
        reading: num('V', 198, 242),
        severity: 'minor',
      },
      {
        key: 'output_voltage',
        title: ['输出电压', 'Output voltage'],
        method: ['面板读数，220 V ±3%', 'Panel reading, 220 V ±3%'],
        reading: num('V', 213, 227),
        severity: 'major',
      },
      {
        key: 'load',
        title: ['负载率', 'Load'],
        method: ['面板读数（三相记录最高的一相）', 'Panel reading (three-phase: the highest phase)'],
        reading: percentUpTo(80),
        severity: 'minor',
      },
      {
        key: 'runtime',
        title: ['电池后备时间', 'Battery runtime'],
        method: ['面板显示的当前负载下预计后备时间', 'The runtime the panel estimates at the present load'],
        reading: num('min', 15, null),
        severity: 'minor',
      },
      {
        key: 'battery_condition',
        title: [
          '蓄电池外观正常（无鼓包、漏液、端子腐蚀）',
          'Batteries sound (no swelling, leaks or corroded terminals)',
        ],
        method: [
          '打开电池柜逐节查看，必要时测单体电压',
          'Open the battery cabinet and look at every block; measure block voltages if in doubt',
        ],
        reading: yesNo(),
        severity: 'major',
        photo: 'when_abnormal',
      },
      {
        key: 'battery_temperature',
        title: ['电池环境温度', 'Battery temperature'],
        method: ['电池柜或电池室温度计读数', 'Thermometer in the battery cabinet or room'],
        reading: num('°C', 10, 30),
        severity: 'minor',
      },
      {
        key: 'alarm_log',
        title: ['无新增告警记录', 'No new alarms'],
        method: ['查看 UPS 告警/事件记录', 'Read the UPS alarm and event log'],
        reading: yesNo(),
        severity: 'minor',
      },
    ]),
    ...forType('room', [
      {
        key: 'temperature',
        title: ['机房温度', 'Room temperature'],
        method: [
          '读取机柜进风口处温湿度计或动环监控',
          'Read the thermo-hygrometer at the rack inlets or the environment monitoring',
        ],
        reading: num('°C', 18, 27),
        severity: 'minor',
      },
      {
        key: 'humidity',
        title: ['机房相对湿度', 'Relative humidity'],
        method: ['同上', 'As above'],
        reading: num('%RH', 40, 70),
        severity: 'minor',
      },
      {
        key: 'air_conditioning',
        title: ['空调运行正常，无告警', 'Air conditioning running, no alarms'],
        method: [
          '查看精密空调/空调面板、出风温度与告警',
          'Check the CRAC or air-conditioner panel, supply air and alarms',
        ],
        reading: yesNo(),
        severity: 'major',
        photo: 'when_abnormal',
      },
      {
        key: 'water_leak',
        title: ['无漏水、无冷凝水积聚', 'No water leaks or condensation'],
        method: [
          '查看空调周边、地板下、窗户及顶棚；查看漏水检测告警',
          'Look around the air conditioners, under the floor, at windows and ceiling; check the leak sensors',
        ],
        reading: yesNo(),
        severity: 'critical',
        photo: 'when_abnormal',
      },
      {
        key: 'fire_protection',
        title: ['消防系统正常', 'Fire protection ready'],
        method: [
          '气体灭火瓶压力在绿区、控制器无故障、灭火器在有效期内',
          'Gas cylinder pressure in the green, panel without faults, extinguishers in date',
        ],
        reading: yesNo(),
        severity: 'major',
        photo: 'when_abnormal',
      },
      {
        key: 'power_distribution',
        title: [
          '配电柜及 PDU 正常（无异味、无过热）',
          'Distribution boards and PDUs normal (no smell, no overheating)',
        ],
        method: [
          '查看配电柜指示与开关状态，手触或测温枪检查线缆与开关温度',
          'Check the board indicators and breakers; feel or measure cable and breaker temperature',
        ],
        reading: yesNo(),
        severity: 'major',
      },
      {
        key: 'environment_monitoring',
        title: ['动环监控在线，告警正常推送', 'Environment monitoring online and alerting'],
        method: [
          '查看动环平台数据更新时间，必要时做一次告警测试',
          'Check that the monitoring data is current; test an alert if in doubt',
        ],
        reading: yesNo(),
        severity: 'minor',
      },
      {
        key: 'housekeeping',
        title: ['门禁正常，机房整洁，无杂物及易燃物', 'Access control works; room tidy, nothing flammable'],
        method: ['现场查看', 'Look on site'],
        reading: yesNo(),
        severity: 'info',
      },
      {
        key: 'cabling',
        title: ['线缆整齐、标签清晰', 'Cabling tidy and labelled'],
        method: ['抽查机柜内线缆与标签', 'Spot-check cabling and labels in the racks'],
        reading: yesNo(),
        severity: 'info',
      },
    ]),
  ],
);
