import { PlusOutlined } from '@ant-design/icons';
import {
  type FenceDetail,
  type FenceShapeInput,
  type FenceView,
  fencePurposeLabels,
  fencePurposes,
} from '@zhucheng/contracts';
import { Button, Card, Col, Empty, Flex, Input, Row, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCan } from '../../../lib/access.tsx';
import { useFence, useFences } from '../api/use-alerts.ts';
import { newIdempotencyKey } from '../api/use-tracking.ts';
import { FenceDetailPanel } from '../fences/fence-detail.tsx';
import { FenceForm } from '../fences/fence-form.tsx';
import { calendarSummary, purposeColors } from '../fences/fence-format.ts';
import { type FenceDraft, FenceMap } from '../fences/fence-map.tsx';

const breakable = { wordBreak: 'break-word' as const };
const DEFAULT_CORRIDOR_WIDTH_M = 500;
const MAP_HEIGHT = 'max(420px, calc(100vh - 200px))';

interface FormSession {
  /** New for each opening of the form: the map starts drawing again, and a new fence gets a new key. */
  key: string;
  idempotencyKey: string;
  fence: FenceDetail | null;
  notice: string | null;
  /** The map's drawing starts again from `drawInitial` when this changes (on opening, and on typed coordinates). */
  drawKey: string;
  drawInitial: FenceShapeInput | null;
}

