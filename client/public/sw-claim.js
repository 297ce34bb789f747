// Imported by the generated service worker (workbox `importScripts` in vite.config.ts).
//
// `clientsClaim` claims the pages open when the worker activates, but not a page whose load was
// under way then: its navigation went to the network before there was an active worker, and its
// document did not exist yet when the claim ran. Such a page would stay uncontrolled until the next
// visit, and a lazy chunk it fetched offline would fail. The page asks with this message once it
// sees an activated worker that does not control it (client/ui/claimPage.ts).
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'CLAIM_CLIENTS') event.waitUntil(self.clients.claim());
});
