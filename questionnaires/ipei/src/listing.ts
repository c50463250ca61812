/** The IPEI dwelling listing and eligibility screener (questionnaire id `ipei-listing`), one form per EA. */
import { ISLANDS, MUNICIPALITIES } from './codelists.ts';
import { calc, check, int, type Json, L, lookup, panelize, single, text, YES_NO, YES_NO_DK } from './dsl.ts';

const p = (n: string) => `{panel.${n}}`;
const pre = { readOnly: true };
const contacted = `${p('l05_disposition')} anyof [1, 2]`;

export const listing: Json = {
  title: L('IPEI: listagem de alojamentos e triagem'),
  description: L('Dados de demonstração sintéticos. Não são estatísticas oficiais do INE-CV nem da AAI.'),
  locale: 'pt',
  showQuestionNumbers: 'off',
  calculatedValues: [
    { name: 'ea_n_eligible', expression: "sumInArray({dwellings}, 'l09_eligible')", includeIntoResult: true },
  ],
  pages: [
    {
      name: 'ea',
      title: L('Distrito de recenseamento'),
      elements: [
        lookup('a02_island', L('Ilha'), ISLANDS, pre),
        {
          type: 'dropdown',
          name: 'a03_municipality',
          title: L('Concelho'),
          choices: MUNICIPALITIES.map(([iso, name]) => ({ value: iso, text: name })),
          isRequired: true,
          ...pre,
        },
        text('a04_ea', L('Código do DR'), pre),
      ],
    },
    {
      name: 'dwellings_page',
      title: L('Alojamentos'),
      elements: [
        {
          type: 'paneldynamic',
          name: 'dwellings',
          title: L('Alojamentos listados'),
          templateTitle: L('Alojamento {panel.l01_dwelling}'),
          minPanelCount: 1,
          maxPanelCount: 600,
          keyName: 'l01_dwelling',
          templateElements: panelize([
            int('l01_dwelling', L('Número do alojamento'), 1, 9999),
            text('l02_address', L('Endereço ou descrição')),
            int('l03_visits', L('Número de visitas'), 1, 3),
            text('l04_gps', L('GPS (automático)'), { required: false, readOnly: true }),
            single(
              'l05_disposition',
              L('Resultado da triagem'),
              [
                [1, L('Agregado elegível')],
                [2, L('Não elegível (nenhum residente de nacionalidade estrangeira)')],
                [3, L('Sem contacto após 3 visitas')],
                [4, L('Triagem recusada')],
                [5, L('Vago ou sazonal')],
                [6, L('Não é alojamento / demolido / não encontrado')],
              ],
              {
                validators: [
                  check(
                    `${p('l05_disposition')} <> 3 or ${p('l03_visits')} = 3`,
                    L('"Sem contacto" exige 3 visitas.'),
                  ),
                  check(
                    `${p('l05_disposition')} <> 1 or ${p('l09_eligible')} = 1`,
                    L('Elegível, mas a triagem não indica residente estrangeiro.'),
                  ),
                  check(
                    `${p('l05_disposition')} <> 2 or ${p('l09_eligible')} = 0`,
                    L('Não elegível, mas a triagem indica residente estrangeiro.'),
                  ),
                ],
              },
            ),
            int('l06_households', L('Número de agregados no alojamento'), 1, 9, { visibleIf: contacted }),
            text('l07_head_name', L('Nome do representante do agregado'), { visibleIf: contacted }),
            int('l08_residents', L('Número de residentes habituais'), 1, 30, { visibleIf: contacted }),
            single(
              'b02_foreign_nat',
              L('Algum residente tem nacionalidade diferente da cabo-verdiana?'),
              YES_NO_DK,
              { visibleIf: contacted },
            ),
            single('b03_stateless', L('Algum residente é apátrida?'), YES_NO, { visibleIf: contacted }),
            single('b04_foreign_born', L('Algum residente nasceu fora de Cabo Verde?'), YES_NO, {
              visibleIf: contacted,
            }),
            calc(
              'l09_eligible',
              L('Elegível (1 = sim)'),
              `iif(${p('b02_foreign_nat')} = 1 or ${p('b03_stateless')} = 1, 1, 0)`,
            ),
          ]),
        },
      ],
    },
  ],
};
