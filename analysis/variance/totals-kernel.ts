/**
 * Where replicate totals (replicate.ts) are summed in WebAssembly SIMD: the kernel
 * (wasm/replicate-totals.wat, two replicates per f64x2, each sum with the JS loop's IEEE operations
 * in its order, hence the same bits) and its memory, which holds the row-major copies of the
 * replicate weights (replicate-columns.ts keeps them there, from the bottom up, until its cache is
 * cleared) and, above them, each call's terms and sums. One memory per thread, grown as needed,
 * never shrunk; null where the runtime has no WebAssembly SIMD (the JS loop then sums the same).
 */
import { wasmBase64 } from './wasm/replicate-totals.wasm.ts';
import { instantiateKernel } from './wasm-instance.ts';

type Exports = {
  memory: WebAssembly.Memory;
  totals: (stream: number, end: number, R: number) => void;
};

let kernel: Exports | null | undefined;

function totalsKernel(): Exports | null {
  if (kernel === undefined) kernel = instantiateKernel<Exports>(wasmBase64);
  return kernel;
}

/** Whether the wasm kernel runs here (else the JS loop does the same arithmetic). */
export function wasmTotalsAvailable(): boolean {
  return totalsKernel() !== null;
}

/** Largest memory the kernel is given (its addresses are i32): larger work takes the JS loop. */
const MEMORY_LIMIT = 2 ** 30;

/** End of the matrices kept (bytes); each call's scratch starts here. */
let top = 0;

/** Memory up to byte `end`, or false when that is past the limit or there is no kernel. */
function reserve(end: number): boolean {
  const k = totalsKernel();
  if (!k || end > MEMORY_LIMIT) return false;
  const have = k.memory.buffer.byteLength;
  if (end <= have) return true;
  try {
    k.memory.grow(Math.ceil((end - have) / 65536));
  } catch {
    return false; // no memory to grow into: the JS loop (nothing was detached)
  }
  return true;
}

/** A place for `length` doubles kept until `releaseMatrices`, or -1 (JS arrays instead). */
export function keepMatrix(length: number): number {
  const at = top;
  if (!reserve(at + length * 8)) return -1;
  top = at + Math.ceil((length * 8) / 16) * 16;
  return at;
}

/** Forgets every matrix kept (their views must not be used after this). */
export function releaseMatrices(): void {
  top = 0;
}

/** The doubles at byte address `at` (a view: valid until the memory grows). */
export function kernelDoubles(at: number, length: number): Float64Array {
  return new Float64Array((totalsKernel() as Exports).memory.buffer, at, length);
}

/** Scratch above the kept matrices: sums (K x R, estimate-major, zeroed) and room for `terms` terms. */
export interface TotalsScratch {
  /** Byte address of the sums; estimate k's sum for replicate r at element k * R + r. */
  sums: number;
  /** Byte address of the first term (16 bytes each: row address i32, sums address i32, u f64). */
  stream: number;
  i32: Int32Array;
  f64: Float64Array;
}

/** Scratch for K estimates of R replicates and up to `terms` terms, or null (JS loop instead). */
export function totalsScratch(K: number, R: number, terms: number): TotalsScratch | null {
  const sums = top;
  const stream = sums + Math.ceil((K * R * 8) / 16) * 16;
  if (!reserve(stream + terms * 16)) return null;
  const buffer = (totalsKernel() as Exports).memory.buffer;
  new Float64Array(buffer, sums, K * R).fill(0);
  return { sums, stream, i32: new Int32Array(buffer), f64: new Float64Array(buffer) };
}

/** Adds the terms from byte address `stream` to `end` into their sums (see the WAT). */
export function sumTerms(stream: number, end: number, R: number): void {
  (totalsKernel() as Exports).totals(stream, end, R);
}
