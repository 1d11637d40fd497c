// The rules of member assignments, pure and shared by the API and the web app (decision 011).
export * from './privileges.ts';
export * from './roles.ts';
export * from './administrator.ts';
export * from './licences.ts';
export * from './seats.ts';
export * from './creation.ts';
export * from './passwords.ts';
export * from './identity-types.ts';
