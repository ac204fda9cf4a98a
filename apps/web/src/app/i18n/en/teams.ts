import type { Translation } from '../types';
import type zh from '../zh-CN/teams';

const en: Translation<typeof zh> = {
  title: 'Teams',
  create: 'New team',
  edit: 'Edit team',
  searchPlaceholder: 'Search by team name',
  empty: 'No teams yet. A team groups staff (e.g. service desk, network group) for dispatching and rosters.',
  fields: {
    name: 'Name',
    description: 'Description',
    lead: 'Lead',
    members: 'Members',
    memberCount: 'Members',
  },
  memberPlaceholder: 'Search and add staff',
  leadPlaceholder: 'Choose the lead',
};
export default en;
