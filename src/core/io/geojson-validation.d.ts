/** Minimal types for the parts of `geojson-validation` (1.0.2, CommonJS, untyped) that we use. */
declare module 'geojson-validation' {
  /** With `trace` true: the list of error messages (empty when valid). */
  export function isFeature(feature: unknown, trace: true): string[];
  export function isFeature(feature: unknown, trace?: false): boolean;
  export function isGeometryObject(geometry: unknown, trace: true): string[];
  export function isGeometryObject(geometry: unknown, trace?: false): boolean;
  const geojsonValidation: {
    isFeature: typeof isFeature;
    isGeometryObject: typeof isGeometryObject;
  };
  export default geojsonValidation;
}
