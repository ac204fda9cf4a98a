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

/** One namespace per feature. */
export const en = {
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
};
