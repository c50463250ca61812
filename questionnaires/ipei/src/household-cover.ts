/** Modules A (cover and consent), B (screener) and C (household roster) of the IPEI household interview. */
import { COUNTRIES, ISLANDS, MUNICIPALITIES, NATIONALITIES } from './codelists.ts';
import {
  type Choice,
  calc,
  check,
  date,
  int,
  type Json,
  L,
  lookup,
  panelize,
  single,
  text,
  warn,
  YES_NO,
  YES_NO_DK,
} from './dsl.ts';

const pre = {
  readOnly: true,
  description: L(
    'Pré-carregado da atribuição.',
    'Preloaded from the assignment.',
    'Prérempli depuis l’affectation.',
    'Prekaregadu di atribuison.',
    'Dafa jëkk a bind.',
    '根据任务预先填写。',
  ),
};
const municipalities = MUNICIPALITIES.map(([iso, name]) => ({ value: iso, text: name }));

export const coverPage: Json = {
  name: 'a_cover',
  title: L(
    'A. Capa e consentimento',
    'A. Cover and consent',
    'A. Couverture et consentement',
    'A. Kapa y konsentimentu',
    'A. Xët wu jëkk ak nangu',
    'A. 封面和知情同意',
  ),
  elements: [
    calc(
      'a01_key',
      L(
        'Chave da entrevista',
        'Interview key',
        'Clé de l’entretien',
        'Xavi di entrevista',
        'Caabi waxtaan wi',
        '访问编号',
      ),
      "{a04_ea} + '-' + {a05_dwelling} + '-' + {a06_household}",
    ),
    lookup('a02_island', L('Ilha', 'Island', 'Île', 'Ilha', 'Dun', '岛屿'), ISLANDS, pre),
    {
      type: 'dropdown',
      name: 'a03_municipality',
      title: L('Concelho', 'Municipality', 'Municipalité', 'Konsedju', 'Meeri', '市镇'),
      choices: municipalities,
      searchEnabled: true,
      isRequired: true,
      ...pre,
    },
    text(
      'a04_ea',
      L(
        'Código do distrito de recenseamento (DR)',
        'Enumeration area (EA) code',
        'Code du district de recensement (DR)',
        'Kódigu di DR',
        'Kodu gox bu ñuy lim',
        '普查区代码',
      ),
      pre,
    ),
    int(
      'a05_dwelling',
      L(
        'Número do alojamento na listagem',
        'Dwelling number from the listing',
        'Numéro du logement dans le listage',
        'Númeru di kaza na listajen',
        'Limu kër gi ci lim bi',
        '清单中的住所编号',
      ),
      1,
      9999,
      pre,
    ),
    int(
      'a06_household',
      L(
        'Número do agregado no alojamento',
        'Household number in the dwelling',
        'Numéro du ménage dans le logement',
        'Númeru di famílha na kaza',
        'Limu njaboot gi ci kër gi',
        '住所内的住户编号',
      ),
      1,
      9,
      pre,
    ),
    text(
      'a06b_gps',
      L('GPS (automático)', 'GPS (automatic)', 'GPS (automatique)', 'GPS (otomátiku)', 'GPS', 'GPS（自动）'),
      { readOnly: true, required: false },
    ),
    int(
      'a07_visit',
      L(
        'Número da visita',
        'Visit number',
        'Numéro de la visite',
        'Númeru di vizita',
        'Limu nemmeeku bi',
        '访问次数',
      ),
      1,
      3,
    ),
    single(
      'a08_language',
      L(
        'Língua da entrevista',
        'Interview language',
        'Langue de l’entretien',
        'Lingua di entrevista',
        'Làkk wi ñuy waxtaane',
        '访问语言',
      ),
      [
        [1, L('Português', 'Portuguese', 'Portugais', 'Purtugês', 'Portugees', '葡萄牙语')],
        [
          2,
          L(
            'Kriolu cabo-verdiano',
            'Cabo Verdean Kriolu',
            'Créole capverdien',
            'Kriolu',
            'Kiriyol bu Kabo Werde',
            '佛得角克里奥尔语',
          ),
        ],
        [3, L('Francês', 'French', 'Français', 'Fransês', 'Faranse', '法语')],
        [4, L('Inglês', 'English', 'Anglais', 'Inglês', 'Angale', '英语')],
        [5, L('Wolof', 'Wolof', 'Wolof', 'Wolof', 'Wolof', '沃洛夫语')],
        [6, L('Mandarim', 'Mandarin Chinese', 'Mandarin', 'Xinês mandarin', 'Sinwaa', '普通话')],
        [
          96,
          L(
            'Outra, com intérprete',
            'Other, with interpreter',
            'Autre, avec interprète',
            'Otu, ku intérpreti',
            'Beneen, ak tekkikat',
            '其他（使用口译）',
          ),
        ],
      ],
    ),
    single(
      'a09_interpreter',
      L(
        'Foi usado intérprete?',
        'Was an interpreter used?',
        'Un interprète a-t-il été utilisé ?',
        'Uza intérpreti?',
        'Ndax tekkikat am na?',
        '是否使用了口译？',
      ),
      [
        [1, L('Não', 'No', 'Non', 'Nãu', 'Déedéet', '否')],
        [
          2,
          L(
            'Sim, membro do agregado',
            'Yes, a household member',
            'Oui, un membre du ménage',
            'Sin, algen di kaza',
            'Waaw, ku bokk ci kër gi',
            '是，住户成员',
          ),
        ],
        [
          3,
          L(
            'Sim, mediador da AAI/ULI',
            'Yes, an AAI/ULI mediator',
            'Oui, un médiateur AAI/ULI',
            'Sin, mediador di AAI/ULI',
            'Waaw, dajalekat bu AAI/ULI',
            '是，AAI/ULI 调解员',
          ),
        ],
        [4, L('Sim, outro', 'Yes, other', 'Oui, autre', 'Sin, otu', 'Waaw, beneen', '是，其他')],
      ],
      { visibleIf: '{a08_language} <> 1' },
    ),
    single(
      'a10_consent',
      L(
        'Depois de ler a informação sobre o inquérito, aceita participar?',
        'Having heard the information about the survey, do you agree to take part?',
        'Après avoir entendu les informations sur l’enquête, acceptez-vous de participer ?',
        'Dipôs di obi informason sobri inkéritu, bu ta seta partisipa?',
        'Ginnaaw bi nga déggee xibaar yi, ndax nangu nga bokk?',
        '听完调查说明后，您是否同意参加？',
      ),
      // v2: a visit without anyone to ask (no one at home, language barrier, other) is recorded here,
      // then its result (14-16) at the end; v1 could only record a refusal.
      [
        ...YES_NO,
        [
          3,
          L(
            'Entrevista impossível: ninguém em casa, barreira linguística ou outro motivo (registe o resultado no fim)',
            'No interview possible: no one at home, language barrier or other reason (record the result at the end)',
            'Entretien impossible : personne au domicile, barrière linguistique ou autre raison (notez le résultat à la fin)',
            'Entrevista ka ta da: ningen na kaza, barera di lingua ô otu motivu (rejista rezultadu na fin)',
            'Waxtaan mënul am: kenn nekku ci kër gi, làkk walla beneen (bindal njureef bi ci mujj gi)',
            '无法访问：家中无人、语言障碍或其他原因（在最后记录结果）',
          ),
        ] as Choice,
      ],
    ),
  ],
};

