import { UsernameSuggestion } from '@sesame/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../lib/api-client.ts';
import { addMembersKeys, type UsernameSuggestionParams } from './add-members-keys.ts';

export function fetchUsernameSuggestion(params: UsernameSuggestionParams, signal?: AbortSignal) {
  const search = new URLSearchParams({ firstName: params.firstName, lastName: params.lastName, email: params.email });
  for (const username of params.exclude) search.append('exclude', username);
  return request(`/api/members/username-suggestion?${search.toString()}`, {
    schema: UsernameSuggestion,
    ...(signal ? { signal } : {}),
  });
}

export const suggestionQueryOptions = (params: UsernameSuggestionParams) =>
  queryOptions({
    queryKey: addMembersKeys.usernameSuggestion(params),
    queryFn: ({ signal }) => fetchUsernameSuggestion(params, signal),
    staleTime: 15_000,
  });

/** The organization's username proposal for a name; nothing is asked while `enabled` is false. */
export function useUsernameSuggestion(params: UsernameSuggestionParams, enabled: boolean) {
  return useQuery({ ...suggestionQueryOptions(params), enabled, placeholderData: keepPreviousData });
}
