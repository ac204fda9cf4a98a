import type { Translation } from '../types';
import type zh from '../zh-CN/assetStats';

/** Asset statistics per project or across projects. */
const en: Translation<typeof zh> = {
  title: 'Asset statistics',
  export: 'Export',
  total: 'Configuration items',
  asOf: 'Counted on {{date}} (China time). Click a bar or slice to see its items.',
  empty: 'No configuration items in the projects you see yet.',
  emptyProject: 'This project has no configuration items yet.',
  unknown: 'Unknown',
  noVendor: 'No vendor',
  noSite: 'No site',
  others: 'Others',
  warranty: {
    expired: 'Expired',
    within30: 'Ends within 30 days',
    within60: 'Ends in 31–60 days',
    within90: 'Ends in 61–90 days',
    later: 'Later than 90 days',
    unknown: 'Not recorded',
    within90Total: 'Ends within 90 days',
  },
  charts: {
    warranty: 'Warranty expiry',
    status: 'By status',
    type: 'By type',
    vendor: 'By vendor',
    site: 'By site',
    age: 'By purchase year (age)',
    project: 'By project',
  },
};

export default en;
