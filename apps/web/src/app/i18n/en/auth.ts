import type { Translation } from '../types';
import type zh from '../zh-CN/auth';

const en: Translation<typeof zh> = {
  login: {
    title: 'Sign in',
    subtitle: 'IT operations service management',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    sessionExpired: 'Your session has expired; please sign in again',
    signedOut: 'You have signed out',
    invalidCredentials: 'Wrong username or password',
    attemptsLeft: 'Failed attempts left before the account is locked: {{count}}',
    disabled: 'This account is disabled; please contact the system administrator',
    lockedTitle: 'Account locked',
  },
  setup: {
    title: 'First run: create the system administrator',
    intro:
      'There is no administrator yet. Create the first system administrator, then sign in with it to create customers, projects and users.',
    username: 'Username',
    displayName: 'Name',
    password: 'Password',
    confirmPassword: 'Confirm password',
    passwordMismatch: 'The passwords do not match',
    submit: 'Create administrator',
    done: 'The administrator was created; please sign in',
    alreadyDone: 'Setup is already done; please sign in',
  },
  password: {
    title: 'Change password',
    current: 'Current password',
    next: 'New password',
    confirm: 'Confirm new password',
    mismatch: 'The new passwords do not match',
    submit: 'Change password',
    changed: 'Your password was changed',
  },
};
export default en;
