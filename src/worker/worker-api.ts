/**
 * The contract between a worker's function table and the client derived from it (see
 * expose-worker-api.ts and create-worker-client.ts): what an operation is, what it may do while it
 * runs (progress, results in chunks, transfers), and the messages both sides exchange for it.
 */

import type { Message } from '../core/types.ts';

/**
 * Items per chunk message: each message is one task on the page (copying it in), which should stay
 * well under 100 ms on a slow office PC (1,000 rows took 35–90 ms in headless Chromium on a shared
 * 2-core machine, with a minor GC in most).
 */
export const CHUNK_SIZE = 500;

/** What an operation can do while it runs, besides returning its result. */
export interface OperationContext {
  /** Reports the share of the work done, 0…1, and the stage the user sees. */
  progress(fraction: number, stage: Message): void;
  /**
   * Sends `items` to the page now, CHUNK_SIZE at a time, and returns a stand-in to put in the
   * result: the client puts the items back there, as one array, before the call resolves. Use it
   * for lists so long that copying them in one message would make the page stall.
   */
  inChunks<T>(items: readonly T[]): T[];
  /** Moves these buffers to the page with the result instead of copying them (they are unusable here afterwards). */
  transfer(buffers: readonly Transferable[]): void;
}

/** One operation of a worker: called with the page's arguments, resolves to what the page gets. */
// `never` accepts an operation with any argument type (parameters are checked contravariantly).
export type Operation = (args: never, context: OperationContext) => unknown;

/** A worker's function table: the operations the page can call, by name. */
export type WorkerApi = Record<string, Operation>;

export type ProgressListener = (fraction: number, stage: Message) => void;

/** A call that ended because the user cancelled it. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * A call that failed with a message for the user. An operation throws it for an expected failure
 * (the message reaches the user as it is); any other error is wrapped in the worker's own words.
 */
export class JobError extends Error {
  constructor(readonly userMessage: Message) {
    super(userMessage.en);
    this.name = 'JobError';
  }
}

/** Where the client puts a list that came in chunks: a path of keys into the result. */
export interface ChunkedPlace {
  path: (string | number)[];
  stream: number;
}

/** From the page to the worker. */
export interface CallMessage {
  type: 'call';
  call: number;
  operation: string;
  args: unknown;
}

/** From the worker to the page, about one call; 'result' and 'error' end it. */
export type ReplyMessage =
  | { type: 'progress'; call: number; fraction: number; stage: Message }
  | { type: 'chunk'; call: number; stream: number; items: unknown[] }
  | { type: 'result'; call: number; value: unknown; chunked: ChunkedPlace[] }
  | { type: 'error'; call: number; message: Message };