const eligibleHousehold = '{a10_consent} = 1 and {b05_eligible} = 1';

export const screenerPage: Json = {
  name: 'b_screener',
  title: L(
    'B. Triagem e elegibilidade',
    'B. Screener and eligibility',
    'B. Filtrage et éligibilité',
    'B. Triajen y ilejibilidadi',
    'B. Seet ku war a bokk',
    'B. 筛选和资格',
  ),
  visibleIf: '{a10_consent} = 1',
  elements: [
    int(
      'b01_residents',
      L(
        'Quantas pessoas residem habitualmente neste agregado?',
        'How many people usually live in this household?',
        'Combien de personnes vivent habituellement dans ce ménage ?',
        'Kantu algen ta mora normalmenti na es kaza?',
        'Ñaata nit ñoo dëkk ci kër gii?',
        '通常有多少人住在这个住户？',
      ),
      1,
      30,
      {
        validators: [
          warn(
            '{b01_residents} <= 12',
            L(
              'Mais de 12 residentes: confirme.',
              'More than 12 residents: please confirm.',
              'Plus de 12 résidents : confirmez.',
              'Más di 12 algen: konfirma.',
              'Lu ëpp 12 nit: dëggal ko.',
              '超过 12 名居民：请确认。',
            ),
          ),
        ],
      },
    ),
    single(
      'b02_foreign_nat',
      L(
        'Algum residente habitual tem nacionalidade diferente da cabo-verdiana?',
        'Does any usual resident have a nationality other than Cabo Verdean?',
        'Un résident habituel a-t-il une nationalité autre que cap-verdienne ?',
        'Algen ki ta mora li ten otu nasionalidadi ki ka kabuverdianu?',
        'Ndax am na ku dëkk fii te am beneen réew bu dul Kabo Werde?',
        '是否有常住居民拥有佛得角以外的国籍？',
      ),
      YES_NO_DK,
    ),
    single(
      'b03_stateless',
      L(
        'Algum residente habitual é apátrida (sem nacionalidade)?',
        'Is any usual resident stateless (without nationality)?',
        'Un résident habituel est-il apatride (sans nationalité) ?',
        'Algen ki ta mora li ka ten nenhun nasionalidadi?',
        'Ndax am na ku dëkk fii te amul réew?',
        '是否有常住居民无国籍？',
      ),
      YES_NO,
    ),
    single(
      'b04_foreign_born',
      L(
        'Algum residente habitual nasceu fora de Cabo Verde?',
        'Was any usual resident born outside Cabo Verde?',
        'Un résident habituel est-il né hors du Cap-Vert ?',
        'Algen ki ta mora li nase fóra di Kabu Verdi?',
        'Ndax am na ku dëkk fii te juddu bitim Kabo Werde?',
        '是否有常住居民出生在佛得角以外？',
      ),
      YES_NO,
    ),
    calc(
      'b05_eligible',
      L(
        'Agregado elegível (1 = sim)',
        'Household eligible (1 = yes)',
        'Ménage éligible (1 = oui)',
        'Kaza ilejível (1 = sin)',
        'Kër gi war na (1 = waaw)',
        '住户符合资格（1 = 是）',
      ),
      'iif({b02_foreign_nat} = 1 or {b03_stateless} = 1, 1, 0)',
    ),
    calc(
      'b05a_extended_only',
      L(
        'Só no universo alargado (nascido no estrangeiro)',
        'Extended universe only (foreign-born)',
        'Univers élargi seulement (né à l’étranger)',
      ),
      'iif({b05_eligible} = 0 and {b04_foreign_born} = 1, 1, 0)',
    ),
  ],
};

