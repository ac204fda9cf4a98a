import audit from './audit';
import auth from './auth';
import common from './common';
import customers from './customers';
import layout from './layout';
import projects from './projects';
import security from './security';
import sites from './sites';
import subcontractors from './subcontractors';
import teams from './teams';
import tokens from './tokens';
import users from './users';
import { serviceProjects } from './service-projects';
import tickets from './tickets';
import portal from './portal';
import deskAdmin from './deskAdmin';
import calendars from './calendars';
import notifications from './notifications';
import cmdb from './cmdb';
import ciTypes from './ciTypes';
import assetStats from './assetStats';
import { fieldWork } from './field-work';

/** One namespace per feature. */
export const zhCN = {
  common,
  layout,
  auth,
  customers,
  subcontractors,
  sites,
  projects,
  teams,
  users,
  tokens,
  audit,
  security,
  ...serviceProjects,
  tickets,
  portal,
  deskAdmin,
  calendars,
  notifications,
  cmdb,
  ciTypes,
  assetStats,
  ...fieldWork,
};
