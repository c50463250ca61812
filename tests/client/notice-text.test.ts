/**
 * A notice for the office (a discarded draft) on the outbox screen, in each of the tablet's four
 * languages: what it tells the office and why, its state (a refused notice reads "refused by the office",
 * never the interview's "needs a fix"), and when it is retried; one refused because the assignment was
 * not withdrawn from the enumerator (409 assignment.discard_unwarranted) says what to do.
 */
import { describe, expect, it } from 'vitest';
import { APP_LANGUAGES, translator } from '../../client/i18n.ts';
import type { NoticeItem } from '../../client/offline/db.ts';
import { noticeText } from '../../client/sync/notice-text.ts';
import { OUTBOX_STATES } from '../../client/sync/outbox-machine.ts';

const NOW = 1_000_000;
const notice = (reason: 'cancelled' | 'reassigned', state: NoticeItem['state']) => ({
  notice: {
    noticeId: '8f0c6a57-53a3-4a3e-9f8e-0a5b7c2d1e11',
    assignmentId: 'A-enum_a2',
    interviewId: '2b1d0e7c-7c2f-4f4e-8a44-5f5d0a1b2c3d',
    reason,
    discardedAt: '2026-12-06T23:00:00Z',
  },
  state,
  lastError: 'network: TypeError: Failed to fetch',
  nextAttemptAt: NOW + 2_100,
});

describe('a notice for the office in the outbox, in words', () => {
  it('says what was discarded and why, in Portuguese, English, French and Kriolu', () => {
    const titles = Object.fromEntries(
      APP_LANGUAGES.map((l) => [l, noticeText(notice('cancelled', 'queued'), NOW, translator(l)).title]),
    );
    expect(titles).toEqual({
      pt: 'Rascunho não enviado descartado (tarefa cancelada)',
      en: 'Unsent draft discarded (assignment cancelled)',
      fr: 'Brouillon non envoyé abandonné (affectation annulée)',
      kea: 'Rasunhu ki ka mandadu diskartadu (tarefa kanseladu)',
    });
    expect(noticeText(notice('reassigned', 'queued'), NOW, translator('pt')).title).toBe(
      'Rascunho não enviado descartado (tarefa atribuída a outro inquiridor)',
    );
  });

  it('gives its state, and while it waits to retry, why and when', () => {
    const pt = translator('pt');
    expect(noticeText(notice('cancelled', 'queued'), NOW, pt)).toMatchObject({
      state: 'À espera de envio',
      sentence: null,
    });
    expect(noticeText(notice('cancelled', 'retry_wait'), NOW, pt)).toEqual({
      title: 'Rascunho não enviado descartado (tarefa cancelada)',
      state: 'Nova tentativa em breve',
      sentence: 'Sem rede; nova tentativa dentro de 3 s',
    });
    expect(noticeText(notice('cancelled', 'auth_wait'), NOW, translator('fr')).state).toBe(
      'Connexion nécessaire',
    );
    for (const state of ['conflict', 'rejected'] as const) {
      expect(noticeText(notice('cancelled', state), NOW, pt).state).toBe(
        'Recusado pelo escritório: avise o seu supervisor',
      );
      expect(noticeText(notice('cancelled', state), NOW, translator('kea')).state).toBe(
        'Eskritóriu ka aseita: fla bu supervizor',
      );
    }
  });

  it('says what to do when the office found the assignment was not withdrawn', () => {
    const refused = {
      ...notice('cancelled', 'conflict'),
      lastError: 'assignment.discard_unwarranted: The discard notice’s reason ... {"field":"reason"}',
    };
    const sentences = Object.fromEntries(
      APP_LANGUAGES.map((l) => [l, noticeText(refused, NOW, translator(l)).sentence]),
    );
    expect(sentences.pt).toBe(
      'O escritório não tem registo de que esta tarefa lhe tenha sido retirada: sincronize e, se ela voltar à sua lista, entreviste o agregado de novo.',
    );
    expect(sentences.en).toMatch(/^The office has no record of this assignment being withdrawn from you/);
    expect(new Set(Object.values(sentences)).size).toBe(4);
    // any other refusal has no such sentence
    const other = {
      ...refused,
      lastError: 'assignment.unknown: The assignment does not exist or is not yours.',
    };
    expect(noticeText(other, NOW, translator('pt')).sentence).toBeNull();
    expect(noticeText({ ...refused, state: 'rejected' }, NOW, translator('pt')).sentence).toBeNull();
  });

  it('has a sentence for every state of the machine in every language (no raw key shown)', () => {
    for (const lang of APP_LANGUAGES)
      for (const state of OUTBOX_STATES) {
        const text = noticeText(notice('reassigned', state), NOW, translator(lang));
        expect(text.state, `${lang} ${state}`).not.toMatch(/^(state|outbox)\./);
        expect(text.title, `${lang} ${state}`).not.toMatch(/outbox\./);
      }
  });
});
