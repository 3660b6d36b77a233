import { ApartmentOutlined, EditOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Tag, Tooltip } from 'antd';
import { useCan } from '../../../lib/access.tsx';
import { errorMessage } from '../../../lib/api.ts';
import type { OrgTreeNode } from '../../../lib/org-units.ts';
import { useUpdateUnit } from '../api/use-org-units.ts';
import { kindColor } from '../org-kinds.ts';

interface UnitDetailProps {
  unit: OrgTreeNode;
  parent: OrgTreeNode | undefined;
  onAddChild: (unit: OrgTreeNode) => void;
  onEdit: (unit: OrgTreeNode) => void;
  onMove: (unit: OrgTreeNode) => void;
}

export function UnitDetail({ unit, parent, onAddChild, onEdit, onMove }: UnitDetailProps) {
  const can = useCan();
  const update = useUpdateUnit();
  const { modal, message } = App.useApp();
  const manage = can('org:manage');
  const active = unit.status === 'active';
  const activeChildren = unit.children.filter((child) => child.status === 'active').length;
  const statusBlock = active
    ? activeChildren > 0
      ? `其下还有 ${activeChildren} 个在用的下级机构，请先停用下级机构`
      : undefined
    : parent?.status === 'disabled'
      ? '上级机构已停用，请先启用上级机构'
      : undefined;

  const confirmStatus = () =>
    modal.confirm({
      title: active ? `停用 ${unit.name}？` : `启用 ${unit.name}？`,
      content: active
        ? '停用后不能在该机构下新建账号和下级机构；机构、账号和已有业务数据都会保留，可随时重新启用。'
        : '启用后可以在该机构下新建账号和下级机构。',
      okText: active ? '停用' : '启用',
      okButtonProps: { danger: active },
      onOk: () =>
        update
          .mutateAsync({ id: unit.id, version: unit.version, status: active ? 'disabled' : 'active' })
          .then(() => {
            message.success(active ? '机构已停用' : '机构已启用');
          })
          .catch((error: unknown) => {
            message.error(errorMessage(error));
          }),
    });

  return (
    <Card
      title={
        <Flex wrap gap={8} align="center" style={{ whiteSpace: 'normal', padding: '8px 0' }}>
          <span>{unit.name}</span>
          {!active && <Tag style={{ margin: 0 }}>已停用</Tag>}
        </Flex>
      }
    >
      {manage && (
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<PlusOutlined />} disabled={!active} onClick={() => onAddChild(unit)}>
            新增下级机构
          </Button>
          <Button icon={<EditOutlined />} onClick={() => onEdit(unit)}>
            修改
          </Button>
          {unit.parentId !== null && (
            <Button icon={<SwapOutlined />} onClick={() => onMove(unit)}>
              调整上级
            </Button>
          )}
          <Tooltip title={statusBlock}>
            <Button danger={active} disabled={statusBlock !== undefined} onClick={confirmStatus}>
              {active ? '停用' : '启用'}
            </Button>
          </Tooltip>
        </Flex>
      )}
      <Descriptions
        bordered
        column={1}
        size="middle"
        styles={{ label: { width: 130, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'name', label: '机构名称', children: unit.name },
          { key: 'shortName', label: '简称', children: unit.shortName || '—' },
          {
            key: 'kind',
            label: '机构类型',
            children: (
              <Tag color={kindColor(unit.kind)} style={{ margin: 0 }}>
                {unit.kindLabel}
              </Tag>
            ),
          },
          {
            key: 'parent',
            label: '上级机构',
            children: parent?.name ?? (unit.parentId === null ? '无（顶级机构）' : '不在您的数据范围内'),
          },
          { key: 'division', label: '行政区划代码', children: unit.divisionCode || '—' },
          {
            key: 'children',
            label: '下级机构',
            children: (
              <Flex align="center" gap={6}>
                <ApartmentOutlined />
                {unit.children.length > 0 ? `${unit.children.length} 个` : '无'}
              </Flex>
            ),
          },
          { key: 'sortOrder', label: '排序号', children: unit.sortOrder },
          {
            key: 'status',
            label: '状态',
            children: active ? <Tag color="green">在用</Tag> : <Tag>已停用</Tag>,
          },
        ]}
      />
    </Card>
  );
}
