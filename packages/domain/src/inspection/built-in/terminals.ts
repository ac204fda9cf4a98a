import type { InspectionTemplate } from '../template.js';
import { builtIn, choice, forType, num, percentUpTo, yesNo } from './define.js';

/** 计算机及外设巡检 (seed: 电脑; 运维服务内容: 终端及外设). */
export const PC_TEMPLATE: InspectionTemplate = builtIn(
  'pc',
  ['计算机及外设巡检', 'PC and peripheral inspection'],
  [
    ...forType('pc', [
      {
        key: 'boots',
        title: ['开机及系统启动正常', 'Starts and boots normally'],
        method: [
          '开机观察自检与系统启动，无报错、无明显卡顿',
          'Power on; watch the self-test and boot: no errors, no long stalls',
        ],
        reading: yesNo(),
        severity: 'minor',
      },
      {
        key: 'antivirus',
        title: ['防病毒软件运行，病毒库为最新', 'Antivirus running with current definitions'],
        method: [
          '查看终端安全软件状态与病毒库日期',
          'Check the endpoint security status and definitions date',
        ],
        reading: yesNo(),
        severity: 'minor',
      },
      {
        key: 'os_patches',
        title: ['操作系统补丁已更新', 'Operating system patches current'],
        method: [
          '查看系统更新记录或补丁管理平台',
          'Check the update history or the patch management console',
        ],
        reading: yesNo(),
        severity: 'minor',
      },
      {
        key: 'disk_usage',
        title: ['系统盘使用率', 'System drive used'],
        method: ['资源管理器查看 C 盘（或根分区）', 'Check drive C: (or the root partition) in Explorer'],
        reading: percentUpTo(90),
        severity: 'minor',
      },
      {
        key: 'network',
        title: ['网络连接正常，可访问业务系统', 'Network works; business systems reachable'],
        method: ['打开常用业务系统或 ping 网关', 'Open a business system in daily use or ping the gateway'],
        reading: yesNo(),
        severity: 'minor',
      },
      {
        key: 'compliance',
        title: ['无违规软件及违规外联', 'No unauthorised software or connections'],
        method: [
          '按终端管理规定抽查软件清单与外联设备（无线网卡、手机热点等）',
          'Spot-check installed software and outside links (Wi-Fi dongles, phone hotspots, …) against the policy',
        ],
        reading: yesNo(),
        severity: 'minor',
      },
      {
        key: 'devices',
        title: ['键盘、鼠标、显示器工作正常', 'Keyboard, mouse and monitor work'],
        method: ['逐一试用', 'Try each one'],
        reading: yesNo(),
        severity: 'info',
      },
      {
        key: 'asset_label',
        title: ['资产标签完好，与台账一致', 'Asset label present and matches the register'],
        method: ['核对标签与资产台账', 'Compare the label with the asset register'],
        reading: yesNo(),
        severity: 'info',
      },
      {
        key: 'cleaned',
        title: ['已清洁除尘', 'Cleaned and dusted'],
        method: ['清洁机箱进风口、键盘与显示器', 'Clean the case vents, keyboard and screen'],
        reading: yesNo(),
        severity: 'info',
      },
    ]),
    ...forType('peripheral', [
      {
        key: 'works',
        title: ['功能测试通过', 'Function test passed'],
        method: [
          '扫描仪扫一页、投影仪投一次画面、读卡器读一张卡等',
          'Scan a page, project an image, read a card — whatever the device does',
        ],
        reading: yesNo(),
        severity: 'minor',
      },
      {
        key: 'cables',
        title: ['连接线及电源完好', 'Cables and power intact'],
        method: ['查看线缆、接口与电源适配器', 'Look at the cables, connectors and power adapter'],
        reading: yesNo(),
        severity: 'info',
      },
    ]),
  ],
);

/** 打印机巡检 (seed: 打印机). */
export const PRINTER_TEMPLATE: InspectionTemplate = builtIn(
  'printer',
  ['打印机巡检', 'Printer inspection'],
  [
    ...forType('printer', [
      {
        key: 'test_page',
        title: ['打印测试页正常', 'Test page prints'],
        method: ['从设备面板打印配置页或测试页', 'Print the configuration or test page from the panel'],
        reading: yesNo(),
        severity: 'minor',
      },
      {
        key: 'print_quality',
        title: ['打印质量良好（无条纹、重影、污点）', 'Print quality good (no streaks, ghosting or smudges)'],
        method: ['查看测试页', 'Look at the test page'],
        reading: yesNo(),
        severity: 'minor',
        photo: 'when_abnormal',
      },
      {
        key: 'paper_feed',
        title: ['进纸顺畅，无卡纸', 'Feeds smoothly, no jams'],
        method: ['各纸盒各进纸一次', 'Feed once from every tray'],
        reading: yesNo(),
        severity: 'minor',
      },
      {
        key: 'supplies',
        title: ['耗材余量', 'Toner or ink'],
        method: ['面板或配置页显示的余量', 'Level shown on the panel or configuration page'],
        reading: choice(
          [
            ['sufficient', '充足（20% 以上）', 'Sufficient (over 20%)'],
            ['low', '偏低（5%–20%）', 'Low (5–20%)'],
            ['empty', '需更换（5% 以下）', 'Replace (under 5%)'],
          ],
          ['sufficient', 'low'],
        ),
        severity: 'minor',
      },
      {
        key: 'page_count',
        title: ['累计打印页数', 'Page counter'],
        method: [
          '配置页上的总页数，用于月报统计',
          'Total pages on the configuration page, for the monthly report',
        ],
        reading: num('pages', 0, null),
        severity: 'info',
      },
      {
        key: 'network_printing',
        title: ['网络打印正常', 'Network printing works'],
        method: ['从一台办公电脑打印一页', 'Print a page from an office PC'],
        reading: yesNo(),
        severity: 'minor',
      },
      {
        key: 'cleaned',
        title: ['已清洁搓纸轮及机内纸屑', 'Rollers and paper dust cleaned'],
        method: ['断电后清洁', 'Clean with the power off'],
        reading: yesNo(),
        severity: 'info',
      },
    ]),
  ],
);
