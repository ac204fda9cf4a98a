import type { InspectionTemplate } from '../template.js';
import { builtIn, forType, freeText, num, percentUpTo, yesNo } from './define.js';

/** 视频会议设备巡检 (seed: 视频会议设备). */
export const VIDEO_CONFERENCE_TEMPLATE: InspectionTemplate = builtIn(
  'video_conference',
  ['视频会议设备巡检', 'Video-conference inspection'],
  forType('video_conference', [
    {
      key: 'self_test',
      title: ['终端开机自检正常', 'Endpoint powers on and passes its self-test'],
      method: ['开机查看自检信息与面板状态', 'Power on; read the self-test and panel status'],
      reading: yesNo(),
      severity: 'major',
    },
    {
      key: 'registration',
      title: ['已注册到 MCU/会议平台', 'Registered to the MCU or platform'],
      method: [
        '在终端网络状态页查看 SIP/H.323 注册状态',
        'Check the SIP/H.323 registration on the network status page',
      ],
      reading: yesNo(),
      severity: 'major',
    },
    {
      key: 'test_call',
      title: ['测试呼叫成功', 'Test call succeeds'],
      method: ['呼叫 MCU 或另一会场，保持 3 分钟', 'Call the MCU or another room and stay on for 3 minutes'],
      reading: yesNo(),
      severity: 'major',
    },
    {
      key: 'picture',
      title: ['图像清晰，无花屏、卡顿、偏色', 'Picture clear: no artefacts, freezes or colour cast'],
      method: ['测试呼叫中查看本端与远端图像', 'During the test call, watch the local and far-end picture'],
      reading: yesNo(),
      severity: 'minor',
      photo: 'when_abnormal',
    },
    {
      key: 'sound',
      title: ['声音清晰，无回声、啸叫、断续', 'Sound clear: no echo, howling or drop-outs'],
      method: ['测试呼叫中双向通话', 'Talk both ways during the test call'],
      reading: yesNo(),
      severity: 'minor',
    },
    {
      key: 'microphones',
      title: ['麦克风全部可用', 'All microphones work'],
      method: ['逐个试音', 'Test each one'],
      reading: yesNo(),
      severity: 'minor',
    },
    {
      key: 'camera_control',
      title: ['摄像机云台、变焦及预置位正常', 'Camera pan, tilt, zoom and presets work'],
      method: ['用遥控器或控制面板操作', 'Operate from the remote or the touch panel'],
      reading: yesNo(),
      severity: 'minor',
    },
    {
      key: 'displays',
      title: ['显示设备正常（电视、投影、大屏）', 'Displays work (TV, projector, video wall)'],
      method: ['查看各显示输出', 'Check every display output'],
      reading: yesNo(),
      severity: 'minor',
    },
    {
      key: 'latency',
      title: ['至 MCU 的网络延迟', 'Network latency to the MCU'],
      method: [
        '终端诊断页 ping MCU，记录平均往返时间',
        "Ping the MCU from the endpoint's diagnostics; record the average round trip",
      ],
      reading: num('ms', 0, 150),
      severity: 'minor',
    },
    {
      key: 'packet_loss',
      title: ['测试呼叫丢包率', 'Packet loss in the test call'],
      method: ['呼叫统计中的丢包率', 'Loss from the call statistics'],
      reading: percentUpTo(1),
      severity: 'minor',
    },
    {
      key: 'remote_control',
      title: ['遥控器/控制面板正常', 'Remote or touch panel works'],
      method: ['试用，检查遥控器电池', "Try it; check the remote's batteries"],
      reading: yesNo(),
      severity: 'info',
    },
    {
      key: 'software_version',
      title: ['终端软件版本', 'Endpoint software version'],
      method: ['关于/系统信息页', 'About or system information page'],
      reading: freeText(),
      severity: 'info',
    },
  ]),
);
