/**
 * The IPEI dwelling listing and eligibility screener (questionnaire id `ipei-listing`), one form per EA: this
 * source is listing.v2, which lists households, not dwellings. Each contacted dwelling (l05 = 7) has a roster of
 * its households (l10-l17): head's name, size, nationality group (l14; for a foreign household, l14a its foreign
 * nationality group, the weighting's household class) and the screener, each household with its own
 * screening result l16 (1 eligible, 2 ineligible, 3 no contact, 4 refused, 8 unknown eligibility: the
 * nationality group is "don't know"), so a foreign lodger household in a Cabo Verdean family's dwelling is a unit
 * of its own. listing.v1 (dwellings, l06 only a count of households) is fielded and kept as committed.
 */
import { ISLANDS, MUNICIPALITIES } from './codelists.ts';
import { calc, check, int, type Json, L, lookup, panelize, single, text, YES_NO_DK } from './dsl.ts';

const p = (n: string) => `{panel.${n}}`;
const pre = { readOnly: true };
const listed = `${p('l05_disposition')} = 7`;
const screened = `${p('l13_hh_contact')} = 1`;

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
                [7, L('Contacto feito: agregados listados')],
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
                ],
              },
            ),
            {
              type: 'paneldynamic',
              name: 'households',
              title: L('Agregados do alojamento'),
              description: L(
                'Um painel por agregado (quem partilha as refeições e o orçamento), incluindo hóspedes e inquilinos.',
              ),
              templateTitle: L('Agregado {panel.l10_household}'),
              visibleIf: listed,
              isRequired: true,
              minPanelCount: 0,
              maxPanelCount: 9,
              keyName: 'l10_household',
              keyDuplicationError: L('Este número de agregado já foi usado neste alojamento.'),
              templateElements: panelize([
                int('l10_household', L('Número do agregado no alojamento'), 1, 9),
                text('l11_head_name', L('Nome do representante do agregado')),
                single(
                  'l13_hh_contact',
                  L('Resultado do contacto com o agregado'),
                  [
                    [1, L('Triagem feita')],
                    [3, L('Sem contacto após 3 visitas')],
                    [4, L('Triagem recusada')],
                  ],
                  {
                    validators: [
                      check(
                        `${p('l13_hh_contact')} <> 3 or {parentPanel.l03_visits} = 3`,
                        L('"Sem contacto" exige 3 visitas ao alojamento.'),
                      ),
                    ],
                  },
                ),
                int('l12_size', L('Número de membros do agregado'), 1, 30, { visibleIf: screened }),
                single(
                  'l14_nat_group',
                  L('Nacionalidade dos membros do agregado'),
                  [
                    [1, L('Todos só de nacionalidade cabo-verdiana')],
                    [2, L('Algum membro de nacionalidade estrangeira ou apátrida')],
                    [98, L('Não sabe')],
                  ],
                  { visibleIf: screened },
                ),
                // the household's class of the weighting's nonresponse cells (weighting.json, hh_class): the
                // choice values are that variable's categories, checked by tests/questionnaires/listing-v2.test.ts
                single(
                  'l14a_nat_class',
                  L(
                    'Nacionalidade estrangeira do agregado (a do representante, ou a do primeiro membro estrangeiro)',
                  ),
                  [
                    [
                      'ECOWAS',
                      L('CEDEAO: Guiné-Bissau, Senegal, Nigéria, Guiné-Conacri ou outro país da CEDEAO'),
                    ],
                    ['Other-Africa', L('Outro país africano: São Tomé e Príncipe, Angola, ...')],
                    ['Europe', L('Europa: Portugal, Itália ou outro país europeu')],
                    ['Other', L('Outro: Américas, Ásia, apátrida, ...')],
                  ],
                  { visibleIf: `${screened} and ${p('l14_nat_group')} = 2` },
                ),
                single(
                  'l15_foreign_born',
                  L('Algum membro do agregado nasceu fora de Cabo Verde?'),
                  YES_NO_DK,
                  {
                    visibleIf: screened,
                  },
                ),
                calc(
                  'l16_hh_disposition',
                  L('Resultado da triagem do agregado'),
                  `iif(${p('l13_hh_contact')} = 1, iif(${p('l14_nat_group')} = 2, 1, iif(${p('l14_nat_group')} = 1, 2, 8)), ${p('l13_hh_contact')})`,
                ),
                calc('l17_eligible', L('Elegível (1 = sim)'), `iif(${p('l16_hh_disposition')} = 1, 1, 0)`),
              ]),
            },
            calc(
              'l09_eligible',
              L('Agregados elegíveis no alojamento'),
              `sumInArray(${p('households')}, 'l17_eligible')`,
            ),
          ]),
        },
      ],
    },
  ],
};
