import {
  AccountDocumentList,
  ApprovedDomains,
  ContactCandidates,
  ContactCandidatesQuery,
  MemberPrivileges,
  MemberPrivilegesParams,
  MyContactStatus,
  OrganizationContacts,
  Problem,
  UpdateApprovedDomainsBody,
  UpdateContactsBody,
  UpdateMemberPrivilegesBody,
} from '@sesame/contracts';
import { authOf } from '../../lib/auth.ts';
import { commonProblems, type App } from '../../lib/route-types.ts';
import * as service from './service.ts';

/** Contact-update screens (contacts only), per-member levels, approved domains, account documents. */
export async function contactRoutes(app: App, deps: service.ContactsDeps) {
  const tags = ['contacts'];
  const withProblems = { ...commonProblems, 404: Problem };

  app.get('/api/organization/contacts/me', {
    schema: { operationId: 'getMyContactStatus', tags, description: 'Whether the signed-in member is a primary or secondary contact.', response: { 200: MyContactStatus, ...commonProblems } },
    handler: (req) => service.myContactStatus(deps, authOf(req)),
  });

  app.get('/api/organization/contacts', {
    config: { privilege: ['contact_updates', 'view'] },
    schema: { operationId: 'getContacts', tags, description: 'Primary and secondary contacts only.', response: { 200: OrganizationContacts, ...commonProblems } },
    handler: (req) => service.getContacts(deps, authOf(req)),
  });

  app.get('/api/organization/contacts/candidates', {
    config: { privilege: ['contact_updates', 'view'] },
    schema: {
      operationId: 'searchContactCandidates',
      tags,
      description: 'Active and pending members matching q (name, username or email), for the contact-update screen; contacts only, without needing View on members.',
      querystring: ContactCandidatesQuery,
      response: { 200: ContactCandidates, ...commonProblems },
    },
    handler: (req) => service.searchCandidates(deps, authOf(req), req.query),
  });

  app.get('/api/organization/contacts/preview', {
    config: { privilege: ['contact_update_preview', 'view'] },
    schema: { operationId: 'previewContacts', tags, description: 'Read-only view of the contacts, for View on contact-update preview.', response: { 200: OrganizationContacts, ...commonProblems } },
    handler: (req) => service.previewContacts(deps, authOf(req)),
  });

  app.put('/api/organization/contacts', {
    config: { privilege: ['contact_updates', 'update'] },
    schema: {
      operationId: 'updateContacts',
      tags,
      description: 'Saves the contacts at once; only the primary contact may change them.',
      body: UpdateContactsBody,
      response: { 200: OrganizationContacts, ...commonProblems },
    },
    handler: (req) => service.updateContacts(deps, authOf(req), req.body, { ip: req.ip }),
  });

  app.get('/api/members/:id/privileges', {
    config: { privilege: ['contact_updates', 'view'] },
    schema: { operationId: 'getMemberPrivileges', tags, params: MemberPrivilegesParams, response: { 200: MemberPrivileges, ...withProblems } },
    handler: (req) => service.getMemberPrivileges(deps, authOf(req), req.params.id),
  });

  app.put('/api/members/:id/privileges', {
    config: { privilege: ['contact_updates', 'update'] },
    schema: {
      operationId: 'updateMemberPrivileges',
      tags,
      description: 'Replaces the member’s own levels (None / View / Update per area); contacts only, never above your own levels.',
      params: MemberPrivilegesParams,
      body: UpdateMemberPrivilegesBody,
      response: { 200: MemberPrivileges, ...withProblems },
    },
    handler: (req) => service.updateMemberPrivileges(deps, authOf(req), req.params.id, req.body, { ip: req.ip }),
  });

  app.get('/api/organization/approved-domains', {
    config: { privilege: ['organization_settings', 'view'] },
    schema: { operationId: 'getApprovedDomains', tags: ['organization'], description: 'Contacts only, with View on organization settings.', response: { 200: ApprovedDomains, ...commonProblems } },
    handler: (req) => service.getApprovedDomains(deps, authOf(req)),
  });

  app.put('/api/organization/approved-domains', {
    config: { privilege: ['organization_settings', 'update'] },
    schema: {
      operationId: 'updateApprovedDomains',
      tags: ['organization'],
      description: 'Email domains whose confirmed access requests are granted automatically (exact match), and the reminder delay. Contacts only, with Update on organization settings.',
      body: UpdateApprovedDomainsBody,
      response: { 200: ApprovedDomains, ...commonProblems },
    },
    handler: (req) => service.updateApprovedDomains(deps, authOf(req), req.body, { ip: req.ip }),
  });

  app.get('/api/account-documents', {
    config: { privilege: ['account_documents', 'view'] },
    schema: { operationId: 'listAccountDocuments', tags, response: { 200: AccountDocumentList, ...commonProblems } },
    handler: (req) => service.listAccountDocuments(deps, authOf(req)),
  });
}
