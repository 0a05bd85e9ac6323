// Fixed lists so reports can group participants; each has "other" with free text.
// Labels live in src/i18n/locales/*/options.json under the same codes.
export const INSTITUTIONS = [
  'pnc',
  'dgme',
  'fgr',
  'pgr',
  'pddh',
  'minsal',
  'isna',
  'conna',
  'judiciary',
  'minrex',
  'municipality',
  'conmigrantes',
  'civil_society',
  'international_org',
  'other',
] as const;
export type Institution = (typeof INSTITUTIONS)[number];

export const COUNTRIES = ['SV', 'GT', 'HN', 'NI', 'CR', 'PA', 'BZ', 'MX', 'US', 'other'] as const;
export type Country = (typeof COUNTRIES)[number];

export const SEXES = ['female', 'male', 'prefer_not_to_say'] as const;
export type Sex = (typeof SEXES)[number];

export const AGE_GROUPS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

// Suggestions only (a datalist): officials elsewhere type their own.
export const SV_DEPARTMENTS = [
  'Ahuachapán',
  'Cabañas',
  'Chalatenango',
  'Cuscatlán',
  'La Libertad',
  'La Paz',
  'La Unión',
  'Morazán',
  'San Miguel',
  'San Salvador',
  'San Vicente',
  'Santa Ana',
  'Sonsonate',
  'Usulután',
];
export const DUTY_STATIONS = [
  'La Hachadura',
  'San Cristóbal',
  'Las Chinamas',
  'Anguiatú',
  'El Poy',
  'El Amatillo',
  'Perquín',
  'Acajutla',
  'Puerto de La Unión',
  'Aeropuerto Internacional Monseñor Óscar Arnulfo Romero',
  'Aeropuerto de Ilopango',
];
