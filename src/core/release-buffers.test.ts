import { describe, expect, it } from 'vitest';
import { releaseBuffers } from './release-buffers.ts';

describe('releaseBuffers', () => {
  it('empties the arrays given, each its whole buffer, and leaves views of part of a buffer alone', () => {
    const whole = new Float64Array(1000).fill(1);
    const shared = new Float64Array(8).fill(2);
    const part = shared.subarray(2, 4);
    const released = new Int32Array(4);
    releaseBuffers(whole, part, released, released);
    expect([whole.length, whole.buffer.byteLength, released.length]).toEqual([0, 0, 0]);
    expect(part.length).toBe(2);
    expect([...shared]).toEqual(new Array(8).fill(2));
  });
});
