import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/startServer.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

const staticDir = tempDir('little-stool-static-');
mkdirSync(join(staticDir, 'assets'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>');
writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');

/** Every directive of a Content-Security-Policy header, by name. */
function directives(csp: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

describe('security headers on the app and the API', () => {
  const server = useTestServer({ STATIC_DIR: staticDir, PUBLIC_URL: 'https://stool.example' }, { per: 'block' });

  for (const path of ['/', '/agenda/some-deep-link', '/assets/app.js', '/api/me', '/api/no-such-route', '/healthz']) {
    it(`${path} carries a strict CSP, nosniff, no referrer and no framing`, async () => {
      const res = await fetch(`${server.url}${path}`);
      await res.arrayBuffer();
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect(csp.get('img-src')).toEqual(["'self'", 'blob:', 'data:']);
      expect(csp.get('connect-src')).toEqual(["'self'", 'wss://stool.example']);
      // WebAssembly compiling (the QR reader) is allowed; inline scripts and eval are not.
      for (const values of csp.values()) expect(values.join(' ')).not.toMatch(/'unsafe-/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    });
  }
});

describe('the CSP without PUBLIC_URL', () => {
  const server = useTestServer({ STATIC_DIR: staticDir });

  it('lets the app open websockets to the address it was loaded from', async () => {
    const res = await fetch(`${server.url}/`);
    await res.arrayBuffer();
    const connect = directives(res.headers.get('content-security-policy')).get('connect-src');
    const host = new URL(server.url).host;
    expect(connect).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
  });
});
