import type { RoleView } from '@zhucheng/contracts';
import { Descriptions, Flex, Tag, Typography } from 'antd';
import { useOrgUnitName } from '../../../lib/org-units.ts';
import { dataScopeHelp, dataScopeLabels } from '../labels/data-scope-labels.ts';
import { moduleLabel, moduleOf, permissionLabel } from '../labels/permission-labels.ts';

/** A role to read (built-in, or the user may not manage roles): plain text, not a disabled form. */
export function RoleDetails({ role }: { role: RoleView }) {
  const unitName = useOrgUnitName();
  const byModule = new Map<string, string[]>();
  for (const code of role.permissions) {
    const module = moduleOf(code);
    byModule.set(module, [...(byModule.get(module) ?? []), code]);
  }
  return (
    <Descriptions
      bordered
      column={1}
      size="middle"
      styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
      items={[
        { key: 'name', label: '角色名称', children: role.name },
        { key: 'code', label: '角色代码', children: role.code },
        { key: 'description', label: '说明', children: role.description || '—' },
        {
          key: 'scope',
          label: '数据范围',
          children: (
            <>
              {dataScopeLabels[role.dataScope]}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                {dataScopeHelp[role.dataScope]}
              </Typography.Text>
            </>
          ),
        },
        ...(role.dataScope === 'custom'
          ? [
              {
                key: 'units',
                label: '指定机构',
                children: role.customUnitIds.map((id) => unitName(id) ?? `机构编号 ${id}`).join('、') || '—',
              },
            ]
          : []),
        {
          key: 'permissions',
          label: '功能权限',
          children:
            byModule.size === 0 ? (
              <Typography.Text type="secondary">无（仅能登录和使用个人中心）</Typography.Text>
            ) : (
              <Flex vertical gap={8}>
                {[...byModule].map(([module, codes]) => (
                  <div key={module}>
                    <Typography.Text strong>{moduleLabel(module)}</Typography.Text>
                    <Flex wrap gap={4} style={{ marginTop: 4 }}>
                      {codes.map((code) => (
                        <Tag key={code} style={{ margin: 0 }}>
                          {permissionLabel(code)}
                        </Tag>
                      ))}
                    </Flex>
                  </div>
                ))}
              </Flex>
            ),
        },
        { key: 'users', label: '账号数', children: `${role.userCount} 个` },
      ]}
    />
  );
}
