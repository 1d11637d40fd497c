import type { setupFr } from './messages.fr.ts';

export const setupEn: typeof setupFr = {
  setup: {
    title: 'First-run setup',
    subtitle: 'Create your organization and its first administrator with the token the server printed at start.',
    token: 'Setup token',
    tokenHint: 'Printed once in the server console, with the address of this page.',
    organizationTitle: 'Organization',
    name: 'Organization name',
    slug: 'Address name',
    slugRule: 'Lower-case letters and digits, words joined by a hyphen, 2 to 63 characters. Proposed from the name.',
    administratorTitle: 'First administrator',
    firstName: 'First name',
    lastName: 'Last name',
    email: 'Email address',
    username: 'Username',
    password: 'Password',
    confirm: 'Confirm password',
    submit: 'Create the organization',
    errorTitle: 'Setup failed',
    invalid: {
      token: 'Enter the token the server printed.',
      name: 'Enter the organization name (200 characters at most).',
      slug: 'The address name does not follow the rule above.',
      firstName: 'Enter the first name.',
      lastName: 'Enter the last name.',
      email: 'Enter a valid email address.',
      username: '6 to 128 ASCII characters, without spaces or accents.',
      password: 'At least 8 characters, including a letter and a digit.',
      confirmPassword: 'The two passwords do not match.',
    },
    done: {
      title: 'Setup complete',
      body: 'This instance already has its organization. Sign in with your account.',
      signIn: 'Go to sign-in',
    },
  },
};
