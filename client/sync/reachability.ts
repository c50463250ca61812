/**
 * Whether the tablet can reach the server, not only whether the browser believes it is online: a Wi-Fi
 * with no route to the server (or a captive portal) keeps `navigator.onLine` true. A cheap GET of
 * /api/health, never cached, tells the three cases apart: no network, a network without the server, and
 * the server answering.
 */
export type Reach = 'online' | 'noServer' | 'offline';

export async function checkServer(
  fetchFn: typeof fetch,
  baseUrl: string,
  timeoutMs: number,
  browserOnline: boolean,
): Promise<Reach> {
  if (!browserOnline) return 'offline';
  try {
    const res = await fetchFn(`${baseUrl}/api/health`, {
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return res.ok ? 'online' : 'noServer';
  } catch {
    return 'noServer';
  }
}
