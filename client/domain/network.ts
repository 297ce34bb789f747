// What the browser believes about the network, for pages that need a connection to act.
export { online } from '../sync/network.ts';
