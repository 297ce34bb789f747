import type { RelayLimits } from '../../sync-server/relay/types.ts';

/** Per-connection limits roomy enough that a test's relay never closes a socket for them. */
export const roomyLimits: RelayLimits = {
  maxFrameBytes: 1 << 20,
  messagesPerSecond: 100,
  messageBurst: 100,
  bytesPerSecond: 1 << 20,
  byteBurst: 1 << 20,
  connectionsPerMember: 10,
  maxBufferedBytes: 1 << 20,
};
