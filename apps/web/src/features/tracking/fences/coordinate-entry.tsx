import { type FenceShapeInput, fenceShapeLabels } from '@zhucheng/contracts';
import { Alert, Flex, Form, Input, Modal, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { parseCoordinates, shapeFromText, shapeToText, type TypedShapeKind } from './coordinate-text.ts';
import { MetresInput } from './metres-input.tsx';

// 按坐标输入: the fence's points typed or pasted from the notice that defines the zone (one a line), instead of —
// or to correct — what was drawn on the map. The keyboard's way to a fence. The shape goes to the map, where it
// can still be edited with the drawing tools.

const kinds: TypedShapeKind[] = ['polygon', 'circle', 'corridor'];

interface CoordinateEntryProps {
  /** The shape on the map now (its points fill the box), or null. */
  shape: FenceShapeInput | null;
  corridorWidthM: number;
  onApply: (shape: FenceShapeInput) => void;
  onClose: () => void;
}

/** Opened from the fence form; mounted while open, so each opening starts from the shape on the map. */
export function CoordinateEntry({ shape, corridorWidthM, onApply, onClose }: CoordinateEntryProps) {
  const [kind, setKind] = useState<TypedShapeKind>(shape?.kind ?? 'polygon');
  const [text, setText] = useState(shape ? shapeToText(shape) : '');
  const [radiusM, setRadiusM] = useState<number | null>(shape?.kind === 'circle' ? shape.radiusM : 1000);
  const [widthM, setWidthM] = useState<number | null>(corridorWidthM);
  const [tried, setTried] = useState(false);

  const parsed = text.trim() ? parseCoordinates(text) : null;
  const result = shapeFromText(kind, text, kind === 'circle' ? radiusM : widthM);
  const error = tried || (parsed && !parsed.ok) ? (result.ok ? null : result.error) : null;

  const apply = () => {
    setTried(true);
    if (result.ok) onApply(result.shape);
  };

  return (
    <Modal
      open
      title="按坐标输入围栏范围"
      okText="放到地图上"
      cancelText="取消"
      onOk={apply}
      onCancel={onClose}
      width={560}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          每行一个点，可直接粘贴公告或表格中的坐标。支持十进制度（109.1200, 21.4500）和度分秒（北纬21°27′00″
          东经109°07′12″）；不写“东经/北纬”时，大于 90 的数为经度。
        </Typography.Paragraph>
        <Form layout="vertical" component="div">
          <Form.Item label="形状" style={{ marginBottom: 12 }}>
            <Segmented<TypedShapeKind>
              aria-label="形状"
              value={kind}
              onChange={setKind}
              options={kinds.map((k) => ({ value: k, label: fenceShapeLabels[k] }))}
            />
          </Form.Item>
          <Form.Item
            label={
              kind === 'circle'
                ? '圆心坐标'
                : kind === 'polygon'
                  ? '顶点坐标（按顺序）'
                  : '中线各点坐标（按顺序）'
            }
            htmlFor="fence-coordinates"
            style={{ marginBottom: 12 }}
            validateStatus={error ? 'error' : undefined}
            help={error ?? (parsed?.ok ? `已识别 ${parsed.points.length} 个点` : undefined)}
          >
            <Input.TextArea
              id="fence-coordinates"
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoSize={{ minRows: 6, maxRows: 14 }}
              placeholder={
                kind === 'circle'
                  ? '109.105000, 21.428000'
                  : '1、北纬21°27′00″，东经109°07′12″\n2、北纬21°27′00″，东经109°15′00″\n3、北纬21°20′00″，东经109°15′00″'
              }
              style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
            />
          </Form.Item>
          {kind !== 'polygon' && (
            <Form.Item
              label={kind === 'circle' ? '半径（米）' : '航道宽度（米）'}
              htmlFor="fence-typed-size"
              style={{ marginBottom: 0 }}
            >
              <MetresInput
                id="fence-typed-size"
                max={kind === 'circle' ? 500_000 : 100_000}
                value={kind === 'circle' ? radiusM : widthM}
                onChange={kind === 'circle' ? setRadiusM : setWidthM}
              />
            </Form.Item>
          )}
        </Form>
        {shape && <Alert type="info" showIcon title="放到地图上后将替换地图上已绘制的围栏范围。" />}
      </Flex>
    </Modal>
  );
}
