import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './http.ts';

const hostPattern = /^[A-Za-z0-9.:[\]-]+$/;

/**
 * Where the app may open its websockets: the relay on the address people use. CSP 3 lets `'self'`
 * cover ws: and wss: of the page's own host, but older Safari does not, so they are named too.
 */
function relayOrigins(publicUrl: string | undefined): (c: Context) => string {
  if (publicUrl) {
    const url = new URL(publicUrl);
    const origin = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
    return () => origin;
  }
  return (c) => {
    const host = new URL(c.req.url).host;
    // Behind a TLS proxy the request looks like plain http: allow both schemes of that host.
    return hostPattern.test(host) ? `ws://${host} wss://${host}` : '';
  };
}

/**
 * Security headers on every answer, the app's and the API's: a CSP the built app passes (its
 * scripts and styles are files, never inline), no framing, no sniffing, no referrer.
 */
export function securityHeaders(publicUrl: string | undefined): MiddlewareHandler<AppEnv> {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      // The counter's QR reader is WebAssembly (zxing) where the browser has no BarcodeDetector.
      scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'blob:', 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'", relayOrigins(publicUrl)],
      manifestSrc: ["'self'"],
      workerSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    // HSTS belongs to the TLS proxy, which knows whether every subdomain speaks https.
    strictTransportSecurity: false,
  });
}
