/**
 * The Content-Security-Policy (docs/security.md §Content-Security-Policy). Strict: scripts only
 * from this origin and never inline; styles from this origin, plus the `<style>` elements that the
 * page's own code inserts (Ant Design's CSS-in-JS, Vite's CSS chunks) when they carry the nonce
 * of that page's response; no plugins, no framing, no form posts or base URLs elsewhere.
 *
 * Every answer carries the policy without a nonce; an HTML page of the web app carries it with a
 * fresh nonce (`pageNonce`), which the server writes into the page (Vite's `html.cspNonce`
 * placeholder → `<meta property="csp-nonce">`, read by web/src/shared/csp.ts).
 */
import { randomBytes } from 'node:crypto';

/** The placeholder Vite writes into the built pages (web/vite.config.ts `html.cspNonce`). */
export const NONCE_PLACEHOLDER = 'SHUZHI_CSP_NONCE';

export interface CspOptions {
  /** Image origins besides this one (plain-http intranet tile servers). */
  imageOrigins?: readonly string[];
  /** Served over HTTPS: ask browsers to upgrade any http: sub-resource. */
  https?: boolean;
}

export function contentSecurityPolicy(options: CspOptions, nonce?: string): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['base-uri', "'self'"],
    ['connect-src', "'self'"],
    ['font-src', "'self'", 'data:'],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
    // Base-map tiles come from the configured tile server (https: any; http: listed origins).
    ['img-src', "'self'", 'data:', 'blob:', 'https:', ...(options.imageOrigins ?? [])],
    ['manifest-src', "'self'"],
    ['media-src', "'self'", 'blob:'],
    ['object-src', "'none'"],
    ['script-src', "'self'"],
    ['script-src-attr', "'none'"],
    ['style-src', "'self'", ...(nonce ? [`'nonce-${nonce}'`] : [])],
    // Style attributes in markup are refused too; styles set from script (element.style, which
    // React, Leaflet and Ant Design use) are not governed by CSP.
    ['style-src-attr', "'none'"],
    ['worker-src', "'self'", 'blob:'],
  ];
  if (options.https) directives.push(['upgrade-insecure-requests']);
  return directives.map((d) => d.join(' ')).join('; ');
}

/** A fresh nonce for one page answer: 128 random bits (CSP3 asks for at least that). */
export function pageNonce(): string {
  return randomBytes(16).toString('base64');
}
