import type { Translation } from '../types';
import type zh from '../zh-CN/projects';

const en: Translation<typeof zh> = {
  title: 'Service projects',
  create: 'New service project',
  edit: 'Edit service project',
  searchPlaceholder: 'Search by project code or name',
  empty:
    'No service projects yet. A service project is one contract of service for one customer: scope, period, team and SLA.',
  emptyNoAbility: 'You are not a member of any service project yet. Ask a project manager to add you.',
  fields: {
    code: 'Project code',
    name: 'Name',
    customer: 'Customer',
    status: 'Status',
    division: 'Division',
    region: 'Region',
    startDate: 'Start date',
    endDate: 'End date',
    period: 'Service period',
    description: 'Description',
  },
  tabs: { overview: 'Overview', members: 'Members', subcontractors: 'Subcontractors' },
  members: {
    add: 'Add member',
    title: 'Add a project member',
    user: 'User',
    userPlaceholder: 'Search by name or username',
    kind: 'Kind',
    organisation: 'Organisation',
    role: 'Project role',
    rolePlaceholder: 'Choose the user first, then the role',
    specialty: 'Specialty',
    specialtyHelp: 'Only engineers have a specialty',
    empty:
      'This project has no members yet. Add the project manager, service desk agents and engineers so they can see and work on it.',
    added: 'Member added',
  },
  engagements: {
    add: 'Engage subcontractor',
    title: 'Engage a subcontractor',
    subcontractor: 'Subcontractor',
    scope: 'Scope of work',
    empty: 'No subcontractor is engaged on this project.',
    added: 'Subcontractor engaged',
  },
};
export default en;
