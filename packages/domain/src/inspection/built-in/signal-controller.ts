import type { InspectionTemplate } from '../template.js';
import { builtIn, choice, forType, freeText, num, yesNo } from './define.js';

/**
 * 交通信号机巡检: the roadside traffic signal controllers of the seed's city-traffic projects (城交,
 * 信号机订单项目, 信号值班). A wrong operating mode or a green conflict endangers road users, so those
 * are critical and raise an incident at once.
 */
export const SIGNAL_CONTROLLER_TEMPLATE: InspectionTemplate = builtIn(
  'signal_controller',
  ['交通信号机巡检', 'Traffic signal controller inspection'],
  forType('signal_controller', [
    {
      key: 'run_mode',
      title: ['运行模式', 'Operating mode'],
      method: [
        '查看信号机面板或信号控制平台的当前控制方式',
        'Read the current control mode on the controller or the signal control platform',
      ],
      reading: choice(
        [
          ['time_of_day', '多时段定周期', 'Fixed time (time-of-day plans)'],
          ['actuated', '感应控制', 'Actuated'],
          ['coordinated', '协调/联网控制', 'Coordinated (networked)'],
          ['manual', '手动控制', 'Manual'],
          ['yellow_flash', '黄闪', 'Flashing yellow'],
          ['all_red', '全红', 'All red'],
          ['lamps_off', '关灯', 'Lamps off'],
        ],
        ['time_of_day', 'actuated', 'coordinated'],
      ),
      severity: 'critical',
      photo: 'when_abnormal',
    },
    {
      key: 'signal_groups',
      title: ['灯组状态正常', 'Signal groups normal'],
      method: [
        '对照配时方案现场观察一个完整周期：红黄绿灯无灭灯、无常亮，倒计时与灯色同步；并查看信号机灯组检测状态',
        'Watch one full cycle against the timing plan: no dark or stuck red, yellow or green lamp, countdowns in step; check the lamp monitoring too',
      ],
      reading: yesNo(),
      severity: 'major',
      photo: 'when_abnormal',
    },
    {
      key: 'conflict_monitor',
      title: ['绿冲突检测正常，无冲突记录', 'Conflict monitor working, no conflicts recorded'],
      method: ['查看冲突检测功能状态与冲突日志', 'Check the conflict monitor status and its log'],
      reading: yesNo(),
      severity: 'critical',
    },
    {
      key: 'clock_offset',
      title: ['时钟偏差', 'Clock offset'],
      method: [
        '与北京时间（平台、GPS 或授时中心）比对，快记正数、慢记负数',
        'Compare with Beijing time (platform, GPS or NTSC); fast is positive, slow negative',
      ],
      reading: num('s', -5, 5),
      severity: 'minor',
    },
    {
      key: 'communication',
      title: ['通信状态', 'Link to the control centre'],
      method: [
        '在信号控制平台查看联机状态，并看现场通信指示灯',
        'Check the link in the signal control platform and the comms light on site',
      ],
      reading: choice(
        [
          ['online', '在线', 'Online'],
          ['intermittent', '时断时续', 'Intermittent'],
          ['offline', '离线', 'Offline'],
          ['standalone', '单点运行（未联网）', 'Standalone (not networked)'],
        ],
        ['online', 'standalone'],
      ),
      severity: 'major',
    },
    {
      key: 'fault_log',
      title: ['无新增故障记录', 'No new fault records'],
      method: [
        '读取自上次巡检以来的故障日志：灯故障、检测器故障、通信中断、断电重启',
        'Read the fault log since the last inspection: lamp and detector faults, link losses, power-loss restarts',
      ],
      reading: yesNo(),
      severity: 'minor',
    },
    {
      key: 'detectors',
      title: ['车辆检测器工作正常', 'Vehicle detectors work'],
      method: [
        '查看线圈、视频或雷达检测器的状态与过车计数',
        'Check loop, video or radar detector states and vehicle counts',
      ],
      reading: yesNo(),
      severity: 'minor',
    },
    {
      key: 'cabinet_temperature',
      title: ['机柜内温度', 'Cabinet temperature'],
      method: ['机柜内温湿度传感器或温度计读数', 'Cabinet sensor or thermometer'],
      reading: num('°C', -20, 60),
      severity: 'minor',
    },
    {
      key: 'cabinet_humidity',
      title: ['机柜内相对湿度', 'Cabinet relative humidity'],
      method: ['同上', 'As above'],
      reading: num('%RH', null, 90),
      severity: 'minor',
    },
    {
      key: 'cabinet_condition',
      title: [
        '机柜门锁、密封完好，柜内无积水、无虫鼠',
        'Cabinet lock and seals sound; no water or pests inside',
      ],
      method: ['开柜查看', 'Open the cabinet and look'],
      reading: yesNo(),
      severity: 'minor',
      photo: 'when_abnormal',
    },
    {
      key: 'supply_voltage',
      title: ['供电电压', 'Supply voltage'],
      method: ['万用表测量输入电压（220 V ±20%）', 'Measure the input with a multimeter (220 V ±20%)'],
      reading: num('V', 176, 264),
      severity: 'minor',
    },
    {
      key: 'earthing',
      title: ['防雷及接地完好', 'Surge protection and earthing sound'],
      method: ['查看防雷器状态窗口与接地线连接', 'Check the surge protector window and the earth connection'],
      reading: yesNo(),
      severity: 'minor',
    },
    {
      key: 'cabinet_photo',
      title: ['机柜内部照片', 'Photo of the cabinet interior'],
      method: [
        '关柜前拍摄柜内全貌，可附说明',
        'Before closing, photograph the whole interior; add a note if useful',
      ],
      reading: freeText(),
      severity: 'info',
      photo: 'always',
    },
  ]),
);
