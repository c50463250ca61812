import { describe, expect, it, vi } from 'vitest';
import { checkServer } from '../../client/sync/reachability.ts';

describe('the network badge', () => {
  it('asks the server, uncached: online only when /api/health answers 2xx', async () => {
    const ok = vi.fn(async () => new Response('{"ok":true}', { status: 200 }));
    expect(await checkServer(ok as unknown as typeof fetch, 'http://s', 1000, true)).toBe('online');
    expect(ok).toHaveBeenCalledWith('http://s/api/health', expect.objectContaining({ cache: 'no-store' }));
    const down = vi.fn(async () => new Response('', { status: 503 }));
    expect(await checkServer(down as unknown as typeof fetch, '', 1000, true)).toBe('noServer');
    const unreachable = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await checkServer(unreachable as unknown as typeof fetch, '', 1000, true)).toBe('noServer');
  });

  it('does not ask when the browser has no network', async () => {
    const never = vi.fn();
    expect(await checkServer(never as unknown as typeof fetch, '', 1000, false)).toBe('offline');
    expect(never).not.toHaveBeenCalled();
  });
});
