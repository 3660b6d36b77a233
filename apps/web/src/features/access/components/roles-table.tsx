import type { RoleView } from '@zhucheng/contracts';
import { App, Button, Empty, Flex, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { errorMessage } from '../../../lib/api.ts';
import { useDeleteRole } from '../api/use-roles.ts';
import { dataScopeLabels } from '../labels/data-scope-labels.ts';
import { permissionLabel } from '../labels/permission-labels.ts';

interface RolesTableProps {
  roles: RoleView[];
  loading: boolean;
  canManage: boolean;
  onOpen: (role: RoleView) => void;
}

export function RolesTable({ roles, loading, canManage, onOpen }: RolesTableProps) {
  const { modal, message } = App.useApp();
  const remove = useDeleteRole();

  const confirmDelete = (role: RoleView) =>
    modal.confirm({
      title: `删除角色“${role.name}”？`,
      content: '删除后不能恢复。',
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: () =>
        remove
          .mutateAsync(role.id)
          .then(() => {
            message.success('角色已删除');
          })
          .catch((error: unknown) => {
            message.error(errorMessage(error));
          }),
    });

  const columns: TableProps<RoleView>['columns'] = [
    {
      title: '角色名称',
      key: 'name',
      render: (_, role) => (
        <Flex wrap gap={6} align="center" style={{ minWidth: 140 }}>
          <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => onOpen(role)}>
            {role.name}
          </Button>
          {role.builtin ? (
            <Tag style={{ margin: 0 }}>内置</Tag>
          ) : (
            <Tag color="blue" style={{ margin: 0 }}>
              自定义
            </Tag>
          )}
          {role.accountKind === 'citizen' && <Tag style={{ margin: 0 }}>群众账号</Tag>}
        </Flex>
      ),
    },
    {
      title: '代码',
      dataIndex: 'code',
      render: (code: string) => <Typography.Text type="secondary">{code}</Typography.Text>,
    },
    {
      title: '数据范围',
      dataIndex: 'dataScope',
      render: (scope: RoleView['dataScope']) => (
        <span style={{ whiteSpace: 'nowrap' }}>{dataScopeLabels[scope]}</span>
      ),
    },
    {
      title: '功能权限',
      dataIndex: 'permissions',
      render: (permissions: string[]) =>
        permissions.length === 0 ? (
          <Typography.Text type="secondary">无</Typography.Text>
        ) : (
          <Tooltip title={permissions.map(permissionLabel).join('、')}>
            <span style={{ whiteSpace: 'nowrap' }}>{permissions.length} 项</span>
          </Tooltip>
        ),
    },
    { title: '账号数', dataIndex: 'userCount', align: 'right' },
    {
      title: '说明',
      dataIndex: 'description',
      render: (text: string) => <div style={{ minWidth: 180, maxWidth: 320 }}>{text || '—'}</div>,
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, role) => {
        const editable = canManage && !role.builtin;
        return (
          <Flex gap={2} style={{ whiteSpace: 'nowrap' }}>
            <Button type="link" size="small" onClick={() => onOpen(role)}>
              {editable ? '编辑' : '查看'}
            </Button>
            {editable && (
              <Tooltip title={role.userCount > 0 ? '仍有账号持有此角色，请先取消分配' : undefined}>
                <Button
                  type="link"
                  size="small"
                  danger
                  disabled={role.userCount > 0}
                  onClick={() => confirmDelete(role)}
                >
                  删除
                </Button>
              </Tooltip>
            )}
          </Flex>
        );
      },
    },
  ];

  return (
    <Table<RoleView>
      rowKey="id"
      columns={columns}
      dataSource={roles}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无角色" /> }}
    />
  );
}
