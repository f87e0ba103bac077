import type { Schemas } from './api-types';

type Role = Schemas['Role'];

/** The staff menu by role: path (hash route) and label. The first entry is the role's home page. */
export interface NavItem {
  path: string;
  label: string;
}

const COURT: NavItem[] = [
  { path: 'court', label: '法院工作台' },
  { path: 'court/refer', label: '委派/委托调解' },
  { path: 'linkage', label: '府院联动' },
];

/** The channels each role may register (the api's rule, libs/cases REGISTER_CHANNELS); the first is the default. */
const REGISTER_CHANNELS: Partial<Record<Role, string[]>> = {
  mediator: ['window', 'enterprise'],
  body_admin: ['window', 'petition', 'enterprise'],
  district_admin: ['window', 'petition', 'enterprise'],
  official: ['window', 'petition', 'enterprise'],
  grid_worker: ['grid'],
  hotline_operator: ['hotline_12345'],
};

export const registerChannels = (role: Role): string[] => REGISTER_CHANNELS[role] ?? [];
export const canRegister = (role: Role) => registerChannels(role).length > 0;

const REGISTER: NavItem = { path: 'register', label: '纠纷登记' };

const MENUS: Partial<Record<Role, NavItem[]>> = {
  court_clerk: COURT,
  judge: COURT,
  district_admin: [
    { path: 'queue', label: '区级统筹' },
    REGISTER,
    { path: 'district/bodies', label: '调解组织' },
    { path: 'district/rules', label: '分派规则' },
    { path: 'district/imports', label: '数据导入' },
    { path: 'stats', label: '统计分析' },
    { path: 'linkage', label: '府院联动' },
  ],
  body_admin: [
    { path: 'queue', label: '案件工作台' },
    REGISTER,
    { path: 'body/mediators', label: '调解员管理' },
    { path: 'stats', label: '统计分析' },
  ],
  official: [{ path: 'queue', label: '案件工作台' }, REGISTER, { path: 'linkage', label: '府院联动' }],
  mediator: [{ path: 'queue', label: '案件工作台' }, REGISTER],
  grid_worker: [{ path: 'queue', label: '案件工作台' }, REGISTER],
  hotline_operator: [{ path: 'queue', label: '案件工作台' }, REGISTER],
};

export function menuFor(role: Role): NavItem[] {
  return MENUS[role] ?? [{ path: 'queue', label: '案件工作台' }];
}

export const homeOf = (role: Role): string => menuFor(role)[0].path;

/** The menu entry a route belongs to (case pages belong to the home page). */
export function selectedNav(role: Role, route: string[]): string {
  const path = route.join('/');
  const items = menuFor(role);
  const hit = [...items]
    .sort((a, b) => b.path.length - a.path.length)
    .find((i) => path === i.path || path.startsWith(`${i.path}/`));
  return hit?.path ?? items[0].path;
}

export const isCourt = (role: Role) => role === 'court_clerk' || role === 'judge';
export const canUseLinkage = (role: Role) =>
  ['court_clerk', 'judge', 'official', 'district_admin'].includes(role);
