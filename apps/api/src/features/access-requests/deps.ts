import type { Db } from '@sesame/db';
import type { Config } from '../../config.ts';
import type { EnqueueEmail } from '../../lib/mail-port.ts';

// What the access-request services are given, apart from the services themselves, so that
// grant.ts and service.ts both use it without importing each other.

export type RequestLimits = { perIp: number; perEmail: number; windowSeconds: number };
export const DEFAULT_REQUEST_LIMITS: RequestLimits = { perIp: 10, perEmail: 5, windowSeconds: 3600 };

export type AccessRequestDeps = {
  db: Db;
  config: Config;
  enqueueEmail: EnqueueEmail;
  limits?: RequestLimits;
  log?: { warn: (obj: object, msg: string) => void };
};
export type PublicInfo = { ip: string; baseUrl: string };
