/**
 * The instance of one of analysis/'s WebAssembly kernels (each a base64 module generated from its
 * WAT by scripts/wasm/assemble.ts), or null where the runtime has no WebAssembly or lacks an
 * instruction the kernel uses (SIMD): the caller then takes its JS loop, which does the same
 * arithmetic.
 */
export function instantiateKernel<Exports>(base64: string): Exports | null {
  try {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    if (typeof WebAssembly !== 'object' || !WebAssembly.validate(bytes)) return null;
    return new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as Exports;
  } catch {
    return null;
  }
}