function FenceListItem({
  fence,
  selected,
  onSelect,
}: {
  fence: FenceView;
  selected: boolean;
  onSelect: () => void;
}) {
  return (
    <li style={{ listStyle: 'none' }}>
      <button
        type="button"
        className="fence-list-item"
        aria-current={selected ? 'true' : undefined}
        onClick={onSelect}
        style={{
          display: 'block',
          width: '100%',
          textAlign: 'left',
          padding: '10px 12px',
          border: '1px solid',
          borderColor: selected ? '#1677ff' : 'rgba(5,5,5,0.06)',
          borderLeft: `4px solid ${purposeColors[fence.purpose].stroke}`,
          borderRadius: 6,
          background: selected ? '#e6f4ff' : '#fff',
          cursor: 'pointer',
          font: 'inherit',
          color: 'inherit',
        }}
      >
        <Flex justify="space-between" align="start" gap={8}>
          <Typography.Text strong style={breakable}>
            {fence.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
            第{fence.version}版
          </Typography.Text>
        </Flex>
        <Flex wrap gap={4} style={{ marginTop: 4 }}>
          <Tag color={purposeColors[fence.purpose].tag} style={{ marginInlineEnd: 0 }}>
            {fencePurposeLabels[fence.purpose]}
          </Tag>
          {fence.active ? (
            <Tag color="green" style={{ marginInlineEnd: 0 }}>
              启用
            </Tag>
          ) : (
            <Tag style={{ marginInlineEnd: 0 }}>停用</Tag>
          )}
        </Flex>
        <div style={{ marginTop: 4, fontSize: 12 }}>
          <Typography.Text type="secondary" style={breakable}>
            {fence.unitName} · {calendarSummary(fence.calendar)}
          </Typography.Text>
        </div>
      </button>
    </li>
  );
}

/** 电子围栏: the fences of the caller's scope on an offline map, each one's versions, and drawing new ones. */
export default function FencesPage() {
  const can = useCan();
  const canManage = can('tracking:manageFences');
  const fences = useFences();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('fence');
  const [q, setQ] = useState('');
  const [session, setSession] = useState<FormSession | null>(null);
  const [shape, setShape] = useState<FenceShapeInput | null>(null);
  const [corridorWidthM, setCorridorWidthM] = useState(DEFAULT_CORRIDOR_WIDTH_M);
  const edited = useFence(session?.fence?.id ?? '');

  const items = fences.data?.items ?? [];
  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return needle ? items.filter((f) => f.name.toLowerCase().includes(needle)) : items;
  }, [items, q]);

  const select = (fenceId: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (fenceId) next.set('fence', fenceId);
        else next.delete('fence');
        return next;
      },
      { replace: true },
    );

  const openForm = (fence: FenceDetail | null, notice: string | null = null) => {
    const key = newIdempotencyKey();
    setSession({
      key,
      idempotencyKey: newIdempotencyKey(),
      fence,
      notice,
      drawKey: key,
      drawInitial: fence?.shape ?? null,
    });
    setShape(fence?.shape ?? null);
    setCorridorWidthM(fence?.shape.kind === 'corridor' ? fence.shape.widthM : DEFAULT_CORRIDOR_WIDTH_M);
  };

  const changeWidth = (widthM: number) => {
    setCorridorWidthM(widthM);
    setShape((s) => (s?.kind === 'corridor' ? { ...s, widthM } : s));
  };

  const placeTyped = (typed: FenceShapeInput) => {
    setShape(typed);
    if (typed.kind === 'corridor') setCorridorWidthM(typed.widthM);
    setSession((s) => s && { ...s, drawKey: newIdempotencyKey(), drawInitial: typed });
  };

  const reloadAfterConflict = () => {
    void edited.refetch().then((result) => {
      if (!result.data) return;
      openForm(
        result.data,
        `该围栏已被他人修改（现为第${result.data.version}版），已重新载入最新内容。请核对后重新修改并保存。`,
      );
    });
  };

  const draft: FenceDraft | null = session
    ? {
        key: session.drawKey,
        initial: session.drawInitial,
        fenceId: session.fence?.id ?? null,
        current: shape,
        corridorWidthM,
      }
    : null;

  const emptyText = q.trim()
    ? '没有名称符合的围栏'
    : canManage
      ? '暂无电子围栏，点击“新建围栏”在地图上绘制第一个'
      : '暂无电子围栏，请联系有“电子围栏管理”权限的工作人员划定';

  return (
    <>
      <PageHeader
        title="电子围栏"
        description="划定禁止区域、允许作业区域和港口；船舶驶入禁止区域或驶出允许作业区域时告警"
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={session !== null}
              onClick={() => openForm(null)}
            >
              新建围栏
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10} xl={9} xxl={7}>
          {session ? (
            <Card title={session.fence ? `修改围栏：${session.fence.name}` : '新建围栏'}>
              <FenceForm
                key={session.key}
                fence={session.fence}
                idempotencyKey={session.idempotencyKey}
                shape={shape}
                corridorWidthM={corridorWidthM}
                onCorridorWidthChange={changeWidth}
                onShapeTyped={placeTyped}
                notice={session.notice}
                onSaved={(fenceId) => {
                  setSession(null);
                  select(fenceId);
                }}
                onConflict={reloadAfterConflict}
                onCancel={() => setSession(null)}
              />
            </Card>
          ) : (
            <Card
              title="围栏列表"
              extra={<Typography.Text type="secondary">{items.length} 个</Typography.Text>}
              styles={{ body: { paddingTop: 12 } }}
            >
              {fences.isError && !fences.data ? (
                <LoadError
                  error={fences.error}
                  retrying={fences.isFetching}
                  onRetry={() => fences.refetch()}
                />
              ) : (
                <>
                  <Input.Search
                    allowClear
                    placeholder="按名称查找"
                    aria-label="按名称查找围栏"
                    value={q}
                    onChange={(e) => setQ(e.target.value)}
                    style={{ marginBottom: 12 }}
                  />
                  {fences.isLoading ? (
                    <Typography.Text type="secondary">正在加载围栏…</Typography.Text>
                  ) : shown.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
                  ) : (
                    <ul
                      aria-label="电子围栏列表"
                      style={{ margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8 }}
                    >
                      {shown.map((f) => (
                        <FenceListItem
                          key={f.id}
                          fence={f}
                          selected={f.id === selectedId}
                          onSelect={() => select(f.id)}
                        />
                      ))}
                    </ul>
                  )}
                </>
              )}
            </Card>
          )}
        </Col>
        <Col xs={24} lg={14} xl={15} xxl={17}>
          {/* While the form is open the map stays in view as the form scrolls (below the console's 56 px header). */}
          <Flex vertical gap={16} style={session ? { position: 'sticky', top: 72 } : undefined}>
            <Card
              size="small"
              title={
                <Flex wrap gap={8} align="center" style={{ fontWeight: 'normal' }}>
                  {fencePurposes.map((p) => (
                    <Flex key={p} gap={4} align="center">
                      <span
                        aria-hidden="true"
                        style={{
                          display: 'inline-block',
                          width: 14,
                          height: 10,
                          border: `2px solid ${purposeColors[p].stroke}`,
                          background: `${purposeColors[p].stroke}33`,
                        }}
                      />
                      <Typography.Text>{fencePurposeLabels[p]}</Typography.Text>
                    </Flex>
                  ))}
                  <Typography.Text type="secondary">虚线：停用</Typography.Text>
                </Flex>
              }
              extra={
                session ? (
                  <Typography.Text type="warning">正在绘制：用左上角工具画出围栏</Typography.Text>
                ) : (
                  <Typography.Text type="secondary">点击围栏或左侧列表查看详情</Typography.Text>
                )
              }
              styles={{ body: { padding: 8 } }}
            >
              <FenceMap
                fences={items}
                selectedId={selectedId}
                onSelect={(id) => select(id)}
                draft={draft}
                onDraftChange={setShape}
                height={MAP_HEIGHT}
              />
            </Card>
            {!session && selectedId && items.some((f) => f.id === selectedId) && (
              <FenceDetailPanel fenceId={selectedId} canEdit={canManage} onEdit={(f) => openForm(f)} />
            )}
          </Flex>
        </Col>
      </Row>
    </>
  );
}
