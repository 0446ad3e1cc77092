/**
 * Per-tensor affine uint8 quantization of the embedding table, matching ONNX
 * `DequantizeLinear`: `x = (q - zeroPoint) * scale`. The range always includes 0 so the zero
 * row of unknown features stays exactly zero.
 *
 * @module
 */

/** A quantized table and its parameters. */
export interface QuantizedTensor {
  data: Uint8Array;
  /** A float32 value. */
  scale: number;
  zeroPoint: number;
}

/**
 * Quantizes `values` to uint8 over `[min(values, 0), max(values, 0)]`.
 * @param values the float tensor
 * @returns the quantized tensor
 */
export function quantizeUint8(values: Float32Array): QuantizedTensor {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const scale = Math.fround(hi - lo > 0 ? (hi - lo) / 255 : 1);
  const zeroPoint = Math.min(255, Math.max(0, Math.round(-lo / scale)));
  const data = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    data[i] = Math.min(255, Math.max(0, Math.round((values[i] as number) / scale) + zeroPoint));
  }
  return { data, scale, zeroPoint };
}

/**
 * Dequantizes exactly as ONNX Runtime's `DequantizeLinear` does (one float32 rounding of an exact product).
 * @param q the quantized tensor
 * @returns the float tensor
 */
export function dequantizeUint8(q: QuantizedTensor): Float32Array {
  const out = new Float32Array(q.data.length);
  for (let i = 0; i < out.length; i++) out[i] = ((q.data[i] as number) - q.zeroPoint) * q.scale;
  return out;
}
