/**
 * The worker API layer over a real MessageChannel (as a worker's messages travel: structured clone,
 * transfers): a function table exposed on one port, the client derived from it on the other.
 */

import { describe, expect, it, vi } from 'vitest';
import { startMessageChannelWorker } from '../../test/support/message-channel-worker.ts';
import { type ClientOptions, createWorkerClient, type WorkerLike } from './create-worker-client.ts';
import {
  CancelledError,
  CHUNK_SIZE,
  JobError,
  type OperationContext,
  type ReplyMessage,
  type WorkerApi,
} from './worker-api.ts';

const STAGE = { zh: '正在计算…', en: 'Computing…' };

const testApi = {
  async double(value: number) {
    return value * 2;
  },
  async count(_: undefined, context: OperationContext) {
    context.progress(0, STAGE);
    context.progress(0.5, STAGE);
    context.progress(1, STAGE);
    return 'counted';
  },
  async list(length: number, context: OperationContext) {
    const items = Array.from({ length }, (_, index) => ({ index }));
    return { nested: { items: context.inChunks(items), none: context.inChunks([]) }, length };
  },
  async root(length: number, context: OperationContext) {
    return context.inChunks(Array.from({ length }, (_, index) => index));
  },
  async lost(_: undefined, context: OperationContext) {
    context.inChunks([1, 2, 3]);
    return { items: [] };
  },
  async packed(length: number, context: OperationContext) {
    const values = Float64Array.from({ length }, (_, index) => index / 2);
    context.transfer([values.buffer]);
    // The worker's own view, to see whether its buffer moved.
    setTimeout(() => sent.push(values.byteLength), 0);
    return { values };
  },
  async byteLength(bytes: Uint8Array) {
    return bytes.byteLength;
  },
  async refuse(fileName: string) {
    throw new JobError({ zh: `${fileName} 中没有要素`, en: `${fileName} has no features` });
  },
  async crash() {
    throw new Error('the ring is not closed');
  },
  async never() {
    await new Promise(() => undefined);
  },
} satisfies WorkerApi;

/** Byte lengths of the worker's typed arrays after their buffers were sent. */
const sent: number[] = [];

const failure = (message: string) => ({ zh: `出错：${message}`, en: `Failed: ${message}` });

function startWorker(api: WorkerApi, replies: ReplyMessage[] = []): WorkerLike {
  return startMessageChannelWorker(api, failure, replies);
}

function client(options: Partial<ClientOptions<typeof testApi>> = {}, replies: ReplyMessage[] = []) {
  return createWorkerClient<typeof testApi>(() => startWorker(testApi, replies), {
    workerFailure: (message) => ({ zh: `程序出错：${message}`, en: `The worker failed: ${message}` }),
    ...options,
  });
}

