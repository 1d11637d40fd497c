import { ItemsOf, Role, UserType } from '@sesame/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../api-client.ts';

// Roles and user types are organization reference data read by several features
// (member filters, the add-members wizard), so they live in shared code.

export const referenceKeys = {
  all: ['reference'] as const,
  roles: () => [...referenceKeys.all, 'roles'] as const,
  userTypes: () => [...referenceKeys.all, 'user-types'] as const,
};

const RoleList = ItemsOf(Role);
const UserTypeList = ItemsOf(UserType);

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

export const useRoles = () => useQuery(rolesQueryOptions());
export const useUserTypes = () => useQuery(userTypesQueryOptions());
