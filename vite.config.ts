import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import solid from 'vite-plugin-solid';
import { BACKGROUND_COLOR, renderIcons, THEME_COLOR } from './client/build/icons.ts';

/** Rasterises the app icons from client/build/icon.svg at build time and serves them under vite dev. */
function appIcons(): Plugin {
  let icons: ReturnType<typeof renderIcons> | undefined;
  const get = () => {
    icons ??= renderIcons();
    return icons;
  };
  return {
    name: 'little-stool-icons',
    async generateBundle() {
      for (const icon of await get()) this.emitFile({ type: 'asset', fileName: icon.fileName, source: icon.source });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        get().then((all) => {
          const icon = all.find((i) => req.url === `/${i.fileName}`);
          if (!icon) return next();
          res.setHeader('Content-Type', 'image/png');
          res.end(icon.source);
        }, next);
      });
    },
  };
}

const version = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string })
  .version;

export default defineConfig({
  root: 'client',
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022' },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8787',
      '/healthz': 'http://127.0.0.1:8787',
      '/sync': { target: 'ws://127.0.0.1:8787', ws: true },
    },
  },
  plugins: [
    solid(),
    appIcons(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      strategies: 'generateSW',
      manifest: {
        id: '/',
        name: '小板凳议事',
        short_name: '小板凳',
        description: '小区三方协商、议事、志愿、账目和会议纪要，离线也能用。',
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // Long-press on the home-screen icon: 随手拍 in the compound last used.
        shortcuts: [
          {
            name: '随手拍',
            short_name: '随手拍',
            description: '拍下小区里的问题，一键上报',
            url: '/agenda/snap',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest,wasm}'],
        navigateFallback: '/index.html',
        // The API, the relay and the health check are always the network's: never cached, never the shell.
        navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/sync(\/|$)/, /^\/healthz$/],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        // The first visit is controlled at once, so it works offline without a reload; updates still wait for a tap.
        clientsClaim: true,
        skipWaiting: false,
        // A page that missed that claim asks for one (client/public/sw-claim.js, client/ui/claimPage.ts).
        importScripts: ['/sw-claim.js'],
      },
    }),
  ],
});
