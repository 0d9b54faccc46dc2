/**
 * The nonce of this page's Content-Security-Policy (src/http/csp.ts): the server writes a fresh one
 * into `<meta property="csp-nonce">` of every page it sends (Vite's `html.cspNonce` placeholder).
 * Style elements the app inserts at run time (Ant Design's CSS-in-JS) carry it, or the browser
 * refuses them. Browsers hide a nonce from getAttribute; the `nonce` property still reads it.
 */
export function cspNonce(): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  return meta?.nonce || undefined;
}
