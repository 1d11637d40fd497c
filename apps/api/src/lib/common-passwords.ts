// The list lives with the password rule in the shared contracts (rules/passwords.ts).
export { commonPasswords, isCommonPassword } from '@sesame/contracts';
