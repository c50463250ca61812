/**
 * Where the dqrdc2 rank (replicate-rank.ts) keeps its matrix, pivot order and dot products: in the
 * memory of the WebAssembly SIMD kernel (wasm/householder-sweep.wat, two columns per f64x2, the
 * same IEEE operations in the same order per column as the JS loop, hence the same bits) when the
 * runtime has WebAssembly SIMD, else in plain typed arrays for the JS loop. One workspace per
 * thread, reused by each rank (the rank is synchronous and uses it until it returns).
 */
import { wasmBase64 } from './wasm/householder-sweep.wasm.ts';
import { instantiateKernel } from './wasm-instance.ts';

/** The fused Householder sweep's arguments (byte addresses; see the WAT) after x, offsets, dots. */
export type Sweep = (
  j: number,
  left: number,
  ol: number,
  op: number,
  l: number,
  m: number,
  pivot: number,
) => void;

export interface RankWorkspace {
  /** The m x R matrix, column-major. */
  x: Float64Array;
  /** Column j's start in x (element index). */
  offset: Int32Array;
  /** A column's dot product with its step's pivot, by offset / m. */
  dots: Float64Array;
  /** The wasm sweep over these arrays, or null for the JS loop. */
  sweep: Sweep | null;
}

type Exports = {
  memory: WebAssembly.Memory;
  sweep: (x: number, offs: number, dots: number, ...rest: Parameters<Sweep>) => void;
};

let kernel: Exports | null | undefined;

/** The instantiated kernel, or null where WebAssembly SIMD is missing. */
function wasmKernel(): Exports | null {
  if (kernel !== undefined) return kernel;
  kernel = instantiateKernel<Exports>(wasmBase64);
  return kernel;
}

/** Whether the wasm kernel runs here (else the JS loop does the same arithmetic). */
export function wasmSweepAvailable(): boolean {
  return wasmKernel() !== null;
}

/**
 * A workspace for an m x R matrix: in the kernel's memory (grown as needed) when `useWasm` and the
 * kernel runs here, else plain arrays and no sweep. Valid until the next call.
 */
export function rankWorkspace(m: number, R: number, useWasm = true): RankWorkspace {
  // byte addresses are i32 in the kernel: larger matrices (over 1 GB) take the JS loop
  const k = useWasm && (m * R + 2 * R) * 8 < 2 ** 30 ? wasmKernel() : null;
  if (!k)
    return { x: new Float64Array(m * R), offset: new Int32Array(R), dots: new Float64Array(R), sweep: null };
  const offs = 0;
  const dots = offs + Math.ceil(R / 2) * 8;
  const x = dots + R * 8;
  const bytes = x + m * R * 8;
  const have = k.memory.buffer.byteLength;
  if (bytes > have) k.memory.grow(Math.ceil((bytes - have) / 65536));
  const buffer = k.memory.buffer;
  const sweep = k.sweep;
  return {
    x: new Float64Array(buffer, x, m * R),
    offset: new Int32Array(buffer, offs, R),
    dots: new Float64Array(buffer, dots, R),
    sweep: (j, left, ol, op, l, m, pivot) => sweep(x, offs, dots, j, left, ol, op, l, m, pivot),
  };
}
