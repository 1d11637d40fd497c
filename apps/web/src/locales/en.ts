import { importEn } from '../features/add-members/import/messages.en.ts';
import { accessRequestsEn } from '../features/access-requests/messages.en.ts';
import { contactsEn } from '../features/contacts/messages.en.ts';
import { authEn } from '../features/auth/messages.en.ts';
import { membersEn } from '../features/members/messages.en.ts';
import { addMembersEn } from '../features/add-members/messages.en.ts';
import { welcomeEn } from '../features/welcome/messages.en.ts';
import { devMailEn } from '../features/dev-mail/messages.en.ts';
import { activityEn } from '../features/activity/messages.en.ts';
import { setupEn } from '../features/setup/messages.en.ts';
import { organizationSettingsEn } from '../features/organization-settings/messages.en.ts';
import { groupsEn } from '../features/groups/messages.en.ts';
import { rolesEn } from '../features/roles/messages.en.ts';
import { licensesEn } from '../features/licenses/messages.en.ts';
import type { Messages } from './fr.ts';

export const en: Messages = {
  app: {
    name: 'Sésame',
    tagline: 'Member administration for your organization',
    skipToContent: 'Skip to main content',
  },
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    never: 'Never',
    togglePassword: 'Show or hide what you typed',
    back: 'Back',
    next: 'Next',
    cancel: 'Cancel',
    edit: 'Edit',
    copied: 'Copied',
    unsaved: 'Unsaved changes',
    save: 'Save',
    discard: 'Discard changes',
    saved: 'Changes saved',
    saveFailed: 'The changes were not saved',
    closeDialog: 'Close the dialog',
    readOnly: 'Read only: you need the “Update” level on “{{area}}” to make changes.',
  },
  notifications: {
    close: 'Close the notification',
  },
  language: {
    label: 'Language',
    switchTo: 'Language: {{language}}. Change language',
    button: 'Language: {{language}}, {{code}}. Change language',
    fr: 'Français',
    en: 'English',
  },
  nav: {
    label: 'Main navigation',
    toggle: 'Show or hide navigation',
    sections: {
      directory: 'Directory',
      administration: 'Administration',
      development: 'Development',
    },
    members: 'Members',
    addMembers: 'Add members',
    accessRequests: 'Access requests',
    groups: 'Groups',
    licenses: 'Licences',
    activity: 'Activity',
    organizationSettings: 'Organization settings',
    roles: 'Roles',
    contacts: 'Contacts and privileges',
    devMail: 'Caught mail',
  },
  userMenu: {
    open: 'Account menu for {{name}}',
    button: 'Account menu for {{name}}, {{role}}',
    signedInAs: 'Signed in as',
    changePassword: 'Change password',
    signOut: 'Sign out',
  },
  flash: {
    passwordChanged: 'Your password has been changed.',
    accountActivated: 'Your account is active. Welcome!',
    dismiss: 'Dismiss message',
  },
  ...authEn,
  ...membersEn,
  import: importEn,
  accessRequests: accessRequestsEn,
  contacts: contactsEn,
  ...addMembersEn,
  ...welcomeEn,
  ...devMailEn,
  ...activityEn,
  ...setupEn,
  ...organizationSettingsEn,
  ...groupsEn,
  ...rolesEn,
  ...licensesEn,
  // Privilege areas and levels, shared by every screen that shows them.
  privileges: {
    areas: {
      manage_access: 'Manage access',
      members: 'Members',
      licenses: 'Licences and user types',
      groups: 'Groups and categories',
      content: 'Content',
      reporting: 'Reporting',
      contact_updates: 'Contact updates',
      organization_settings: 'Organization settings',
      contact_update_preview: 'Contact-update preview',
      account_documents: 'Account documents',
    },
    levels: {
      none: 'None',
      view: 'View',
      update: 'Update',
    },
  },
  errors: {
    /** This locale's language: the refusals' words come from the contracts' table (lib/problem-message.ts). */
    language: 'en',
    network: 'The server is not responding. Check your connection and try again.',
    unexpected: 'Something unexpected happened. Try again in a moment.',
    invalidResponse: 'The server sent an unexpected response.',
    validation: 'Some fields are invalid. Correct them and try again.',
    notFound: {
      title: 'Page not found',
      body: 'The page you asked for does not exist or has moved.',
    },
    forbidden: {
      title: 'Access denied',
      body: 'You do not have permission to view this page.',
    },
    generic: {
      title: 'Something went wrong',
    },
    backHome: 'Back to home',
    reload: 'Reload the page',
  },
};
