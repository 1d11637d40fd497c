import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyCompressOptions } from '@fastify/compress';

/**
 * The Content-Security-Policy of everything the portal serves: the web app, the API's JSON and
 * the API documentation page. Scripts come only from our own origin (Vite emits no inline
 * script). Styles allow 'unsafe-inline': Mantine injects <style> tags at run time (its CSS
 * variables and responsive props) and the caught-mail reader shows emails whose HTML carries
 * inline styles. A nonce would need index.html rendered per request instead of served as a
 * static, cacheable file, and inline styles cannot run code; scripts, where the risk is,
 * take no exception.
 */
export const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  // Member pictures may be previewed from data: or blob: URLs before they are uploaded.
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  // The caught-mail reader shows an email's HTML in a sandboxed srcdoc iframe.
  'frame-src': ["'self'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} satisfies Record<string, string[]>;

/** The same policy as one header value (the documentation page sets its own header). */
export const contentSecurityPolicyHeader = Object.entries(contentSecurityPolicy)
  .map(([name, values]) => `${name} ${values.join(' ')}`)
  .join('; ');

export const helmetOptions: FastifyHelmetOptions = {
  global: true,
  // No upgrade-insecure-requests: a trial over plain HTTP on a LAN address must keep working.
  contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
  frameguard: { action: 'deny' },
  // Activation and status links carry tokens in their path: never send them to another site.
  referrerPolicy: { policy: 'same-origin' },
  // HTTPS is terminated by the operator's proxy, which owns HSTS (and whether it covers subdomains).
  strictTransportSecurity: false,
};

/**
 * Responses are compressed (Brotli preferred, then gzip) when the client accepts it and the
 * body is at least 1 KiB: JSON, the web app's assets and index.html, CSV downloads (streamed
 * through the compressor). Request bodies are never decompressed: the CSV upload is read as
 * sent, and its size limit counts the bytes that arrive.
 */
export const compressOptions: FastifyCompressOptions = {
  global: true,
  globalDecompression: false,
  encodings: ['br', 'gzip'],
  threshold: 1024,
};
