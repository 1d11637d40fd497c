export const addMembersKeys = {
  all: ['add-members'] as const,
  importLimits: () => [...addMembersKeys.all, 'import-limits'] as const,
  usernameSuggestion: (params: UsernameSuggestionParams) => [...addMembersKeys.all, 'username-suggestion', params] as const,
};

export interface UsernameSuggestionParams {
  firstName: string;
  lastName: string;
  email: string;
  /** Usernames already in the wizard's list. */
  exclude: string[];
}
