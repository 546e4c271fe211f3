/**
 * The page's side of a worker's function table (see expose-worker-api.ts): one method per operation,
 * typed from the table, each returning a promise of the operation's result with the lists it sent in
 * chunks put back in place. Cancel terminates the worker (the only way to stop a synchronous
 * computation) and starts a fresh one.
 */

import type { Message } from '../core/types.ts';
import {
  type CallMessage,
  CancelledError,
  JobError,
  type ProgressListener,
  type ReplyMessage,
  type WorkerApi,
} from './worker-api.ts';

/** What the page needs of a Worker (a MessagePort, in tests). */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface CallOptions {
  onProgress?: ProgressListener;
  /** Buffers of the arguments to move to the worker instead of copying them. */
  transfer?: Transferable[];
  /** Stops waiting for this call: it rejects with an AbortError and its result is dropped (the worker still finishes it). */
  signal?: AbortSignal;
}

type ArgsOf<Op> = Op extends (args: infer Args, context: never) => unknown ? Args : never;

/** The client's methods: each operation of `Api`, with the same argument and result (no argument when it takes none). */
export type ClientMethods<Api extends WorkerApi> = {
  [Name in keyof Api]: (
    ...call: undefined extends ArgsOf<Api[Name]>
      ? [args?: ArgsOf<Api[Name]>, options?: CallOptions]
      : [args: ArgsOf<Api[Name]>, options?: CallOptions]
  ) => Promise<Awaited<ReturnType<Api[Name]>>>;
};

export interface WorkerClient<Api extends WorkerApi> {
  readonly api: ClientMethods<Api>;
  /** Stops every running call (each rejects with CancelledError) by terminating the worker, and starts another. */
  cancel(): void;
  destroy(): void;
}

export interface ClientOptions<Api extends WorkerApi> {
  /** The user's message when the worker itself fails (a script error outside any operation). */
  workerFailure: (message: string) => Message;
  /** Refuse a call while another runs (the worker runs them one after the other anyway). */
  oneCallAtATime?: boolean;
  /** Called on a restarted worker before its first call (`next`), to give it back what it lost. */
  afterRestart?: (api: ClientMethods<Api>, next: keyof Api & string) => void;
  /** Disposes of a result nobody waits for any more (an aborted call's). */
  discard?: (value: unknown) => void;
}

interface Pending {
  operation: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress: ProgressListener | undefined;
  streams: unknown[][];
}

/** A client of the worker that `createWorker` starts, whose table has the type `Api`. */
export function createWorkerClient<Api extends WorkerApi>(
  createWorker: () => WorkerLike,
  options: ClientOptions<Api>,
): WorkerClient<Api> {
  const pending = new Map<number, Pending>();
  let nextCall = 1;
  let restarted = false;

  const receive = (reply: ReplyMessage) => {
    const call = pending.get(reply.call);
    if (!call) {
      if (reply.type === 'result') options.discard?.(reply.value);
      return;
    }
    switch (reply.type) {
      case 'progress':
        call.onProgress?.(reply.fraction, reply.stage);
        return;
      case 'chunk': {
        const stream = call.streams[reply.stream] ?? [];
        call.streams[reply.stream] = stream;
        for (const item of reply.items) stream.push(item);
        return;
      }
      case 'result': {
        pending.delete(reply.call);
        let value = reply.value;
        for (const { path, stream } of reply.chunked) value = put(value, path, call.streams[stream] ?? []);
        call.resolve(value);
        return;
      }
      case 'error':
        pending.delete(reply.call);
        call.reject(new JobError(reply.message));
        return;
      default: {
        const { call: id, type } = reply as { call: number; type: unknown };
        pending.delete(id);
        call.reject(
          new Error(
            `expected a "progress", "chunk", "result" or "error" reply to "${call.operation}"; got "${type}"`,
          ),
        );
      }
    }
  };

  const rejectAll = (error: () => Error) => {
    const calls = [...pending.values()];
    pending.clear();
    for (const call of calls) call.reject(error());
  };

  const start = (): WorkerLike => {
    const started = createWorker();
    started.onmessage = (event: MessageEvent<ReplyMessage>) => receive(event.data);
    started.onerror = (event) => {
      event.preventDefault();
      rejectAll(() => new JobError(options.workerFailure(event.message)));
    };
    return started;
  };
  let worker = start();

  const post = (operation: string, args: unknown, callOptions: CallOptions = {}): Promise<unknown> => {
    const call = nextCall++;
    const { onProgress, transfer = [], signal } = callOptions;
    return new Promise((resolve, reject) => {
      pending.set(call, { operation, resolve, reject, onProgress, streams: [] });
      signal?.addEventListener('abort', () => {
        if (pending.delete(call)) reject(new DOMException(`"${operation}" was aborted.`, 'AbortError'));
      });
      worker.postMessage({ type: 'call', call, operation, args } satisfies CallMessage, transfer);
    });
  };

  const method =
    (operation: keyof Api & string) =>
    (args?: unknown, callOptions?: CallOptions): Promise<unknown> => {
      if (options.oneCallAtATime && pending.size > 0) {
        const running = [...pending.values()].map((call) => `"${call.operation}"`).join(', ');
        return Promise.reject(new Error(`expected no call while ${running} runs; got "${operation}"`));
      }
      if (restarted) {
        restarted = false;
        options.afterRestart?.(api, operation);
      }
      return post(operation, args, callOptions);
    };

  // A method for any name: the page cannot list the operations, as it may not import the table
  // (that is the worker's code). Not a thenable: `await client.api` must not call an operation "then".
  const api = new Proxy({} as ClientMethods<Api>, {
    get: (_, name) => (typeof name === 'string' && name !== 'then' ? method(name) : undefined),
  });

  return {
    api,
    cancel() {
      if (pending.size === 0) return;
      worker.terminate();
      worker = start();
      restarted = true;
      rejectAll(() => new CancelledError());
    },
    destroy() {
      worker.terminate();
      rejectAll(() => new CancelledError());
    },
  };
}

/** `root` with the value at `path` replaced by `items` (the path's objects came from the worker: they are changed in place). */
function put(root: unknown, path: readonly (string | number)[], items: unknown[]): unknown {
  if (path.length === 0) return items;
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = items;
  return root;
}
