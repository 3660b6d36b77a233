import type { UserView } from '@zhucheng/contracts';
import { Empty, Flex, Table, type TableProps, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format.ts';
import { useOrgUnitName } from '../../../lib/org-units.ts';
import { PhoneCell } from './phone-cell.tsx';
import { UserStatusTag } from './user-status-tag.tsx';

interface UsersTableProps {
  users: UserView[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  emptyText: string;
  onPageChange: (page: number, pageSize: number) => void;
  renderActions: (user: UserView) => React.ReactNode;
  showActions: boolean;
}

export function UsersTable(props: UsersTableProps) {
  const unitName = useOrgUnitName();
  const columns: TableProps<UserView>['columns'] = [
    {
      title: '用户名',
      dataIndex: 'username',
      render: (username: string) => <span style={{ whiteSpace: 'nowrap' }}>{username}</span>,
    },
    {
      title: '姓名',
      dataIndex: 'displayName',
      render: (name: string) => <span style={{ whiteSpace: 'nowrap' }}>{name}</span>,
    },
    {
      title: '所属机构',
      dataIndex: 'unitId',
      render: (unitId: number) => (
        <div style={{ minWidth: 120, maxWidth: 220 }}>{unitName(unitId) ?? `机构编号 ${unitId}`}</div>
      ),
    },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: UserView['roles']) =>
        roles.length === 0 ? (
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            未分配
          </Typography.Text>
        ) : (
          <Flex wrap gap={4} style={{ minWidth: 96, maxWidth: 220 }}>
            {roles.map((role) => (
              <Tag key={role.code} color="blue" variant="outlined" style={{ margin: 0 }}>
                {role.name}
              </Tag>
            ))}
          </Flex>
        ),
    },
    { title: '手机号', key: 'phone', render: (_, user) => <PhoneCell user={user} /> },
    { title: '状态', key: 'status', render: (_, user) => <UserStatusTag user={user} /> },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      render: (at: string | null) => (
        <span style={{ whiteSpace: 'nowrap' }}>{at ? formatDateTime(at) : '从未登录'}</span>
      ),
    },
    ...(props.showActions
      ? [{ title: '操作', key: 'actions', render: (_: unknown, user: UserView) => props.renderActions(user) }]
      : []),
  ];

  return (
    <Table<UserView>
      rowKey="id"
      columns={columns}
      dataSource={props.users}
      loading={props.loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText} /> }}
      pagination={{
        current: props.page,
        pageSize: props.pageSize,
        total: props.total,
        showSizeChanger: true,
        showTotal: (total) => `共 ${total} 个账号`,
        onChange: props.onPageChange,
      }}
    />
  );
}
