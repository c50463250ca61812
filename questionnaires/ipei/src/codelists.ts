/**
 * Long code lists: ISO 3166-1 alpha-2 countries and ISO 639 languages with names from Unicode CLDR
 * (Node's ICU) in the six interview languages, ISCO-08 major groups, ISIC Rev.4 sections, geography.
 */
import { type Choice, CLDR, L, type Loc } from './dsl.ts';

const UI = ['pt', 'en', 'fr', 'kea', 'wo', 'zh-Hans'] as const;

function cldr(type: 'region' | 'language', code: string, manual?: Loc): Loc {
  const names = UI.map((l) => new Intl.DisplayNames([l], { type, fallback: 'none' }).of(code));
  const pt = names[0] ?? manual?.default ?? code;
  const out: Loc = { default: pt };
  UI.slice(1).forEach((l, i) => {
    const v = names[i + 1] ?? (manual as Partial<Record<string, string>> | undefined)?.[l];
    if (v) out[l as Exclude<(typeof UI)[number], 'pt'>] = v;
  });
  CLDR.add(out);
  return out;
}

/** CLDR region codes that are not ISO 3166-1 countries (reserved, withdrawn, groupings). */
const NOT_COUNTRIES = new Set(
  'AC AN BU CP CQ CS DD DG DY EA EU EZ FX HV IC NH QO RH SU TA TP UK UN VD XA XB XK YD YU ZR ZZ'.split(' '),
);
const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const en = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const codes = [...A]
  .flatMap((a) => [...A].map((b) => a + b))
  .filter((c) => en.of(c) && !NOT_COUNTRIES.has(c));
const collator = new Intl.Collator('pt');

export const STATELESS: Choice = [
  'XX',
  L(
    'Apátrida (sem nacionalidade)',
    'Stateless (no nationality)',
    'Apatride (sans nationalité)',
    'Sen nasionalidadi',
    'Amul réew',
    '无国籍',
  ),
];

/** Countries, Cabo Verde first, then alphabetical in Portuguese. */
export const COUNTRIES: Choice[] = [
  ['CV', cldr('region', 'CV')],
  ...codes
    .filter((c) => c !== 'CV')
    .map((c): Choice => [c, cldr('region', c)])
    .sort((a, b) => collator.compare(a[1].default, b[1].default)),
];
export const NATIONALITIES: Choice[] = [...COUNTRIES, STATELESS];

/** ISO 639-1 where one exists, else ISO 639-3 (kea, pov, mnk, sus, ...). */
const LANGUAGE_CODES = [
  'pt',
  'kea',
  'pov',
  'fr',
  'en',
  'es',
  'it',
  'de',
  'nl',
  'ru',
  'uk',
  'ro',
  'pl',
  'zh',
  'yue',
  'ar',
  'hi',
  'bn',
  'wo',
  'ff',
  'mnk',
  'sus',
  'bm',
  'snk',
  'tem',
  'kri',
  'yo',
  'ig',
  'ha',
  'ak',
  'ee',
  'ln',
  'kg',
  'umb',
  'kmb',
  'sw',
  'am',
  'so',
  'dyo',
  'bsc',
  'fuc',
  'srr',
  'tr',
  'fa',
  'ur',
  'ja',
  'ko',
  'vi',
  'tl',
];
const MANUAL: Record<string, Loc> = {
  pov: L(
    'Crioulo da Guiné-Bissau',
    'Guinea-Bissau Creole',
    'Créole de Guinée-Bissau',
    'Kriol di Gine',
    'Kriyol bu Gine-Bisaawóo',
    '几内亚比绍克里奥尔语',
  ),
  mnk: L('Mandinga', 'Mandinka', 'Mandingue', 'Mandinga', 'Mandinka', '曼丁卡语'),
  snk: L('Soninké', 'Soninke', 'Soninké', 'Soninke', 'Sooninke', '索宁克语'),
  tem: L('Temne', 'Timne', 'Temne', 'Temne', 'Temne', '滕内语'),
  kri: L('Krio', 'Krio', 'Krio', 'Krio', 'Krio', '克里奥语'),
  bsc: L('Bassari', 'Bassari', 'Bassari', 'Basari', 'Basari', '巴萨里语'),
  fuc: L('Pulaar', 'Pulaar', 'Pulaar', 'Pulaar', 'Pulaar', '普拉尔语'),
  srr: L('Serer', 'Serer', 'Sérère', 'Serer', 'Seereer', '塞雷尔语'),
  dyo: L('Jola-Fonyi', 'Jola-Fonyi', 'Diola-Fogny', 'Jola', 'Joola', '朱拉语'),
};
export const LANGUAGES: Choice[] = LANGUAGE_CODES.map((c) => [c, cldr('language', c, MANUAL[c])]);

