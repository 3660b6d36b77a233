import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row } from 'antd';
import { useMemo, useState } from 'react';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { useCan } from '../../../lib/access.tsx';
import { flattenOrgTree, type OrgTreeNode, useOrgTree } from '../../../lib/org-units.ts';
import { MoveUnitModal } from '../components/move-unit-modal.tsx';
import { OrgTreeView } from '../components/org-tree-view.tsx';
import { UnitDetail } from '../components/unit-detail.tsx';
import { UnitFormModal, type UnitFormTarget } from '../components/unit-form-modal.tsx';

export default function OrgUnitsPage() {
  const can = useCan();
  const tree = useOrgTree();
  const [selectedId, setSelectedId] = useState<number | undefined>();
  const [formTarget, setFormTarget] = useState<UnitFormTarget>(null);
  const [moving, setMoving] = useState<OrgTreeNode | null>(null);
  const byId = useMemo(() => flattenOrgTree(tree.data ?? []), [tree.data]);
  const selected = (selectedId !== undefined ? byId.get(selectedId) : undefined) ?? tree.data?.[0];
  const parent = selected?.parentId != null ? byId.get(selected.parentId) : undefined;

  const header = (
    <PageHeader
      title="组织机构"
      description={
        can('org:manage')
          ? '市、县（区）司法局及下属司法所等机构；机构不能删除，不再使用的请停用'
          : '您的数据范围内的机构'
      }
    />
  );

  if (!tree.data) {
    return (
      <>
        {header}
        {tree.isError ? (
          <LoadError error={tree.error} retrying={tree.isFetching} onRetry={() => tree.refetch()} />
        ) : (
          <PageLoading />
        )}
      </>
    );
  }

  return (
    <>
      {header}
      {tree.data.length === 0 || !selected ? (
        <Card>
          <Empty
            description={
              can('org:manage')
                ? '暂无机构，点击“新增机构”建立本市司法局'
                : '您的数据范围内暂无机构，如有疑问请联系系统管理员'
            }
          >
            {can('org:manage') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setFormTarget({ mode: 'create', parent: null })}
              >
                新增机构
              </Button>
            )}
          </Empty>
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10} xl={9}>
            <Card
              title="机构树"
              styles={{ body: { maxHeight: 'calc(100vh - 250px)', minHeight: 240, overflowY: 'auto' } }}
            >
              <OrgTreeView tree={tree.data} selectedId={selected.id} onSelect={setSelectedId} />
            </Card>
          </Col>
          <Col xs={24} lg={14} xl={15}>
            <UnitDetail
              unit={selected}
              parent={parent}
              onAddChild={(unit) => setFormTarget({ mode: 'create', parent: unit })}
              onEdit={(unit) => setFormTarget({ mode: 'edit', unit })}
              onMove={setMoving}
            />
          </Col>
        </Row>
      )}
      <UnitFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={(unitId) => {
          setFormTarget(null);
          setSelectedId(unitId);
        }}
      />
      <MoveUnitModal unit={moving} onClose={() => setMoving(null)} />
    </>
  );
}
