import type { Translation } from '../types';
import type zh from '../zh-CN/layout';

const en: Translation<typeof zh> = {
  menu: {
    navigation: 'Navigation',
    projects: 'Service projects',
    organisation: 'Organisation',
    customers: 'Customers',
    subcontractors: 'Subcontractors',
    sites: 'Sites',
    teams: 'Teams',
    users: 'Users',
    system: 'System and security',
    audit: 'Audit log',
    securityPolicy: 'Security policy',
  },
  header: {
    openMenu: 'Open menu',
    project: 'Current project',
    projectPlaceholder: 'Choose a project',
    allProjects: 'All projects',
    language: 'Language',
  },
  user: {
    tokens: 'My API tokens',
    password: 'Change password',
    signOut: 'Sign out',
    signedOut: 'Signed out',
  },
};
export default en;
