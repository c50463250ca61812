/**
 * Runs work the first screen does not need (the service worker's registration and update check, the
 * sync's start after a reopening) once the page is idle, at the latest after `timeoutMs`: on a slow
 * tablet the interview's first question is drawn first. Without requestIdleCallback, on the next task.
 */
export function whenIdle(work: () => void, timeoutMs = 2000): void {
  if (typeof globalThis.requestIdleCallback === 'function') {
    globalThis.requestIdleCallback(() => work(), { timeout: timeoutMs });
  } else {
    setTimeout(work, 0);
  }
}
