import { X509Certificate } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';

/** What the portal uses of an IdP's SAML metadata. */
export type SamlIdpSettings = { entryPoint: string; certs: string[]; issuer: string };
export type MetadataProblem = 'not_xml' | 'no_entity' | 'no_sso' | 'no_certificate';

const select = xpath.useNamespaces({ md: 'urn:oasis:names:tc:SAML:2.0:metadata', ds: 'http://www.w3.org/2000/09/xmldsig#' });

/**
 * Reads an IdP's metadata XML: its entity id, the HTTP-Redirect (else HTTP-POST) single
 * sign-on address and its signing certificates. Never resolves external entities (xmldom
 * does not fetch anything) and refuses anything that is not an IDPSSODescriptor.
 */
export function parseIdpMetadata(xml: string): SamlIdpSettings | { problem: MetadataProblem } {
  let doc: Document;
  try {
    const errors: string[] = [];
    doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(xml, 'text/xml') as unknown as Document;
    if (errors.length || !doc.documentElement) return { problem: 'not_xml' };
  } catch {
    return { problem: 'not_xml' };
  }
  const entity = (select('//md:EntityDescriptor[md:IDPSSODescriptor]', doc as unknown as Node) as Element[])[0];
  if (!entity) return { problem: 'not_xml' };
  const issuer = entity.getAttribute('entityID')?.trim();
  if (!issuer) return { problem: 'no_entity' };
  const services = select('md:IDPSSODescriptor/md:SingleSignOnService', entity) as Element[];
  const byBinding = (suffix: string) => services.find((s) => s.getAttribute('Binding')?.endsWith(suffix))?.getAttribute('Location')?.trim();
  const entryPoint = byBinding(':HTTP-Redirect') ?? byBinding(':HTTP-POST');
  if (!entryPoint || !/^https?:\/\//.test(entryPoint)) return { problem: 'no_sso' };
  const certNodes = select('md:IDPSSODescriptor/md:KeyDescriptor[not(@use) or @use="signing"]//ds:X509Certificate', entity) as Element[];
  const certs = certNodes.map((n) => (n.textContent ?? '').replace(/\s+/g, '')).filter((c) => c && certificateFingerprint(c));
  if (!certs.length) return { problem: 'no_certificate' };
  return { entryPoint, certs: [...new Set(certs)], issuer };
}

/** One or more certificates as an administrator pastes them (PEM blocks, or bare base64 DER, one per line) → base64 DER each, or null when one is not a certificate. */
export function parseCertificates(text: string): string[] | null {
  const pem = [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => (m[1] ?? '').replace(/\s+/g, ''));
  const blocks = pem.length ? pem : text.split(/\n\s*\n|\r?\n(?=MII)/).map((b) => b.replace(/\s+/g, '')).filter(Boolean);
  if (!blocks.length || !blocks.every((b) => certificateFingerprint(b))) return null;
  return blocks;
}

/** SHA-256 fingerprint (AA:BB:…) of a base64 DER certificate, or null when it is not one. */
export function certificateFingerprint(base64Der: string): string | null {
  try {
    return new X509Certificate(Buffer.from(base64Der, 'base64')).fingerprint256;
  } catch {
    return null;
  }
}

export const toPem = (base64Der: string) => `-----BEGIN CERTIFICATE-----\n${base64Der.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----`;
