import type { Translation } from '../types';
import type zh from '../zh-CN/customers';

const en: Translation<typeof zh> = {
  title: 'Customers',
  create: 'New customer',
  edit: 'Edit customer',
  searchPlaceholder: 'Search by name, short name or code',
  empty:
    'No customers yet. A customer is the organisation whose systems are operated: create one, then its service projects.',
  fields: {
    code: 'Customer code',
    name: 'Name',
    shortName: 'Short name',
    industry: 'Industry',
    address: 'Address',
    phone: 'Phone',
    notes: 'Notes',
  },
  tabs: { basic: 'Details', contacts: 'Contacts', sites: 'Sites', projects: 'Service projects' },
  contacts: {
    create: 'New contact',
    empty:
      'This customer has no contacts yet. Contacts report faults, approve, and see their organisation’s service records.',
  },
  picker: { placeholder: 'Search and choose a customer' },
};
export default en;
