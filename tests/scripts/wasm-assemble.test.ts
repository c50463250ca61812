/**
 * The WebAssembly bytes analysis/ embeds (each kernel's generated `.wasm.ts`) are what its committed
 * WAT source assembles to with wabt (scripts/wasm/assemble.ts), so the kernel that runs is the
 * source that is read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble, kernels, modulePath, moduleText } from '../../scripts/wasm/assemble.ts';

describe('the embedded wasm kernels', () => {
  it.each(kernels)('%s assembles to the committed bytes', async (wat) => {
    const bytes = await assemble(readFileSync(wat, 'utf8'), wat);
    expect(WebAssembly.validate(bytes)).toBe(true);
    expect(readFileSync(modulePath(wat), 'utf8')).toBe(moduleText(wat, bytes));
  });
});