/** ISCO-08 major groups (1-digit). */
export const ISCO: Choice[] = [
  [
    1,
    L(
      'Diretores e gestores',
      'Managers',
      'Directeurs, cadres de direction et gérants',
      'Diretor y jestor',
      'Njiit ak saytukat',
      '管理人员',
    ),
  ],
  [
    2,
    L(
      'Especialistas das atividades intelectuais e científicas',
      'Professionals',
      'Professions intellectuelles et scientifiques',
      'Spesialista',
      'Xarala',
      '专业人员',
    ),
  ],
  [
    3,
    L(
      'Técnicos e profissões de nível intermédio',
      'Technicians and associate professionals',
      'Professions intermédiaires',
      'Téknikus',
      'Teknisiye',
      '技术员和专业助理人员',
    ),
  ],
  [
    4,
    L(
      'Pessoal administrativo',
      'Clerical support workers',
      'Employés de type administratif',
      'Pesoal administrativu',
      'Liggéeykatu biro',
      '办事人员',
    ),
  ],
  [
    5,
    L(
      'Trabalhadores dos serviços pessoais, de proteção e segurança e vendedores',
      'Service and sales workers',
      'Personnel des services directs aux particuliers, commerçants et vendeurs',
      'Trabadjador di servisu y bendedor',
      'Liggéeykatu serwiis ak jaaykat',
      '服务和销售人员',
    ),
  ],
  [
    6,
    L(
      'Agricultores e trabalhadores qualificados da agricultura, pesca e floresta',
      'Skilled agricultural, forestry and fishery workers',
      'Agriculteurs et ouvriers qualifiés de l’agriculture, de la sylviculture et de la pêche',
      'Agrikultor y piskador',
      'Beykat ak napp',
      '农业、林业和渔业技术工人',
    ),
  ],
  [
    7,
    L(
      'Trabalhadores qualificados da indústria, construção e artífices',
      'Craft and related trades workers',
      'Métiers qualifiés de l’industrie et de l’artisanat',
      'Artesan y trabadjador di konstruson',
      'Liggéeykatu loxo',
      '工艺及有关人员',
    ),
  ],
  [
    8,
    L(
      'Operadores de instalações e máquinas e trabalhadores da montagem',
      'Plant and machine operators, and assemblers',
      'Conducteurs d’installations et de machines, et ouvriers de l’assemblage',
      'Operador di mákina',
      'Dawalkatu masin',
      '工厂和机器操作员及装配工',
    ),
  ],
  [
    9,
    L(
      'Trabalhadores não qualificados',
      'Elementary occupations',
      'Professions élémentaires',
      'Trabadju simplis',
      'Liggéey yu yomb',
      '简单劳动职业',
    ),
  ],
  [
    0,
    L(
      'Profissões das Forças Armadas',
      'Armed forces occupations',
      'Professions militaires',
      'Forsas Armadas',
      'Soldaar',
      '军人',
    ),
  ],
];

