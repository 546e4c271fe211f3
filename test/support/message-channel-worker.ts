/**
 * A worker in the same thread, for tests: a function table exposed on one end of a MessageChannel
 * and a Worker-like page end on the other, so that messages are cloned and buffers transferred as
 * between a page and its worker.
 */

import type { Message } from '../../src/core/types.ts';
import type { WorkerLike } from '../../src/worker/create-worker-client.ts';
import { exposeWorkerApi, type WorkerScope } from '../../src/worker/expose-worker-api.ts';
import type { ReplyMessage, WorkerApi } from '../../src/worker/worker-api.ts';

/**
 * Starts `api` as a worker would run it.
 * @param replies receives every message the worker posts, in order
 */
export function startMessageChannelWorker(
  api: WorkerApi,
  failure: (message: string) => Message,
  replies: ReplyMessage[] = [],
): WorkerLike {
  const { port1, port2 } = new MessageChannel();
  const scope: WorkerScope = {
    postMessage: (message, transfer) => {
      replies.push(message as ReplyMessage);
      port2.postMessage(message, transfer);
    },
    set onmessage(listener: ((event: MessageEvent) => void) | null) {
      port2.onmessage = listener;
    },
    get onmessage() {
      return port2.onmessage;
    },
  };
  exposeWorkerApi(api, { failure, scope });
  const worker: WorkerLike = {
    postMessage: (message, transfer) => port1.postMessage(message, transfer),
    terminate: () => {
      port1.close();
      port2.close();
    },
    onmessage: null,
    onerror: null,
  };
  port1.onmessage = (event) => worker.onmessage?.(event);
  return worker;
}
