import type { welcomeFr } from './messages.fr.ts';

// The welcome feature's wording in English; mirrors messages.fr.ts.
export const welcomeEn: typeof welcomeFr = {
  welcome: {
    title: 'Welcome',
    heading: 'Welcome, {{name}}!',
    body: 'Your account on {{organization}} is ready.',
    noSection:
      'Your role does not give access to any administration section of Sésame. If you think this is a mistake, contact an administrator of your organization.',
    account: 'Your account',
    username: 'Username',
    email: 'Email address',
    role: 'Role',
    userType: 'User type',
    changePassword: 'Change password',
  },
};
