import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { PrivilegeArea, PrivilegeLevel, Privileges } from '@sesame/contracts';
import type { Db } from '@sesame/db';
import type { Config } from '../config.ts';
import { AppError } from './errors.ts';
import { effectivePrivileges, hasLevel } from './privileges.ts';
import { hashToken, safeEqual } from './tokens.ts';

export const SESSION_COOKIE = 'sesame_session';

export type AuthContext = {
  sessionId: string;
  csrfToken: string;
  memberId: string;
  organizationId: string;
  username: string;
  isAdministrator: boolean;
  mustChangePassword: boolean;
  privileges: Privileges;
};

/** Per-route access rules, declared in each route's `config`. */
export type RouteAccess = {
  /** Reachable without a session. */
  public?: boolean;
  /** Reachable while the member must still change their password. */
  allowDuringPasswordChange?: boolean;
  /** Minimum level on an area. */
  privilege?: [PrivilegeArea, PrivilegeLevel];
  /** Other levels that also open the route (any one of them), e.g. a list read by several screens. */
  orPrivileges?: [PrivilegeArea, PrivilegeLevel][];
  /** Only members with the Administrator role, whatever levels others were given (e.g. the caught mail). */
  administratorOnly?: boolean;
};

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyContextConfig extends RouteAccess {}
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOUCH_INTERVAL_MS = 60_000;

export function sessionCookieOptions(config: Config, req: FastifyRequest) {
  const secure = config.cookieSecure === 'auto' ? req.protocol === 'https' : config.cookieSecure;
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, maxAge: Math.floor(config.sessionTtlMs / 1000) };
}

async function loadSession(db: Db, config: Config, token: string): Promise<AuthContext | null> {
  const id = hashToken(token);
  const session = await db.session.findUnique({
    where: { id },
    select: {
      id: true,
      csrfToken: true,
      expiresAt: true,
      lastSeenAt: true,
      organizationId: true,
      member: {
        select: {
          id: true,
          organizationId: true,
          username: true,
          status: true,
          mustChangePassword: true,
          role: { select: { isAdministrator: true, privileges: { select: { area: true, level: true } } } },
          privileges: { select: { area: true, level: true } },
        },
      },
    },
  });
  if (!session) return null;
  const now = Date.now();
  const m = session.member;
  if (session.expiresAt.getTime() <= now || m.status !== 'active' || m.organizationId !== session.organizationId) {
    await db.session.deleteMany({ where: { id, organizationId: session.organizationId } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.updateMany({
      where: { id, organizationId: session.organizationId },
      data: { lastSeenAt: new Date(now), expiresAt: new Date(now + config.sessionTtlMs) },
    });
  }
  return {
    sessionId: session.id,
    csrfToken: session.csrfToken,
    memberId: m.id,
    organizationId: m.organizationId,
    username: m.username,
    isAdministrator: m.role.isAdministrator,
    mustChangePassword: m.mustChangePassword,
    privileges: effectivePrivileges(m.role.privileges, m.privileges),
  };
}

/**
 * Resolves the session from its cookie and enforces, in order: authentication, CSRF on
 * cookie-authenticated writes, the forced password change, and the route's role or privilege level.
 */
export const authPlugin = fp<{ db: Db; config: Config }>(async (app: FastifyInstance, { db, config }) => {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    req.auth = token ? await loadSession(db, config, token) : null;
    if (token && !req.auth) reply.clearCookie(SESSION_COOKIE, { path: '/' });

    const access: RouteAccess = req.routeOptions.config ?? {};
    // The API documentation page (served by @fastify/swagger-ui) is public, like the document.
    if (access.public || req.url.startsWith('/api/docs')) return;
    // No route matched: the not-found handler answers 404.
    if (!req.routeOptions.url) return;
    if (!req.auth) throw new AppError(401, 'unauthenticated');
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, req.auth.csrfToken)) {
        throw new AppError(403, 'csrf_failed');
      }
    }
    if (req.auth.mustChangePassword && !access.allowDuringPasswordChange) {
      throw new AppError(403, 'password_change_required');
    }
    if (access.administratorOnly && !req.auth.isAdministrator) {
      throw new AppError(403, 'forbidden', { params: { required: 'administrator' } });
    }
    if (access.privilege) {
      const [area, level] = access.privilege;
      const privileges = req.auth.privileges;
      if (!hasLevel(privileges, area, level) && !(access.orPrivileges ?? []).some(([a, l]) => hasLevel(privileges, a, l))) {
        throw new AppError(403, 'forbidden', { params: { area, level: level === 'none' ? 'view' : level } });
      }
    }
  });
});

/** The authenticated context of a route that is not public (the hook guarantees it). */
export function authOf(req: FastifyRequest): AuthContext {
  if (!req.auth) throw new AppError(401, 'unauthenticated');
  return req.auth;
}
