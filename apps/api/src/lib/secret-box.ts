import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseSecretsKey, type Config } from '../config.ts';

/**
 * Encryption of the secrets the portal must give back to a third party (an identity provider's
 * client secret, a directory's bind password): AES-256-GCM with SECRETS_KEY. The sealed form
 * is `v1.<iv>.<tag>.<ciphertext>` (base64url), bound to what it is for (`purpose`, as GCM's
 * additional data), so a sealed value copied into another column does not open.
 */
export interface SecretBox {
  seal(plaintext: string, purpose: string): string;
  open(sealed: string, purpose: string): string;
}

const VERSION = 'v1';

export function secretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('secret box: the key must be 32 bytes');
  return {
    seal(plaintext, purpose) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(purpose));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed, purpose) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('secret box: not a sealed value');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(purpose));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * The box of this server: SECRETS_KEY; outside production without it, a key generated once and
 * kept in `<data dir>/secrets.key` (readable by the server's user only), so a trial keeps its
 * secrets across restarts. In production without SECRETS_KEY there is no box: storing a secret
 * is refused (`secrets_key_missing`), everything else works.
 */
export function serverSecretBox(config: Pick<Config, 'env' | 'dataDir' | 'secretsKey'>): SecretBox | undefined {
  if (config.secretsKey) return secretBox(config.secretsKey);
  if (config.env === 'production') return undefined;
  const file = path.join(config.dataDir, 'secrets.key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process on the same data directory wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  chmodSync(file, 0o600);
  const parsed = parseSecretsKey(readFileSync(file, 'utf8'));
  if ('error' in parsed) throw new Error(`${file}: ${parsed.error}`);
  return secretBox(parsed.key);
}
