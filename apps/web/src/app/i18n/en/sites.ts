import type { Translation } from '../types';
import type zh from '../zh-CN/sites';

const en: Translation<typeof zh> = {
  title: 'Sites',
  create: 'New site',
  edit: 'Edit site',
  searchPlaceholder: 'Search by name or address',
  empty:
    'No sites yet. A site is a place of the customer where service happens: a machine room, an office building.',
  fields: {
    customer: 'Customer',
    name: 'Name',
    address: 'Address',
    region: 'Region',
    notes: 'Notes',
  },
};
export default en;
