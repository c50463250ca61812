/**
 * Where the dqrdc2 rank (replicate-rank.ts) keeps its matrix and its panel: in the memory of the
 * WebAssembly SIMD kernel (wasm/householder-panel.wat: a panel of eight columns side by side, two
 * per f64x2, each column with the JS loop's IEEE operations in its order, hence the same bits) when
 * the runtime has WebAssembly SIMD, else in plain typed arrays for the JS loop. One workspace per
 * thread, reused by each rank (the rank is synchronous and uses it until it returns).
 */
import { wasmBase64 } from './wasm/householder-panel.wasm.ts';
import { instantiateKernel } from './wasm-instance.ts';

/** Columns of a panel (fixed in the kernel). */
export const PANEL = 8;

/**
 * Householder step s (vector at element `v` of x, diagonal `pivot`) on the panel's columns, with
 * the dot product with the next step's vector (at element `w`, -1 for none) fused in.
 */
export type PanelApply = (v: number, w: number, s: number, m: number, pivot: number) => void;
/** Each panel column's dot product with the vector at element `v` of x, rows s to m - 1. */
export type PanelDot = (v: number, s: number, m: number) => void;

export interface RankWorkspace {
  /** The m x R matrix, column-major. */
  x: Float64Array;
  /** The panel: m rows of PANEL columns side by side (row i of column c at i * PANEL + c). */
  panel: Float64Array;
  /** Each panel column's dot product with its next step's vector. */
  dots: Float64Array;
  /** The wasm steps over these arrays, or null for the JS loop. */
  kernel: { apply: PanelApply; dot: PanelDot } | null;
}

type Exports = {
  memory: WebAssembly.Memory;
  apply: (
    P: number,
    v: number,
    w: number,
    fuse: number,
    s: number,
    m: number,
    pivot: number,
    dots: number,
  ) => void;
  dot: (P: number, v: number, s: number, m: number, dots: number) => void;
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
 * kernel runs here, else plain arrays and no kernel. Valid until the next call.
 */
export function rankWorkspace(m: number, R: number, useWasm = true): RankWorkspace {
  // byte addresses are i32 in the kernel: larger matrices (over 1 GB) take the JS loop
  const k = useWasm && (m * R + m * PANEL + PANEL) * 8 < 2 ** 30 ? wasmKernel() : null;
  if (!k)
    return {
      x: new Float64Array(m * R),
      panel: new Float64Array(m * PANEL),
      dots: new Float64Array(PANEL),
      kernel: null,
    };
  const dots = 0;
  const P = dots + PANEL * 8;
  const x = P + m * PANEL * 8;
  const bytes = x + m * R * 8;
  const have = k.memory.buffer.byteLength;
  if (bytes > have) k.memory.grow(Math.ceil((bytes - have) / 65536));
  const buffer = k.memory.buffer;
  const { apply, dot } = k;
  return {
    x: new Float64Array(buffer, x, m * R),
    panel: new Float64Array(buffer, P, m * PANEL),
    dots: new Float64Array(buffer, dots, PANEL),
    kernel: {
      apply: (v, w, s, m, pivot) =>
        apply(P, x + v * 8, w < 0 ? 0 : x + w * 8, w < 0 ? 0 : 1, s, m, pivot, dots),
      dot: (v, s, m) => dot(P, x + v * 8, s, m, dots),
    },
  };
}
