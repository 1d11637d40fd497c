import { Group, ItemsOf, License, MemberCategory, OrganizationDefaults, RoleDetail, UserType } from '@sesame/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../api-client.ts';

// The organization's reference data (roles, user types, licences, groups, categories) is
// read by several features (member filters and form, the add-members wizard, the activity
// log), so each query is defined once, here, and shares one cache entry. The organization's
// settings too: the settings page writes them, the add-members wizard reads its defaults.

export const referenceKeys = {
  all: ['reference'] as const,
  roles: () => [...referenceKeys.all, 'roles'] as const,
  userTypes: () => [...referenceKeys.all, 'user-types'] as const,
  licenses: () => [...referenceKeys.all, 'licenses'] as const,
  groups: () => [...referenceKeys.all, 'groups'] as const,
  categories: () => [...referenceKeys.all, 'member-categories'] as const,
  organization: () => [...referenceKeys.all, 'organization'] as const,
};

/** Roles with their levels, compatible user types and member counts (the Roles page shows them). */
const RoleList = ItemsOf(RoleDetail);
const UserTypeList = ItemsOf(UserType);
const LicenseList = ItemsOf(License);
const GroupList = ItemsOf(Group);
const CategoryList = ItemsOf(MemberCategory);

export const rolesQueryOptions = () =>
  queryOptions({
    queryKey: referenceKeys.roles(),
    queryFn: ({ signal }) => request('/api/roles', { schema: RoleList, signal }),
    select: (list) => list.items,
    staleTime: 10 * 60_000,
  });

export const userTypesQueryOptions = () =>
  queryOptions({
    queryKey: referenceKeys.userTypes(),
    queryFn: ({ signal }) => request('/api/user-types', { schema: UserTypeList, signal }),
    select: (list) => list.items,
    staleTime: 10 * 60_000,
  });

/** Seat counts change as members are added or edited, so licences are kept briefly. */
export const licensesQueryOptions = () =>
  queryOptions({
    queryKey: referenceKeys.licenses(),
    queryFn: ({ signal }) => request('/api/licenses', { schema: LicenseList, signal }),
    select: (list) => list.items,
    staleTime: 10_000,
  });

export const groupsQueryOptions = () =>
  queryOptions({
    queryKey: referenceKeys.groups(),
    queryFn: ({ signal }) => request('/api/groups', { schema: GroupList, signal }),
    select: (list) => list.items,
    staleTime: 5 * 60_000,
  });

export const categoriesQueryOptions = () =>
  queryOptions({
    queryKey: referenceKeys.categories(),
    queryFn: ({ signal }) => request('/api/member-categories', { schema: CategoryList, signal }),
    select: (list) => list.items,
    staleTime: 5 * 60_000,
  });

/** The organization's settings and defaults. Seat counts change as members are added, so kept briefly. */
export const organizationQueryOptions = () =>
  queryOptions({
    queryKey: referenceKeys.organization(),
    queryFn: ({ signal }) => request('/api/organization', { schema: OrganizationDefaults, signal }),
    staleTime: 10_000,
  });

export const useRoles = () => useQuery(rolesQueryOptions());
export const useUserTypes = () => useQuery(userTypesQueryOptions());
