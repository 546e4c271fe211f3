/**
 * Gives back the memory of typed arrays that nothing will read again, now instead of at the
 * engine's next full garbage collection. A worker that has made and dropped several arrays of tens
 * of megabytes (a layer's pieces once joined, columns once narrowed, an overlap check's index) holds
 * them all until then: V8 frees an array's memory only when it collects the array object, which for
 * an array that lived a while waits for a full collection, and one may not come for minutes.
 *
 * `ArrayBuffer.prototype.transfer(0)` detaches the buffer and frees its memory at once (Chromium
 * 114+, Node 22+). Without it (Node 20: the command line, the unit tests) the buffer is detached by
 * a transfer to a clone no one keeps, so that an array read after its release is as empty there as
 * in the browser; its memory goes at a later collection, as before.
 *
 * An array viewing part of a buffer is left alone: the rest of the buffer may be another array's.
 * Each other array given is empty afterwards (length 0): only arrays no one reads again may be given.
 */
export function releaseBuffers(...arrays: readonly ArrayBufferView[]): void {
  for (const array of arrays) {
    const buffer = array.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer };
    if (!(buffer instanceof ArrayBuffer) || buffer.byteLength === 0) continue;
    if (array.byteOffset !== 0 || array.byteLength !== buffer.byteLength) continue;
    if (typeof buffer.transfer === 'function') buffer.transfer(0);
    else structuredClone(buffer, { transfer: [buffer] });
  }
}
