import type { Translation } from '../types';
import type zh from '../zh-CN/security';

const en: Translation<typeof zh> = {
  title: 'Security policy',
  intro:
    'Password, sign-in lockout and session policy, as required by MLPS 2.0 identification rules. Only the security administrator can change it.',
  edit: 'Change security policy',
  fields: {
    passwordMinLength: 'Minimum password length',
    passwordMinClasses: 'Minimum character classes',
    lockoutThreshold: 'Failed sign-ins before lockout',
    lockoutMinutes: 'Lockout duration (minutes)',
    idleTimeoutMinutes: 'Session idle timeout (minutes)',
    sessionMaxHours: 'Maximum session length (hours)',
  },
  help: {
    passwordMinClasses: 'How many of upper case, lower case, digits and symbols a password needs',
    range: 'From {{min}} to {{max}}',
  },
  units: {
    chars: '{{value}} characters',
    classes: '{{value}} classes',
    times: '{{value}} attempts',
    minutes: '{{value}} minutes',
    hours: '{{value}} hours',
  },
};
export default en;
