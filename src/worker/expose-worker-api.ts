/**
 * The worker's side of a function table (see worker-api.ts): runs the page's calls one after the
 * other, in the order they came (also while an operation waits), and answers each with its
 * progress, its chunks and then its result or an error.
 */

import type { Message } from '../core/types.ts';
import {
  type CallMessage,
  CHUNK_SIZE,
  type ChunkedPlace,
  JobError,
  type OperationContext,
  type ReplyMessage,
  type WorkerApi,
} from './worker-api.ts';

/** What the worker's global scope offers (a MessagePort, in tests). */
export interface WorkerScope {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

export interface ExposeOptions {
  /** The user's message for an unexpected error (a JobError's own message is shown as it is). */
  failure: (message: string) => Message;
  /** Where the calls come from; the worker's global scope by default. */
  scope?: WorkerScope;
}

/** Answers the page's calls of `api`'s operations (see create-worker-client.ts for the page's side). */
export function exposeWorkerApi(api: WorkerApi, options: ExposeOptions): void {
  const scope = options.scope ?? (self as unknown as WorkerScope);
  let queue = Promise.resolve();
  scope.onmessage = (event: MessageEvent<CallMessage>) => {
    const message = event.data;
    queue = queue.then(() => run(api, message, scope, options.failure));
  };
}

async function run(
  api: WorkerApi,
  { call, operation, args }: CallMessage,
  scope: WorkerScope,
  failure: ExposeOptions['failure'],
): Promise<void> {
  const post = (reply: ReplyMessage, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);
  const standIns = new Map<object, number>();
  const transfer: Transferable[] = [];
  const context: OperationContext = {
    progress: (fraction, stage) => post({ type: 'progress', call, fraction, stage }),
    inChunks<T>(items: readonly T[]): T[] {
      const stream = standIns.size;
      for (let start = 0; start < items.length; start += CHUNK_SIZE) {
        post({ type: 'chunk', call, stream, items: items.slice(start, start + CHUNK_SIZE) });
      }
      const standIn = { chunkedStream: stream };
      standIns.set(standIn, stream);
      return standIn as unknown as T[];
    },
    transfer: (buffers) => {
      transfer.push(...buffers);
    },
  };
  try {
    const run = Object.hasOwn(api, operation) ? api[operation] : undefined;
    if (!run) {
      throw new Error(`expected one of the operations ${Object.keys(api).join(', ')}; got "${operation}"`);
    }
    const value = await run(args as never, context);
    post({ type: 'result', call, value, chunked: placesOf(value, standIns, operation) }, transfer);
  } catch (error) {
    const message =
      error instanceof JobError
        ? error.userMessage
        : failure(error instanceof Error ? error.message : String(error));
    post({ type: 'error', call, message });
  }
}

/**
 * Where the stand-ins of `inChunks` are in `value`, found breadth first (they sit near the top:
 * the walk ends when all are found, before it reaches the coordinates of any feature).
 */
function placesOf(value: unknown, standIns: Map<object, number>, operation: string): ChunkedPlace[] {
  if (standIns.size === 0) return [];
  const places: ChunkedPlace[] = [];
  const found = (node: unknown, path: (string | number)[]) => {
    const stream = typeof node === 'object' && node !== null ? standIns.get(node) : undefined;
    if (stream !== undefined) places.push({ path, stream });
    return stream !== undefined;
  };
  if (found(value, [])) return places;
  let level: { node: unknown; path: (string | number)[] }[] = [{ node: value, path: [] }];
  while (level.length > 0 && places.length < standIns.size) {
    const next: typeof level = [];
    for (const { node, path } of level) {
      if (!isPlain(node)) continue;
      for (const [key, child] of Object.entries(node)) {
        const childPath = [...path, Array.isArray(node) ? Number(key) : key];
        if (!found(child, childPath)) next.push({ node: child, path: childPath });
      }
    }
    level = next;
  }
  if (places.length < standIns.size) {
    throw new Error(
      `expected the ${standIns.size} lists sent in chunks in the result of "${operation}"; found ${places.length}`,
    );
  }
  return places;
}

/** An array or an object literal: what a result is built of (typed arrays and class instances are leaves). */
function isPlain(node: unknown): node is object {
  if (typeof node !== 'object' || node === null) return false;
  if (Array.isArray(node)) return node.length === 0 || typeof node[0] === 'object';
  const prototype = Object.getPrototypeOf(node);
  return prototype === Object.prototype || prototype === null;
}
