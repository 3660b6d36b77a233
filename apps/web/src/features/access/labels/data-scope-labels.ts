import type { RoleView } from '@zhucheng/contracts';

export type DataScope = RoleView['dataScope'];

export const dataScopeLabels: Record<DataScope, string> = {
  all: '全部数据',
  unitAndBelow: '本机构及下级',
  unit: '本机构',
  self: '仅本人',
  custom: '指定机构',
};

export const dataScopeHelp: Record<DataScope, string> = {
  all: '可查看和办理全市所有机构的数据',
  unitAndBelow: '本人所属机构及其下级机构（如县区局及下属司法所）的数据',
  unit: '仅本人所属机构的数据',
  self: '仅本人承办或登记的数据',
  custom: '下面选定的机构的数据（不含其下级机构）',
};

export const dataScopeOptions = (Object.keys(dataScopeLabels) as DataScope[]).map((value) => ({
  value,
  label: dataScopeLabels[value],
}));
