export * from './enums.ts';
export * from './problem.ts';
export * from './members.ts';
export * from './auth.ts';
export * from './reference.ts';
export * from './mail.ts';
