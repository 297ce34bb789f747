/** The message `client/public/sw-claim.js` answers with `clients.claim()`. */
const CLAIM_CLIENTS = 'CLAIM_CLIENTS';

/**
 * Makes the registration's active worker control this page if it does not yet. A page loaded while
 * the first worker installed can miss the worker's own claim at activation (see sw-claim.js); a
 * page reloaded with the cache bypassed is not controlled either. Without a controller the page's
 * lazy chunks come from the network only: offline, its next screen would not open.
 */
export function claimPage(registration: ServiceWorkerRegistration): void {
  const container = navigator.serviceWorker;
  const ask = (worker: ServiceWorker) => {
    if (!container.controller && worker.state === 'activated') worker.postMessage({ type: CLAIM_CLIENTS });
  };
  void container.ready.then(() => {
    const worker = registration.active;
    if (!worker || container.controller) return;
    if (worker.state === 'activated') ask(worker);
    else worker.addEventListener('statechange', () => ask(worker));
  });
}