const relationship: Choice[] = [
  [
    1,
    L(
      'Representante do agregado',
      'Reference person',
      'Personne de référence',
      'Xefi di kaza',
      'Boroom kër',
      '户主',
    ),
  ],
  [
    2,
    L(
      'Cônjuge/companheiro(a)',
      'Spouse/partner',
      'Conjoint(e)/partenaire',
      'Mudjer/maridu',
      'Jabar/jëkkër',
      '配偶/伴侣',
    ),
  ],
  [3, L('Filho(a)', 'Son/daughter', 'Fils/fille', 'Fidju', 'Doom', '子女')],
  [4, L('Enteado(a)', 'Stepchild', 'Beau-fils/belle-fille', 'Intiadu', 'Doomu jabar/jëkkër', '继子女')],
  [
    5,
    L(
      'Pai/mãe/sogro(a)',
      'Parent/parent-in-law',
      'Parent/beau-parent',
      'Pai/mai/sogru',
      'Baay/yaay/goro',
      '父母/岳父母',
    ),
  ],
  [6, L('Irmão/irmã', 'Sibling', 'Frère/sœur', 'Irmon', 'Mag/rakk', '兄弟姐妹')],
  [7, L('Neto(a)', 'Grandchild', 'Petit-enfant', 'Netu', 'Sët', '孙子女')],
  [8, L('Outro parente', 'Other relative', 'Autre parent', 'Otu parenti', 'Beneen mbokk', '其他亲属')],
  [
    9,
    L(
      'Não parente (incl. empregado doméstico)',
      'Non-relative (incl. domestic worker)',
      'Non apparenté (y compris employé de maison)',
      'Ka parenti (inklui impregadu di kaza)',
      'Du mbokk (ak mbindaan)',
      '非亲属（含家政工）',
    ),
  ],
  [96, L('Outro', 'Other', 'Autre', 'Otu', 'Beneen', '其他')],
];
const marital: Choice[] = [
  [1, L('Solteiro(a)', 'Single', 'Célibataire', 'Solteru', 'Séyul', '未婚')],
  [2, L('Casado(a)', 'Married', 'Marié(e)', 'Kazadu', 'Séy na', '已婚')],
  [3, L('União de facto', 'De facto union', 'Union libre', 'Ta vivi djuntu', 'Dëkkandoo', '同居')],
  [
    4,
    L(
      'Separado(a)/divorciado(a)',
      'Separated/divorced',
      'Séparé(e)/divorcé(e)',
      'Separadu/divorsiadu',
      'Tase na',
      '分居/离婚',
    ),
  ],
  [5, L('Viúvo(a)', 'Widowed', 'Veuf/veuve', 'Viúvu', 'Jëkkër/jabar faatu na', '丧偶')],
];

