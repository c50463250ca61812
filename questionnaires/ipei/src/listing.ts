/** The IPEI dwelling listing and eligibility screener (questionnaire id `ipei-listing`), one form per EA. */
import { ISLANDS, MUNICIPALITIES } from './codelists.ts';
import { calc, check, int, type Json, L, lookup, panelize, single, text, YES_NO, YES_NO_DK } from './dsl.ts';

const p = (n: string) => `{panel.${n}}`;
const pre = { readOnly: true };
const contacted = `${p('l05_disposition')} anyof [1, 2]`;

export const listing: Json = {
  title: L(
    'IPEI: listagem de alojamentos e triagem',
    'IPEI: dwelling listing and screener',
    'IPEI : listage des logements et filtrage',
    'IPEI: listajen di kaza y triajen',
    'IPEI: lim kër yi ak seet',
    'IPEI：住所清单和筛选',
  ),
  description: L(
    'Dados de demonstração sintéticos. Não são estatísticas oficiais do INE-CV nem da AAI.',
    'Synthetic demonstration instrument. Not official statistics of INE-CV or AAI.',
    'Instrument de démonstration synthétique. Pas des statistiques officielles de l’INE-CV ni de l’AAI.',
  ),
  locale: 'pt',
  showQuestionNumbers: 'off',
  calculatedValues: [
    { name: 'ea_n_eligible', expression: "sumInArray({dwellings}, 'l09_eligible')", includeIntoResult: true },
  ],
  pages: [
    {
      name: 'ea',
      title: L(
        'Distrito de recenseamento',
        'Enumeration area',
        'District de recensement',
        'DR',
        'Gox',
        '普查区',
      ),
      elements: [
        lookup('a02_island', L('Ilha', 'Island', 'Île', 'Ilha', 'Dun', '岛屿'), ISLANDS, pre),
        {
          type: 'dropdown',
          name: 'a03_municipality',
          title: L('Concelho', 'Municipality', 'Municipalité', 'Konsedju', 'Meeri', '市镇'),
          choices: MUNICIPALITIES.map(([iso, name]) => ({ value: iso, text: name })),
          isRequired: true,
          ...pre,
        },
        text(
          'a04_ea',
          L('Código do DR', 'EA code', 'Code du DR', 'Kódigu di DR', 'Kodu gox', '普查区代码'),
          pre,
        ),
      ],
    },
    {
      name: 'dwellings_page',
      title: L('Alojamentos', 'Dwellings', 'Logements', 'Kaza', 'Kër yi', '住所'),
      elements: [
        {
          type: 'paneldynamic',
          name: 'dwellings',
          title: L(
            'Alojamentos listados',
            'Listed dwellings',
            'Logements listés',
            'Kaza listadu',
            'Kër yi ñu lim',
            '已列出的住所',
          ),
          templateTitle: L(
            'Alojamento {panel.l01_dwelling}',
            'Dwelling {panel.l01_dwelling}',
            'Logement {panel.l01_dwelling}',
            'Kaza {panel.l01_dwelling}',
            'Kër {panel.l01_dwelling}',
            '住所 {panel.l01_dwelling}',
          ),
          minPanelCount: 1,
          maxPanelCount: 600,
          keyName: 'l01_dwelling',
          templateElements: panelize([
            int(
              'l01_dwelling',
              L(
                'Número do alojamento',
                'Dwelling number',
                'Numéro du logement',
                'Númeru di kaza',
                'Limu kër',
                '住所编号',
              ),
              1,
              9999,
            ),
            text(
              'l02_address',
              L(
                'Endereço ou descrição',
                'Address or description',
                'Adresse ou description',
                'Enderesu',
                'Adrees',
                '地址或描述',
              ),
            ),
            int(
              'l03_visits',
              L(
                'Número de visitas',
                'Number of visits',
                'Nombre de visites',
                'Númeru di vizita',
                'Limu nemmeeku',
                '访问次数',
              ),
              1,
              3,
            ),
            text(
              'l04_gps',
              L('GPS (automático)', 'GPS (automatic)', 'GPS (automatique)', 'GPS', 'GPS', 'GPS（自动）'),
              { required: false, readOnly: true },
            ),
            single(
              'l05_disposition',
              L(
                'Resultado da triagem',
                'Screening result',
                'Résultat du filtrage',
                'Rezultadu di triajen',
                'Njureefu seet',
                '筛选结果',
              ),
              [
                [
                  1,
                  L(
                    'Agregado elegível',
                    'Eligible household',
                    'Ménage éligible',
                    'Kaza ilejível',
                    'Kër gu war',
                    '符合资格的住户',
                  ),
                ],
                [
                  2,
                  L(
                    'Não elegível (nenhum residente de nacionalidade estrangeira)',
                    'Ineligible (no foreign-national usual resident)',
                    'Non éligible (aucun résident étranger)',
                    'Ka ilejível',
                    'Warul',
                    '不符合资格（无外籍常住居民）',
                  ),
                ],
                [
                  3,
                  L(
                    'Sem contacto após 3 visitas',
                    'No contact after 3 visits',
                    'Pas de contact après 3 visites',
                    'Sen kontatu',
                    'Amul jokkoo',
                    '3 次访问未接触',
                  ),
                ],
                [
                  4,
                  L(
                    'Triagem recusada',
                    'Screener refused',
                    'Filtrage refusé',
                    'Ka seta',
                    'Bañ nañu',
                    '拒绝筛选',
                  ),
                ],
                [
                  5,
                  L(
                    'Vago ou sazonal',
                    'Vacant or seasonal dwelling',
                    'Vacant ou saisonnier',
                    'Bazu',
                    'Kenn dëkkul',
                    '空置或季节性住所',
                  ),
                ],
                [
                  6,
                  L(
                    'Não é alojamento / demolido / não encontrado',
                    'Not a dwelling / demolished / not found',
                    'Pas un logement / démoli / introuvable',
                    'Ka é kaza',
                    'Du kër',
                    '非住所/已拆除/未找到',
                  ),
                ],
              ],
              {
                validators: [
                  check(
                    `${p('l05_disposition')} <> 3 or ${p('l03_visits')} = 3`,
                    L(
                      '"Sem contacto" exige 3 visitas.',
                      '"No contact" requires 3 visits.',
                      '« Pas de contact » exige 3 visites.',
                      'Meste 3 vizita.',
                      '3 nemmeeku lañu soxla.',
                      '“未接触”需要 3 次访问。',
                    ),
                  ),
                  check(
                    `${p('l05_disposition')} <> 1 or ${p('l09_eligible')} = 1`,
                    L(
                      'Elegível, mas a triagem não indica residente estrangeiro.',
                      'Eligible, but the screener shows no foreign resident.',
                      'Éligible, mais le filtrage n’indique aucun résident étranger.',
                      'Triajen ka ta mostra stranjeru.',
                      'Seet bi wonewul doxandeem.',
                      '标为符合资格，但筛选未显示外籍居民。',
                    ),
                  ),
                  check(
                    `${p('l05_disposition')} <> 2 or ${p('l09_eligible')} = 0`,
                    L(
                      'Não elegível, mas a triagem indica residente estrangeiro.',
                      'Ineligible, but the screener shows a foreign resident.',
                      'Non éligible, mais le filtrage indique un résident étranger.',
                      'Triajen ta mostra stranjeru.',
                      'Seet bi wone na doxandeem.',
                      '标为不符合资格，但筛选显示外籍居民。',
                    ),
                  ),
                ],
              },
            ),
            int(
              'l06_households',
              L(
                'Número de agregados no alojamento',
                'Number of households in the dwelling',
                'Nombre de ménages dans le logement',
                'Númeru di famílha',
                'Ñaata njaboot',
                '住所内住户数',
              ),
              1,
              9,
              { visibleIf: contacted },
            ),
            text(
              'l07_head_name',
              L(
                'Nome do representante do agregado',
                'Name of the reference person',
                'Nom de la personne de référence',
                'Nómi di xefi di kaza',
                'Turu boroom kër',
                '户主姓名',
              ),
              { visibleIf: contacted },
            ),
            int(
              'l08_residents',
              L(
                'Número de residentes habituais',
                'Number of usual residents',
                'Nombre de résidents habituels',
                'Númeru di algen',
                'Ñaata nit ñoo fi dëkk',
                '常住人数',
              ),
              1,
              30,
              { visibleIf: contacted },
            ),
            single(
              'b02_foreign_nat',
              L(
                'Algum residente tem nacionalidade diferente da cabo-verdiana?',
                'Does any usual resident have a nationality other than Cabo Verdean?',
                'Un résident a-t-il une nationalité autre que cap-verdienne ?',
                'Algen ten otu nasionalidadi?',
                'Ndax am na ku am beneen réew?',
                '是否有居民拥有佛得角以外的国籍？',
              ),
              YES_NO_DK,
              { visibleIf: contacted },
            ),
            single(
              'b03_stateless',
              L(
                'Algum residente é apátrida?',
                'Is any usual resident stateless?',
                'Un résident est-il apatride ?',
                'Algen ka ten nasionalidadi?',
                'Ndax am na ku amul réew?',
                '是否有居民无国籍？',
              ),
              YES_NO,
              { visibleIf: contacted },
            ),
            single(
              'b04_foreign_born',
              L(
                'Algum residente nasceu fora de Cabo Verde?',
                'Was any usual resident born outside Cabo Verde?',
                'Un résident est-il né hors du Cap-Vert ?',
                'Algen nase fóra?',
                'Ndax am na ku juddu bitim réew?',
                '是否有居民出生在佛得角以外？',
              ),
              YES_NO,
              { visibleIf: contacted },
            ),
            calc(
              'l09_eligible',
              L('Elegível (1 = sim)', 'Eligible (1 = yes)', 'Éligible (1 = oui)', 'Ilejível (1 = sin)'),
              `iif(${p('b02_foreign_nat')} = 1 or ${p('b03_stateless')} = 1, 1, 0)`,
            ),
          ]),
        },
      ],
    },
  ],
};
