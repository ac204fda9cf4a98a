import type { Translation } from '../types';
import type zh from '../zh-CN/subcontractors';

const en: Translation<typeof zh> = {
  title: 'Subcontractors',
  create: 'New subcontractor',
  edit: 'Edit subcontractor',
  searchPlaceholder: 'Search by name or credit code',
  empty: 'No subcontractors yet. A subcontractor is an outside company doing field work under a project.',
  fields: {
    name: 'Name',
    creditCode: 'Unified social credit code',
    contactName: 'Contact',
    phone: 'Phone',
    email: 'E-mail',
    qualifications: 'Qualifications',
    notes: 'Notes',
  },
  tabs: { basic: 'Details', staff: 'Staff' },
  staff: {
    create: 'New subcontractor staff',
    empty: 'This subcontractor has no staff yet.',
  },
  picker: { placeholder: 'Search and choose a subcontractor' },
};
export default en;
