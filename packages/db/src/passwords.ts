import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/** OWASP minimum for argon2id: m=19 MiB, t=2, p=1. */
export const argon2Options = {
  type: argon2.argon2id,
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, argon2Options);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export function needsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, argon2Options);
}

/** A readable random password that satisfies the built-in rule (letters and digits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const bytes = randomBytes(16);
  let out = '';
  for (const [i, byte] of bytes.entries()) out += i < 12 ? alphabet.charAt(byte % alphabet.length) : digits.charAt(byte % digits.length);
  return `${out.slice(0, 6)}-${out.slice(6, 12)}-${out.slice(12)}`;
}
