import type { InspectionTemplate } from '../template.js';
import { builtIn, choice, forType, num, percentUpTo, yesNo } from './define.js';

/** 数据库及中间件巡检 (运维服务内容: 数据库、中间件; seed roles: 应用、数据库管理员). */
export const DATABASE_MIDDLEWARE_TEMPLATE: InspectionTemplate = builtIn(
  'database_middleware',
  ['数据库及中间件巡检', 'Database and middleware inspection'],
  [
    ...forType('database_instance', [
      {
        key: 'instance_up',
        title: ['实例及监听运行正常', 'Instance and listener running'],
        method: [
          '查看数据库实例状态与监听（lsnrctl status、systemctl status 等）',
          'Check the instance and its listener (lsnrctl status, systemctl status, …)',
        ],
        reading: yesNo(),
        severity: 'major',
      },
      {
        key: 'tablespace_usage',
        title: ['表空间/数据文件最高使用率', 'Fullest tablespace or data file'],
        method: [
          '查询各表空间使用率（不可自动扩展的按上限计）',
          'Query tablespace usage (against the maximum where autoextend is off)',
        ],
        reading: percentUpTo(85),
        severity: 'minor',
      },
      {
        key: 'connections_usage',
        title: ['连接数使用率', 'Connections used'],
        method: ['当前会话数 ÷ 最大连接数', 'Current sessions ÷ the maximum connections'],
        reading: percentUpTo(80),
        severity: 'minor',
      },
      {
        key: 'backup_ok',
        title: ['最近一次全备及日志备份成功', 'Last full and log backups succeeded'],
        method: [
          '查看备份作业记录（RMAN、mysqldump、pg_basebackup 或备份软件）',
          'Check the backup jobs (RMAN, mysqldump, pg_basebackup or the backup software)',
        ],
        reading: yesNo(),
        severity: 'major',
      },
      {
        key: 'replication',
        title: ['主备/复制状态', 'Replication'],
        method: [
          '查看 Data Guard、主从复制或流复制的状态与延迟',
          'Check Data Guard, replica or streaming replication state and lag',
        ],
        reading: choice(
          [
            ['in_sync', '正常', 'In sync'],
            ['lagging', '延迟过大', 'Lagging'],
            ['broken', '中断', 'Broken'],
            ['not_configured', '未配置复制', 'Not configured'],
          ],
          ['in_sync', 'not_configured'],
        ),
        severity: 'major',
      },
      {
        key: 'error_log',
        title: ['错误日志无新增严重错误', 'No new serious errors in the error log'],
        method: [
          '查看 alert log / 错误日志自上次巡检以来的记录（ORA-、死锁、崩溃恢复等）',
          'Read the alert or error log since the last inspection (ORA- errors, deadlocks, crash recovery, …)',
        ],
        reading: yesNo(),
        severity: 'minor',
      },
    ]),
    ...forType('middleware_instance', [
      {
        key: 'service_up',
        title: ['服务进程及端口正常', 'Processes and ports up'],
        method: [
          '查看进程、监听端口与管理控制台状态（Tomcat、WebLogic、东方通、Nginx、消息队列等）',
          'Check processes, listening ports and the admin console (Tomcat, WebLogic, TongWeb, Nginx, message queues, …)',
        ],
        reading: yesNo(),
        severity: 'major',
      },
      {
        key: 'heap_usage',
        title: ['JVM 堆内存使用率（Full GC 后）', 'JVM heap used (after full GC)'],
        method: [
          'jstat -gcutil 或控制台，取 Full GC 后的老年代使用率',
          'jstat -gcutil or the console: old generation after a full GC',
        ],
        reading: percentUpTo(80),
        severity: 'minor',
      },
      {
        key: 'pool_usage',
        title: ['线程池/连接池峰值使用率', 'Peak thread or connection pool use'],
        method: ['控制台或监控中的峰值 ÷ 上限', 'Peak from the console or monitoring ÷ the limit'],
        reading: percentUpTo(80),
        severity: 'minor',
      },
      {
        key: 'error_log',
        title: ['日志无新增异常', 'No new errors in the logs'],
        method: [
          '检索 OutOfMemoryError、连接超时、5xx 等',
          'Search for OutOfMemoryError, connection timeouts, 5xx and the like',
        ],
        reading: yesNo(),
        severity: 'minor',
      },
      {
        key: 'certificate_days_left',
        title: ['证书剩余有效天数', 'Days left on certificates'],
        method: ['记录最近到期证书的剩余天数', 'Record the days left on the earliest-expiring certificate'],
        reading: num('d', 30, null),
        severity: 'minor',
      },
    ]),
  ],
);
