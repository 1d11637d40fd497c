// Writing a member's assignments (role, user type, licences, seats): the one home used by the
// wizard's batch, the CSV commit, the member edit and the access-request grant (decision 011).
export * from './capacity.ts';
export * from './refusals.ts';
export * from './defaults.ts';
export * from './compatibility.ts';
