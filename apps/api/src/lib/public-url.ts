import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';

/** Base address for links in emails: PUBLIC_URL, or the address the request came to. */
export function publicBaseUrl(config: Config, req: FastifyRequest): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, '');
  return `${req.protocol}://${req.host}`;
}
