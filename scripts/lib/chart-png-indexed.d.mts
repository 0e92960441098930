/**
 * RGBA pixels as an indexed-colour PNG with the same pixels, or null when they have more than 256
 * colours or any pixel that is not fully opaque.
 */
export function indexedPng(pixels: Uint8Array, width: number, height: number): Buffer | null;