describe('a client derived from a function table', () => {
  it('calls an operation and resolves to its result', async () => {
    const { api, destroy } = client();
    expect(await api.double(21)).toBe(42);
    destroy();
  });

  it('reports progress in order before the result', async () => {
    const { api, destroy } = client();
    const progress: [number, string][] = [];
    const result = await api.count(undefined, {
      onProgress: (fraction, stage) => progress.push([fraction, stage.en]),
    });
    expect(result).toBe('counted');
    expect(progress).toEqual([
      [0, 'Computing…'],
      [0.5, 'Computing…'],
      [1, 'Computing…'],
    ]);
    destroy();
  });

  it('sends a long list in chunks and puts it back in place', async () => {
    const replies: ReplyMessage[] = [];
    const { api, destroy } = client({}, replies);
    const length = 2 * CHUNK_SIZE + 1;
    const result = await api.list(length);
    expect(result.length).toBe(length);
    expect(result.nested.items).toEqual(Array.from({ length }, (_, index) => ({ index })));
    expect(result.nested.none).toEqual([]);
    const chunks = replies.filter((reply) => reply.type === 'chunk');
    expect(chunks.map((chunk) => chunk.items.length)).toEqual([CHUNK_SIZE, CHUNK_SIZE, 1]);
    const last = replies.at(-1);
    expect(last?.type === 'result' && last.chunked).toEqual([
      { path: ['nested', 'items'], stream: 0 },
      { path: ['nested', 'none'], stream: 1 },
    ]);
    destroy();
  });

  it('puts a list sent in chunks back as the whole result', async () => {
    const { api, destroy } = client();
    expect(await api.root(CHUNK_SIZE + 3)).toEqual(
      Array.from({ length: CHUNK_SIZE + 3 }, (_, index) => index),
    );
    destroy();
  });

  it('moves transferred buffers instead of copying them, both ways', async () => {
    const { api, destroy } = client();
    const { values } = await api.packed(1000);
    expect(values).toBeInstanceOf(Float64Array);
    expect(values[999]).toBe(499.5);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sent.at(-1)).toBe(0);
    const bytes = new Uint8Array(64);
    expect(await api.byteLength(bytes, { transfer: [bytes.buffer] })).toBe(64);
    expect(bytes.byteLength).toBe(0);
    destroy();
  });

  it("rejects with an operation's own message for the user, as it is", async () => {
    const { api, destroy } = client();
    const error = await api.refuse('plots.geojson').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(JobError);
    expect((error as JobError).userMessage).toEqual({
      zh: 'plots.geojson 中没有要素',
      en: 'plots.geojson has no features',
    });
    destroy();
  });

  it("wraps any other error in the worker's words", async () => {
    const { api, destroy } = client();
    const error = (await api.crash().catch((caught: unknown) => caught)) as JobError;
    expect(error.userMessage).toEqual({
      zh: '出错：the ring is not closed',
      en: 'Failed: the ring is not closed',
    });
    destroy();
  });

  it('says which operations there are when asked for another', async () => {
    const { api, destroy } = client();
    const untyped = api as unknown as Record<string, () => Promise<unknown>>;
    const error = (await untyped.nothing?.().catch((caught: unknown) => caught)) as JobError;
    expect(error.userMessage.en).toBe(
      'Failed: expected one of the operations double, count, list, root, lost, packed, byteLength, refuse, crash, never; got "nothing"',
    );
    destroy();
  });

  it('says when a list sent in chunks is missing from the result', async () => {
    const { api, destroy } = client();
    const error = (await api.lost().catch((caught: unknown) => caught)) as JobError;
    expect(error.userMessage.en).toBe(
      'Failed: expected the 1 lists sent in chunks in the result of "lost"; found 0',
    );
    destroy();
  });

  it('is not a thenable (awaiting the methods does not call an operation "then")', async () => {
    const { api, destroy } = client();
    expect(await api).toBe(api);
    destroy();
  });

  it('refuses a second call while one runs, when asked to', async () => {
    const { api, cancel, destroy } = client({ oneCallAtATime: true });
    const running = api.never();
    await expect(api.double(1)).rejects.toThrow('expected no call while "never" runs; got "double"');
    cancel();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(await api.double(2)).toBe(4);
    destroy();
  });

  it('cancels by starting another worker, which gets back what it lost before its first call', async () => {
    const createWorker = vi.fn(() => startWorker(testApi));
    const afterRestart = vi.fn();
    const { api, cancel, destroy } = createWorkerClient<typeof testApi>(createWorker, {
      workerFailure: failure,
      afterRestart,
    });
    cancel(); // nothing runs: nothing happens
    expect(createWorker).toHaveBeenCalledTimes(1);
    const running = api.never();
    cancel();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(createWorker).toHaveBeenCalledTimes(2);
    expect(afterRestart).not.toHaveBeenCalled();
    expect(await api.double(5)).toBe(10);
    expect(afterRestart).toHaveBeenCalledTimes(1);
    expect(afterRestart.mock.calls[0]?.[1]).toBe('double');
    expect(await api.double(6)).toBe(12);
    expect(afterRestart).toHaveBeenCalledTimes(1);
    destroy();
  });

  it('stops waiting for an aborted call and hands its late result to discard', async () => {
    const discard = vi.fn();
    const { api, destroy } = client({ discard });
    const abort = new AbortController();
    const call = api.double(4, { signal: abort.signal });
    abort.abort();
    await expect(call).rejects.toThrow('"double" was aborted.');
    expect(await api.double(1)).toBe(2);
    expect(discard).toHaveBeenCalledWith(8);
    destroy();
  });

  it('fails every call when the worker itself fails', async () => {
    const worker = startWorker(testApi);
    const { api, destroy } = createWorkerClient<typeof testApi>(() => worker, { workerFailure: failure });
    const running = api.never();
    const event = {
      message: 'SyntaxError: unexpected token',
      preventDefault: vi.fn(),
    } as unknown as ErrorEvent;
    worker.onerror?.(event);
    const error = (await running.catch((caught: unknown) => caught)) as JobError;
    expect(error.userMessage.en).toBe('Failed: SyntaxError: unexpected token');
    expect(event.preventDefault).toHaveBeenCalled();
    destroy();
  });

  it('says what it expected when a reply is of no known kind', async () => {
    const worker = startWorker(testApi);
    const { api, destroy } = createWorkerClient<typeof testApi>(() => worker, { workerFailure: failure });
    const running = api.never();
    worker.onmessage?.({ data: { type: 'rows', call: 1 } } as MessageEvent);
    await expect(running).rejects.toThrow(
      'expected a "progress", "chunk", "result" or "error" reply to "never"; got "rows"',
    );
    destroy();
  });
});