/** ISIC Rev.4 sections A to U (English and French from the UN classification; Portuguese from CAE-Rev.3). */
const ISIC_TEXT: [string, string, string, string][] = [
  [
    'A',
    'Agricultura, produção animal, caça, floresta e pesca',
    'Agriculture, forestry and fishing',
    'Agriculture, sylviculture et pêche',
  ],
  ['B', 'Indústrias extrativas', 'Mining and quarrying', 'Activités extractives'],
  ['C', 'Indústrias transformadoras', 'Manufacturing', 'Activités de fabrication'],
  [
    'D',
    'Eletricidade, gás, vapor e ar condicionado',
    'Electricity, gas, steam and air conditioning supply',
    'Production et distribution d’électricité, de gaz, de vapeur et climatisation',
  ],
  [
    'E',
    'Água, saneamento, resíduos e despoluição',
    'Water supply; sewerage, waste management and remediation',
    'Distribution d’eau; assainissement, gestion des déchets et remise en état',
  ],
  ['F', 'Construção', 'Construction', 'Construction'],
  [
    'G',
    'Comércio por grosso e a retalho; reparação de veículos',
    'Wholesale and retail trade; repair of motor vehicles and motorcycles',
    'Commerce de gros et de détail; réparation de véhicules automobiles et de motocycles',
  ],
  ['H', 'Transportes e armazenagem', 'Transportation and storage', 'Transports et entreposage'],
  [
    'I',
    'Alojamento e restauração',
    'Accommodation and food service activities',
    'Hébergement et restauration',
  ],
  ['J', 'Informação e comunicação', 'Information and communication', 'Information et communication'],
  [
    'K',
    'Atividades financeiras e de seguros',
    'Financial and insurance activities',
    'Activités financières et d’assurance',
  ],
  ['L', 'Atividades imobiliárias', 'Real estate activities', 'Activités immobilières'],
  [
    'M',
    'Atividades de consultoria, científicas e técnicas',
    'Professional, scientific and technical activities',
    'Activités spécialisées, scientifiques et techniques',
  ],
  [
    'N',
    'Atividades administrativas e dos serviços de apoio',
    'Administrative and support service activities',
    'Activités de services administratifs et d’appui',
  ],
  [
    'O',
    'Administração pública e defesa; segurança social obrigatória',
    'Public administration and defence; compulsory social security',
    'Administration publique et défense; sécurité sociale obligatoire',
  ],
  ['P', 'Educação', 'Education', 'Enseignement'],
  [
    'Q',
    'Saúde humana e apoio social',
    'Human health and social work activities',
    'Santé humaine et action sociale',
  ],
  [
    'R',
    'Atividades artísticas, de espetáculos, desportivas e recreativas',
    'Arts, entertainment and recreation',
    'Arts, spectacles et activités récréatives',
  ],
  ['S', 'Outras atividades de serviços', 'Other service activities', 'Autres activités de services'],
  [
    'T',
    'Famílias com empregados domésticos',
    'Activities of households as employers',
    'Activités des ménages en tant qu’employeurs',
  ],
  [
    'U',
    'Organismos internacionais',
    'Activities of extraterritorial organizations and bodies',
    'Activités des organisations et organismes extraterritoriaux',
  ],
];
export const ISIC: Choice[] = ISIC_TEXT.map(([c, pt, en, fr]) => [
  c,
  L(`${c}. ${pt}`, `${c}. ${en}`, `${c}. ${fr}`),
]);

export const ISLANDS: Choice[] = [
  [1, L('Santo Antão', 'Santo Antão', 'Santo Antão', 'Santanton', 'Santo Antão', '圣安唐岛')],
  [2, L('São Vicente', 'São Vicente', 'São Vicente', 'Sanvisenti', 'São Vicente', '圣维森特岛')],
  [3, L('São Nicolau', 'São Nicolau', 'São Nicolau', 'Sanikolau', 'São Nicolau', '圣尼古拉岛')],
  [4, L('Sal', 'Sal', 'Sal', 'Sal', 'Sal', '萨尔岛')],
  [5, L('Boa Vista', 'Boa Vista', 'Boa Vista', 'Bubista', 'Boa Vista', '博阿维斯塔岛')],
  [6, L('Maio', 'Maio', 'Maio', 'Mai', 'Maio', '马约岛')],
  [7, L('Santiago', 'Santiago', 'Santiago', 'Santiagu', 'Santiago', '圣地亚哥岛')],
  [8, L('Fogo', 'Fogo', 'Fogo', 'Fogu', 'Fogo', '福古岛')],
  [9, L('Brava', 'Brava', 'Brava', 'Brava', 'Brava', '布拉瓦岛')],
];

/** The 22 municipalities (ISO 3166-2:CV) with their island code; the same text in every language. */
export const MUNICIPALITIES: [iso: string, name: string, island: number][] = [
  ['CV-RG', 'Ribeira Grande', 1],
  ['CV-PA', 'Paul', 1],
  ['CV-PN', 'Porto Novo', 1],
  ['CV-SV', 'São Vicente', 2],
  ['CV-RB', 'Ribeira Brava', 3],
  ['CV-TS', 'Tarrafal de São Nicolau', 3],
  ['CV-SL', 'Sal', 4],
  ['CV-BV', 'Boa Vista', 5],
  ['CV-MA', 'Maio', 6],
  ['CV-PR', 'Praia', 7],
  ['CV-RS', 'Ribeira Grande de Santiago', 7],
  ['CV-SD', 'São Domingos', 7],
  ['CV-CA', 'Santa Catarina', 7],
  ['CV-SS', 'São Salvador do Mundo', 7],
  ['CV-SO', 'São Lourenço dos Órgãos', 7],
  ['CV-CR', 'Santa Cruz', 7],
  ['CV-SM', 'São Miguel', 7],
  ['CV-TA', 'Tarrafal', 7],
  ['CV-SF', 'São Filipe', 8],
  ['CV-CF', 'Santa Catarina do Fogo', 8],
  ['CV-MO', 'Mosteiros', 8],
  ['CV-BR', 'Brava', 9],
];
