import type { Translation } from '../types';
import type zh from '../zh-CN/audit';

const en: Translation<typeof zh> = {
  title: 'Audit log',
  searchPlaceholder: 'Search action, object or details',
  empty: 'No audit entries match the filter.',
  fields: {
    at: 'Time',
    actor: 'Actor',
    ip: 'IP address',
    action: 'Action',
    objectType: 'Object type',
    objectId: 'Object ID',
    result: 'Result',
    requestId: 'Request ID',
    sealed: 'Sealed',
    timeRange: 'Time range',
  },
  system: 'System',
  changes: {
    title: 'Changes',
    field: 'Field',
    before: 'Before',
    after: 'After',
    none: 'No field changes',
  },
  detail: 'Details',
  verify: {
    button: 'Verify chain',
    running: 'Verifying…',
    ok: 'The audit chain is intact: {{checked}} entries checked, none altered.',
    broken:
      'The audit chain is broken: verification fails from entry {{id}} (seal sequence {{sealSeq}}), reason: {{reason}}. Report this to the security administrator at once.',
    unsealed: '{{count}} entries are waiting to be sealed.',
    stale:
      '{{count}} entries are past the sealing interval and still unsealed: the sealer may have stopped; check the server.',
    reasons: {
      hash_mismatch: 'hash mismatch',
      link_mismatch: 'link mismatch',
      sequence_gap: 'sequence gap',
    },
  },
};
export default en;
