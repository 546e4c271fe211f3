/**
 * Whether MapLibre can draw here at all: it needs a WebGL 2 context, which a virtual desktop, a
 * blocklisted graphics card or a locked-down browser (`--disable-3d-apis`) does not give.
 */

/**
 * True when a canvas of `document` gives a WebGL 2 context. The probe's context is released at once:
 * browsers keep only a few contexts alive and drop the oldest (a map's) for a new one.
 */
export function supportsWebGl2(document: Document = globalThis.document): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    // A browser that throws instead of returning null (some do under a policy) has none either.
    return false;
  }
}
