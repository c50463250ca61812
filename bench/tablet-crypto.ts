/**
 * `npm run bench -- tablet-crypto`: what sealing costs the tablet. (1) Our own store path in Node
 * (saveDraft through the sealing middleware on fake-indexeddb) for an IPEI-sized draft; (2) the same
 * work in Debian's Chromium with the CPU slowed 4x (CDP), the low-end tablet profile: JSON,
 * AES-GCM-256 encrypt and an IndexedDB put, per autosave; and the PBKDF2 unlock at 600,000 iterations.
 */
import 'fake-indexeddb/auto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KDF_ITERATIONS, newDataKey, passwordKey } from '../client/offline/crypto.ts';
import type { Draft } from '../client/offline/db.ts';
import { openDb } from '../client/offline/db.ts';
import { saveDraft } from '../client/offline/store.ts';
import { launchChromium } from '../tests/helpers/browser.ts';
import { makeEnvelope } from './envelopes.ts';

const SAVES = 200;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))];

/** The largest of a few generated IPEI envelopes, as the draft an enumerator autosaves. */
function ipeiDraft(): Draft {
  const envs = Array.from({ length: 20 }, (_, i) => makeEnvelope('a-1', i + 1));
  const env = envs.sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0];
  return {
    interviewId: env.interviewId,
    revision: 1,
    assignmentId: env.assignmentId,
    questionnaireId: env.questionnaireId,
    questionnaireVersion: env.questionnaireVersion,
    answers: env.answers,
    currentPage: 3,
    locale: env.locale,
    startedAt: env.startedAt,
    completedAt: null,
    paradata: env.paradata,
    status: 'in_progress',
    comments: [],
    updatedAt: 0,
  };
}

async function nodeStore(draft: Draft) {
  const db = openDb(`bench-${crypto.randomUUID()}`);
  db.keyHold.set(await newDataKey());
  const ms: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const t = performance.now();
    await saveDraft(db, { ...draft, currentPage: i });
    ms.push(performance.now() - t);
  }
  const t = performance.now();
  await passwordKey('a password', crypto.getRandomValues(new Uint8Array(16)), KDF_ITERATIONS);
  const kdfMs = performance.now() - t;
  await db.delete();
  return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), kdfMs };
}

async function chromium4x(draft: Draft) {
  const server = createServer((_req, res) => res.end('<!doctype html><title>bench</title>'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    return await page.evaluate(
      async ({ draft, saves, iterations }) => {
        const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('bench', 1);
          req.onupgradeneeded = () => req.result.createObjectStore('drafts', { keyPath: 'interviewId' });
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const enc = new TextEncoder();
        const ms: number[] = [];
        for (let i = 0; i < saves; i++) {
          const t = performance.now();
          const iv = crypto.getRandomValues(new Uint8Array(12));
          const ct = await crypto.subtle.encrypt(
            { name: 'AES-GCM', iv, additionalData: enc.encode('drafts') },
            key,
            enc.encode(JSON.stringify({ ...draft, currentPage: i })),
          );
          const tx = db.transaction('drafts', 'readwrite');
          tx.objectStore('drafts').put({
            interviewId: draft.interviewId,
            status: 'in_progress',
            sealed: new Uint8Array(ct),
          });
          await new Promise((r) => {
            tx.oncomplete = r;
          });
          ms.push(performance.now() - t);
        }
        const t = performance.now();
        const base = await crypto.subtle.importKey('raw', enc.encode('a password'), 'PBKDF2', false, [
          'deriveBits',
        ]);
        await crypto.subtle.deriveBits(
          { name: 'PBKDF2', hash: 'SHA-256', salt: crypto.getRandomValues(new Uint8Array(16)), iterations },
          base,
          256,
        );
        const kdfMs = performance.now() - t;
        ms.sort((a, b) => a - b);
        return { p50: ms[Math.floor(0.5 * (saves - 1))], p95: ms[Math.floor(0.95 * (saves - 1))], kdfMs };
      },
      { draft, saves: SAVES, iterations: KDF_ITERATIONS },
    );
  } finally {
    await browser.close();
    server.close();
  }
}

export async function runTabletCryptoBench() {
  const draft = ipeiDraft();
  const kb = JSON.stringify(draft).length / 1024;
  const node = await nodeStore(draft);
  const chrome = await chromium4x(draft);
  const f = (x: number) => x.toFixed(2);
  return {
    json: { draftKb: kb, saves: SAVES, node, chromium4x: chrome, kdfIterations: KDF_ITERATIONS },
    rows: [
      [
        `seal + save one IPEI draft (${kb.toFixed(1)} KB), Chromium CPU 4x, p50 / p95`,
        `${f(chrome.p50)} ms / ${f(chrome.p95)} ms (target < 20 ms)`,
      ],
      [
        'seal + save through saveDraft (Node, fake-indexeddb), p50 / p95',
        `${f(node.p50)} ms / ${f(node.p95)} ms`,
      ],
      [
        `unlock: PBKDF2-SHA-256 ${KDF_ITERATIONS.toLocaleString('en')} iterations, Chromium 4x / Node`,
        `${chrome.kdfMs.toFixed(0)} ms / ${node.kdfMs.toFixed(0)} ms`,
      ],
    ] as Array<[string, string]>,
  };
}
