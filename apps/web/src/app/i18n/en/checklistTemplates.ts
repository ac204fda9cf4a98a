import type { Translation } from '../types';
import type zh from '../zh-CN/checklistTemplates';

const en: Translation<typeof zh> = {
  title: 'Checklist templates',
  description:
    'What each phase’s checklist holds and when it is due. Edits apply to checklists created afterwards; start items are due within 3 weeks of the service start, closing begins 2 weeks before the end.',
  create: 'New template',
  edit: 'Edit template',
  empty: 'No templates yet.',
  deleteContent: 'The item is no longer created; tasks already created stay.',
  categoryHelp: "Approval items need a document and are approved by the customer's approver in the portal",
  ownerHelp: 'The first member holding this role owns it; without one, a project manager',
  positionHelp: 'Order within the phase',
  keyHelp: 'E.g. start.safety_training; fixed once created',
  ownerDefault: 'Project manager',
  activeOn: 'Active',
  activeOff: 'Inactive',
  fields: {
    phase: 'Phase',
    key: 'Template key',
    title: 'Item',
    titleZh: 'Item (Chinese)',
    titleEn: 'Item (English)',
    category: 'Kind',
    dueOffsetDays: 'Due offset (days)',
    due: 'Due',
    ownerRole: 'Default owner role',
    position: 'Order',
    description: 'Description',
    active: 'Active',
  },
  category: { checklist: 'Checklist item', approval: 'Customer approval' },
  offsetHelp: {
    start: 'Days after the service start date (0–90); 21 is the default 3 weeks',
    implementation: "Days after the month's last day (0–27); 5 is the 5th of the next month",
    closing: 'Days from the service end date (−14–30); negative is before it',
    any: 'What the days count from depends on the phase',
  },
  offset: {
    start: '{{days}} days after the service start',
    implementation: 'Day {{days}} of the next month',
    monthEnd: "The month's last day",
    closingBefore: '{{days}} days before the end',
    closingAfter: '{{days}} days after the end',
    closingOn: 'On the end date',
  },
};
export default en;
