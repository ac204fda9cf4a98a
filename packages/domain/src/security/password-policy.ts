/**
 * Password and login policy of 等保 level 3. Values are editable by the security admin;
 * these are the defaults.
 */
export interface SecurityPolicy {
  /** Minimum password length in characters. */
  passwordMinLength: number;
  /** Minimum number of character classes (lower, upper, digit, symbol). */
  passwordMinClasses: number;
  /** Failed logins in a row that lock the account. */
  lockoutThreshold: number;
  /** Minutes an account stays locked. */
  lockoutMinutes: number;
  /** Minutes without a request after which a session ends. */
  idleTimeoutMinutes: number;
  /** Hours after which a session ends whatever the activity. */
  sessionMaxHours: number;
}

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  passwordMinLength: 8,
  passwordMinClasses: 3,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  idleTimeoutMinutes: 30,
  sessionMaxHours: 12,
};

export type PasswordProblem =
  | { code: 'too_short'; minLength: number }
  | { code: 'too_few_classes'; minClasses: number }
  | { code: 'equals_username' }
  | { code: 'too_long'; maxLength: number };

/** Passwords are capped so hashing stays bounded. */
export const PASSWORD_MAX_LENGTH = 128;

export function characterClasses(password: string): number {
  let n = 0;
  if (/[a-z]/.test(password)) n++;
  if (/[A-Z]/.test(password)) n++;
  if (/[0-9]/.test(password)) n++;
  if (/[^a-zA-Z0-9]/.test(password)) n++;
  return n;
}

/** Every rule the password breaks; empty when it is acceptable. Length counts code points. */
export function checkPassword(password: string, username: string, policy: SecurityPolicy): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < policy.passwordMinLength)
    problems.push({ code: 'too_short', minLength: policy.passwordMinLength });
  if (length > PASSWORD_MAX_LENGTH) problems.push({ code: 'too_long', maxLength: PASSWORD_MAX_LENGTH });
  if (characterClasses(password) < policy.passwordMinClasses)
    problems.push({ code: 'too_few_classes', minClasses: policy.passwordMinClasses });
  if (username && password.toLowerCase() === username.toLowerCase())
    problems.push({ code: 'equals_username' });
  return problems;
}
