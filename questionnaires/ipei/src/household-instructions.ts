/**
 * v3: the enumerator's instructions (question descriptions, shown on the tablet under the question): brief
 * definitions for the labour questions (19th ICLS), income, who may answer for whom and the residence status.
 * One home for them: addInstructions puts each on its question and refuses a name the questionnaire lacks.
 */
import { type Json, L, type Loc } from './dsl.ts';

export const INSTRUCTIONS: Record<string, Loc> = {
  g01_worked: L(
    'Conte qualquer trabalho de pelo menos 1 hora, pago em dinheiro ou em espécie, incluindo biscates, venda na rua e ajuda sem salário no negócio da família. Não conte o trabalho doméstico no próprio agregado nem o voluntariado.',
  ),
  g02_absent: L(
    'Inclua quem tem trabalho ou negócio mas não trabalhou na semana passada (férias, doença, licença, formação, época baixa, falta de trabalho); o motivo vem a seguir.',
  ),
  g04_searched: L(
    'Conte só passos concretos nas últimas 4 semanas (contactar empregadores ou conhecidos, candidaturas, anúncios, passos para abrir um negócio); só pensar em procurar não conta.',
  ),
  g06_available: L(
    'Disponível: poderia começar se lhe oferecessem um trabalho agora, nas próximas 2 semanas.',
  ),
  g10_icse: L(
    'Conta própria: trabalha para si sem empregados pagos regularmente. Trabalhador familiar: ajuda no negócio de um familiar sem salário.',
  ),
  g13_hours: L(
    'Horas numa semana normal, incluindo as horas extraordinárias habituais; sem pausas para refeição nem deslocações.',
  ),
  g13b_hours_main: L(
    'Horas realmente trabalhadas na semana passada, incluindo horas extraordinárias; sem férias, feriados nem dias de doença.',
  ),
  g14_income: L(
    'Líquido: depois de impostos e contribuições. Se varia, a média dos últimos 3 meses; inclua o valor dos pagamentos em espécie. Se não sabe ou recusa, registe -98 ou -99: o escalão é perguntado a seguir.',
  ),
  h10_hh_income_band: L(
    'Leia os escalões. Conte todos os membros e todas as fontes, depois de impostos. Se o respondente hesitar, aceite uma estimativa antes de registar “Não sabe”.',
  ),
  z01_respondent: L(
    'Proxy só para os módulos D a G, por outro membro com 15 anos ou mais que conheça bem a pessoa; os módulos I a M são só do próprio.',
  ),
  e01_residence_status: L(
    'Pergunte sem pedir para ver documentos. “Não precisa” só para quem tem nacionalidade cabo-verdiana.',
  ),
};

/** Sets each instruction as the description of its question, on pages and inside their rosters. */
export function addInstructions(survey: Json): Json {
  const used = new Set<string>();
  const add = (elements: Json[]): Json[] =>
    elements.map((e) => {
      const own = { ...e };
      if (Array.isArray(e.templateElements)) own.templateElements = add(e.templateElements as Json[]);
      const text = INSTRUCTIONS[String(e.name)];
      if (text) {
        own.description = text;
        used.add(String(e.name));
      }
      return own;
    });
  const pages = (survey.pages as Json[]).map((p) => ({ ...p, elements: add(p.elements as Json[]) }));
  const unknown = Object.keys(INSTRUCTIONS).filter((name) => !used.has(name));
  if (unknown.length)
    throw new Error(`instructions for questions the questionnaire lacks: ${unknown.join(', ')}`);
  return { ...survey, pages };
}
