/**
 * Flags as the reviewer reads them: the server's English messages (as server/domain/quality writes them)
 * become sentences in the screen's language with the same numbers; digits inside EA codes and interview
 * ids are not taken for numbers; an unknown code keeps the server's message.
 */
import { describe, expect, it } from 'vitest';
import { flagKind, flagLabel, flagSentence } from '../../client/review/flag-text.ts';

const flag = (code: string, message: string) => ({ code, message });

describe('flag sentences', () => {
  it('a short section in Portuguese, with its numbers, without the code', () => {
    const f = flag(
      'quality.short_module',
      'The page c_roster took 41.5 s, less than 40% of its median 212.3 s.',
    );
    expect(flagSentence(f, 'pt')).toBe('Esta secção levou 41.5 s, menos de 40% da sua mediana (212.3 s).');
    expect(flagSentence(f, 'pt')).not.toContain('quality');
    expect(flagKind(f.code, 'pt')).toBe('Verificar');
  });

  it('keeps EA codes, interview ids and clock times apart from the numbers', () => {
    expect(
      flagSentence(
        flag(
          'quality.gps_far',
          'The GPS position is 7.4 km from the centre of EA CV-PR-0012 (more than 2 km): was the interview done in the EA?',
        ),
        'en',
      ),
    ).toBe(
      'The GPS position is 7.4 km from the centre of the EA (more than 2 km): was the interview done in the EA?',
    );
    expect(
      flagSentence(
        flag(
          'quality.near_duplicate',
          '96% of the 118 answers are identical to interview 3f2a9c1e-0b1d-4c5e-9f00-123456789abc: check that both households were really interviewed.',
        ),
        'pt',
      ),
    ).toBe(
      '96% das 118 respostas são iguais às de outra entrevista: confirme que os dois agregados foram mesmo entrevistados.',
    );
    expect(
      flagSentence(
        flag('quality.odd_hours', 'The interview started at 05:12 local time, outside 7:00 to 21:00.'),
        'pt',
      ),
    ).toBe('A entrevista começou às 05:12, fora do horário das 7:00 às 21:00.');
  });

  it('without the numbers it expects, the plain sentence; an unknown code, the message as sent', () => {
    expect(flagSentence(flag('quality.short_duration', 'too short'), 'pt')).toBe(
      'A entrevista foi muito mais curta do que é habitual.',
    );
    expect(flagSentence(flag('quality.new_rule', 'Something new.'), 'pt')).toBe('Something new.');
    expect(flagKind('validation.required', 'pt')).toBe('Erro');
    expect(flagKind('validation.warning', 'en')).toBe('Warning');
  });

  it('speaks French and Kriolu too, with the same numbers', () => {
    const f = flag(
      'quality.short_module',
      'The page c_roster took 41.5 s, less than 40% of its median 212.3 s.',
    );
    expect(flagSentence(f, 'fr')).toBe('Cette section a pris 41.5 s, moins de 40% de sa médiane (212.3 s).');
    expect(flagSentence(f, 'kea')).toBe('Es sekson leba 41.5 s, ménus di 40% di se mediana (212.3 s).');
    expect(flagKind(f.code, 'fr')).toBe('À vérifier');
    expect(flagKind('validation.required', 'kea')).toBe('Eru');
    expect(flagLabel('quality.gps_missing', 'fr')).toBe("Aucune position GPS n'a été enregistrée.");
  });

  it("a missing required answer in the screen's language, not survey-core's text in the questionnaire's", () => {
    const f = flag('validation.required', 'Por favor, responda à pergunta.');
    expect(flagSentence(f, 'en')).toBe('This question must be answered, and it has no answer.');
    expect(flagSentence(f, 'fr')).toBe("Cette question est obligatoire et n'a pas de réponse.");
    expect(flagSentence(f, 'pt')).toBe('Esta pergunta é obrigatória e não tem resposta.');
  });
});