export const rosterPage: Json = {
  name: 'c_roster',
  title: L(
    'C. Composição do agregado',
    'C. Household roster',
    'C. Composition du ménage',
    'C. Algen di kaza',
    'C. Ñi bokk ci kër gi',
    'C. 住户成员名单',
  ),
  visibleIf: eligibleHousehold,
  elements: [
    {
      type: 'paneldynamic',
      name: 'members',
      title: L(
        'Residentes habituais',
        'Usual residents',
        'Résidents habituels',
        'Algen ki ta mora li',
        'Ñi dëkk fii',
        '常住居民',
      ),
      templateTitle: L(
        'Linha {panelIndex}: {panel.c01_name}',
        'Line {panelIndex}: {panel.c01_name}',
        'Ligne {panelIndex} : {panel.c01_name}',
        'Linha {panelIndex}: {panel.c01_name}',
        'Rëdd {panelIndex}: {panel.c01_name}',
        '第 {panelIndex} 行：{panel.c01_name}',
      ),
      minPanelCount: 1,
      maxPanelCount: 30,
      isRequired: true,
      validators: [
        check(
          "countInArray({members}, 'c01_name') = {b01_residents}",
          L(
            'O número de linhas difere do número de residentes (B01).',
            'The number of lines differs from the number of residents (B01).',
            'Le nombre de lignes diffère du nombre de résidents (B01).',
            'Númeru di linha ka ta bate ku B01.',
            'Limu rëdd yi ak B01 ñoo wuute.',
            '行数与居民人数 (B01) 不一致。',
          ),
        ),
        warn(
          "sumInArray({members}, 'c13_eligible') >= 1",
          L(
            'Nenhum membro elegível, mas B02/B03 disse que sim: confirme.',
            'No eligible member although B02/B03 said yes: please confirm.',
            'Aucun membre éligible alors que B02/B03 dit oui : confirmez.',
            'Ninhun algen ilejível: konfirma B02/B03.',
            'Kenn warul: dëggal B02/B03.',
            '没有符合资格的成员，但 B02/B03 为“是”：请确认。',
          ),
        ),
      ],
      templateElements: panelize([
        text('c01_name', L('Primeiro nome', 'First name', 'Prénom', 'Primeru nómi', 'Tur', '名字')),
        single(
          'c02_relationship',
          L(
            'Relação com o representante do agregado',
            'Relationship to the reference person',
            'Lien avec la personne de référence',
            'Relason ku xefi di kaza',
            'Lan la ak boroom kër gi',
            '与户主的关系',
          ),
          relationship,
          {
            validators: [
              warn(
                '{panel.c02_relationship} <> 2 or {panel.c05_age} >= 15',
                L(
                  'Cônjuge com menos de 15 anos: confirme.',
                  'Spouse under 15: please confirm.',
                  'Conjoint de moins de 15 ans : confirmez.',
                  'Kónjuji ku ménus di 15 anu: konfirma.',
                  'Jabar/jëkkër bu amul 15 at: dëggal.',
                  '配偶未满 15 岁：请确认。',
                ),
              ),
            ],
          },
        ),
        single('c03_sex', L('Sexo', 'Sex', 'Sexe', 'Séxu', 'Góor walla jigéen', '性别'), [
          [1, L('Masculino', 'Male', 'Masculin', 'Ómi', 'Góor', '男')],
          [2, L('Feminino', 'Female', 'Féminin', 'Mudjer', 'Jigéen', '女')],
        ]),
        date(
          'c04_birth_date',
          L(
            'Data de nascimento (deixe vazio se não sabe)',
            'Date of birth (leave empty if unknown)',
            'Date de naissance (laisser vide si inconnue)',
            'Data di nasimentu (dexa bazu si ka sabi)',
            'Bisu juddu (bul bind dara su nga xamul)',
            '出生日期（不知道请留空）',
          ),
          { required: false },
        ),
        int(
          'c05_age',
          L(
            'Idade em anos completos',
            'Age in completed years',
            'Âge en années révolues',
            'Idadi na anu kompletu',
            'Ñaata at nga am',
            '周岁年龄',
          ),
          0,
          110,
          {
            validators: [
              check(
                '{panel.c04_birth_date} empty or age({panel.c04_birth_date}) = {panel.c05_age}',
                L(
                  'A idade não corresponde à data de nascimento.',
                  'Age does not match the date of birth.',
                  'L’âge ne correspond pas à la date de naissance.',
                  'Idadi ka ta bate ku data di nasimentu.',
                  'At yi ak bisu juddu bi dëppóowul.',
                  '年龄与出生日期不符。',
                ),
              ),
              warn(
                '{panel.c05_age} <= 95',
                L(
                  'Idade acima de 95: confirme.',
                  'Age above 95: please confirm.',
                  'Âge supérieur à 95 : confirmez.',
                  'Idadi riba di 95: konfirma.',
                  'Ëpp 95 at: dëggal.',
                  '年龄超过 95：请确认。',
                ),
              ),
            ],
          },
        ),
        lookup(
          'c06_birth_country',
          L(
            'País de nascimento',
            'Country of birth',
            'Pays de naissance',
            'Pais di nasimentu',
            'Réew mi nga juddoo',
            '出生国家',
          ),
          COUNTRIES,
        ),
        lookup(
          'c06a_birth_island',
          L(
            'Ilha de nascimento',
            'Island of birth',
            'Île de naissance',
            'Ilha di nasimentu',
            'Dun bi nga juddoo',
            '出生岛屿',
          ),
          ISLANDS,
          { visibleIf: "{panel.c06_birth_country} = 'CV'" },
        ),
        lookup(
          'c07_nationality1',
          L('Nacionalidade', 'Nationality', 'Nationalité', 'Nasionalidadi', 'Réew', '国籍'),
          NATIONALITIES,
        ),
        single(
          'c08_other_nationality',
          L(
            'Tem outra nacionalidade?',
            'Does this person have another nationality?',
            'A-t-il/elle une autre nationalité ?',
            'Ten otu nasionalidadi?',
            'Ndax am na beneen réew?',
            '是否有其他国籍？',
          ),
          YES_NO,
          { visibleIf: "{panel.c07_nationality1} <> 'XX'" },
        ),
        lookup(
          'c08a_nationality2',
          L(
            'Qual é a outra nacionalidade?',
            'Which is the other nationality?',
            'Quelle est l’autre nationalité ?',
            'Kal ki otu nasionalidadi?',
            'Ban réew la?',
            '另一个国籍是什么？',
          ),
          COUNTRIES,
          {
            visibleIf: '{panel.c08_other_nationality} = 1',
            validators: [
              check(
                '{panel.c08a_nationality2} <> {panel.c07_nationality1}',
                L(
                  'A segunda nacionalidade repete a primeira.',
                  'The second nationality repeats the first.',
                  'La seconde nationalité répète la première.',
                  'Sugundu nasionalidadi sta igual a primeru.',
                  'Ñaareelu réew bi ak bu jëkk bi benn lañu.',
                  '第二国籍与第一国籍相同。',
                ),
              ),
            ],
          },
        ),
        single(
          'c09_first_nationality',
          L(
            'Qual é a primeira (principal) nacionalidade?',
            'Which is the first (main) nationality?',
            'Quelle est la première (principale) nationalité ?',
            'Kal ki primeru nasionalidadi?',
            'Ban moo jëkk?',
            '哪个是第一（主要）国籍？',
          ),
          [
            [
              1,
              L(
                'A indicada em C07',
                'The one in C07',
                'Celle de C07',
                'Kel di C07',
                'Bu C07',
                'C07 中的国籍',
              ),
            ],
            [
              2,
              L(
                'A indicada em C08',
                'The one in C08',
                'Celle de C08',
                'Kel di C08',
                'Bu C08',
                'C08 中的国籍',
              ),
            ],
          ],
          { visibleIf: '{panel.c08_other_nationality} = 1' },
        ),
        single(
          'c10_marital',
          L('Estado civil', 'Marital status', 'État matrimonial', 'Stadu sivil', 'Séy', '婚姻状况'),
          marital,
          { visibleIf: '{panel.c05_age} >= 15' },
        ),
        single(
          'c11_cv_ancestry',
          L(
            'Tem pai, mãe ou avô/avó nascido(a) em Cabo Verde?',
            'Does this person have a parent or grandparent born in Cabo Verde?',
            'A-t-il/elle un parent ou grand-parent né au Cap-Vert ?',
            'Ten pai, mai o avó ki nase na Kabu Verdi?',
            'Ndax baay, yaay walla maam juddu na Kabo Werde?',
            '父母或祖父母是否出生在佛得角？',
          ),
          YES_NO_DK,
          { visibleIf: '{panel.c13_eligible} = 1' },
        ),
        single(
          'c12_in_school',
          L(
            'Frequenta atualmente a escola ou formação?',
            'Currently attending school or training?',
            'Fréquente actuellement l’école ou une formation ?',
            'Sta ta bai skola o formason gosi?',
            'Ndax mungi dem lekkool?',
            '目前是否在上学或接受培训？',
          ),
          YES_NO,
          { visibleIf: '{panel.c05_age} >= 4 and {panel.c05_age} <= 24' },
        ),
        calc(
          'c13a_first_nationality',
          L('Primeira nacionalidade', 'First nationality', 'Première nationalité', 'Primeru nasionalidadi'),
          'iif({panel.c08_other_nationality} = 1 and {panel.c09_first_nationality} = 2, {panel.c08a_nationality2}, {panel.c07_nationality1})',
        ),
        calc(
          'c13_eligible',
          L(
            'Pessoa elegível (1 = sim)',
            'Person eligible (1 = yes)',
            'Personne éligible (1 = oui)',
            'Algen ilejível (1 = sin)',
          ),
          "iif({panel.c13a_first_nationality} notempty and {panel.c13a_first_nationality} <> 'CV', 1, 0)",
        ),
        calc(
          'c14_individual',
          L(
            'Precisa de entrevista individual (1 = sim)',
            'Needs an individual interview (1 = yes)',
            'Doit avoir un entretien individuel (1 = oui)',
            'Meste entrevista individual (1 = sin)',
          ),
          'iif({panel.c13_eligible} = 1 and {panel.c05_age} >= 15, 1, 0)',
        ),
      ]),
    },
  ],
};
