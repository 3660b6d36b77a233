import {
  type FenceDetail,
  type FenceInput,
  type FencePurpose,
  type FenceShapeInput,
  fencePurposeLabels,
  fencePurposes,
  type GearType,
  gearTypeLabels,
  gearTypes,
} from '@zhucheng/contracts';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Segmented,
  Select,
  Switch,
  Typography,
} from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { ApiRequestError, errorMessage } from '../../../lib/api.ts';
import { useCreateFence, useUpdateFence } from '../api/use-alerts.ts';
import { useVesselOptions } from '../api/use-tracking.ts';
import { CoordinateEntry } from './coordinate-entry.tsx';
import { monthDayText, parseMonthDay, purposeColors } from './fence-format.ts';
import { MetresInput } from './metres-input.tsx';
import { describeShape } from './shape-convert.ts';

// 新建 / 修改围栏: the fence's fields beside the map; the shape itself is drawn on the map (FenceMap) and comes in
// as `shape`. A new fence is POSTed with the idempotency key of this opening of the form; a change is PATCHed
// with the version it was read at (409: someone else saved first → the page reloads the fence).

type CalendarKind = 'always' | 'annual' | 'period';

interface FenceValues {
  name: string;
  purpose: FencePurpose;
  calendar: { kind: CalendarKind; start?: string; end?: string; range?: [Dayjs, Dayjs] | null };
  exemptGearTypes: GearType[];
  dwellMinutes: number;
  vesselIds: string[];
  active: boolean;
  note?: string;
}

function initialValues(fence: FenceDetail | null): Partial<FenceValues> {
  if (!fence) {
    return {
      calendar: { kind: 'always' },
      exemptGearTypes: [],
      dwellMinutes: 5,
      vesselIds: [],
      active: true,
    };
  }
  const c = fence.calendar;
  return {
    name: fence.name,
    purpose: fence.purpose,
    calendar:
      c.kind === 'annual'
        ? { kind: 'annual', start: monthDayText(c.start), end: monthDayText(c.end) }
        : c.kind === 'period'
          ? { kind: 'period', range: [dayjs(c.from), dayjs(c.to)] }
          : { kind: 'always' },
    exemptGearTypes: fence.exemptGearTypes,
    dwellMinutes: fence.dwellMinutes,
    vesselIds: fence.vesselIds,
    active: fence.active,
    note: fence.note ?? '',
  };
}

/** Where a server field error (`calendar.from`, `shape.ring`, …) is shown in this form. */
function fieldFor(path: string): NamePath | 'shape' | null {
  const [head, sub] = path.split('.');
  if (head === 'shape') return 'shape';
  if (head === 'calendar') {
    if (sub === 'from' || sub === 'to') return ['calendar', 'range'];
    if (sub === 'start' || sub === 'end') return ['calendar', sub];
    return ['calendar', 'kind'];
  }
  if (
    head &&
    ['name', 'purpose', 'exemptGearTypes', 'dwellMinutes', 'vesselIds', 'active', 'note'].includes(head)
  ) {
    return [head];
  }
  return null;
}

/** Searches the corrections module's vessels; keeps the names of those already chosen. */
function VesselsPicker({ value, onChange }: { value?: string[]; onChange?: (v: string[]) => void }) {
  const [q, setQ] = useState('');
  const vessels = useVesselOptions(q);
  const [known, setKnown] = useState<Record<string, string>>({});
  const found = vessels.data?.items ?? [];
  const labels = useMemo(() => {
    const next = { ...known };
    for (const v of found) next[v.id] = `${v.name}（${v.registrationNo}）`;
    return next;
  }, [found, known]);
  const options = [
    ...(value ?? [])
      .filter((id) => !found.some((v) => v.id === id))
      .map((id) => ({ value: id, label: labels[id] ?? `已选船舶（编号 ${id.slice(0, 8)}）` })),
    ...found.map((v) => ({ value: v.id, label: labels[v.id] ?? v.name })),
  ];
  return (
    <Select
      mode="multiple"
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(ids: string[]) => {
        setKnown(labels);
        onChange?.(ids);
      }}
      placeholder="不选即本单位及下级全部船舶；输入船名或登记号搜索"
      loading={vessels.isFetching}
      notFoundContent={
        vessels.isError
          ? errorMessage(vessels.error)
          : vessels.isFetching
            ? '正在搜索…'
            : q
              ? '没有符合条件的船舶'
              : '暂无船舶'
      }
      options={options}
      style={{ width: '100%' }}
    />
  );
}

export interface FenceFormProps {
  /** The fence being changed (as last read), or null for a new one. */
  fence: FenceDetail | null;
  idempotencyKey: string;
  shape: FenceShapeInput | null;
  corridorWidthM: number;
  onCorridorWidthChange: (widthM: number) => void;
  /** A shape typed as coordinates: the page puts it on the map in place of what was drawn. */
  onShapeTyped: (shape: FenceShapeInput) => void;
  /** Shown above the form, e.g. after a conflicting change was reloaded. */
  notice: string | null;
  onSaved: (fenceId: string) => void;
  onConflict: () => void;
  onCancel: () => void;
}

export function FenceForm(props: FenceFormProps) {
  const { fence, shape, corridorWidthM } = props;
  const [form] = Form.useForm<FenceValues>();
  const { message } = App.useApp();
  const create = useCreateFence();
  const update = useUpdateFence(fence?.id ?? '');
  const pending = create.isPending || update.isPending;
  const [formError, setFormError] = useState<string | null>(null);
  const [shapeError, setShapeError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [typing, setTyping] = useState(false);
  const calendarKind = Form.useWatch(['calendar', 'kind'], form) ?? 'always';
  const initial = useMemo(() => initialValues(fence), [fence]);
  const noticeRef = useRef<HTMLDivElement>(null);
  const hasNotice = props.notice !== null;
  useEffect(() => {
    if (hasNotice) noticeRef.current?.scrollIntoView({ block: 'center' });
  }, [hasNotice]);

  const report = (error: unknown) => {
    if (error instanceof ApiRequestError && error.status === 409) {
      props.onConflict();
      return;
    }
    const rest: string[] = [];
    const fields: { name: NamePath; errors: string[] }[] = [];
    for (const f of error instanceof ApiRequestError ? error.fields : []) {
      const target = fieldFor(f.path);
      if (target === 'shape') setShapeError(f.message);
      else if (target) fields.push({ name: target, errors: [f.message] });
      else rest.push(f.message);
    }
    if (fields.length > 0) form.setFields(fields);
    const matched =
      fields.length > 0 || (error instanceof ApiRequestError && error.fields.some((f) => fieldFor(f.path)));
    setFormError(rest.length > 0 ? rest.join('；') : matched ? null : errorMessage(error));
  };

  const submit = (v: FenceValues) => {
    setSubmitted(true);
    setFormError(null);
    if (!shape) {
      setShapeError('请在地图上绘制围栏');
      return;
    }
    setShapeError(null);
    const c = v.calendar;
    const calendar: FenceInput['calendar'] =
      c.kind === 'annual'
        ? { kind: 'annual', start: parseMonthDay(c.start ?? '') ?? '', end: parseMonthDay(c.end ?? '') ?? '' }
        : c.kind === 'period' && c.range
          ? { kind: 'period', from: c.range[0].format(), to: c.range[1].format() }
          : { kind: 'always' };
    const body: FenceInput = {
      name: v.name.trim(),
      purpose: v.purpose,
      shape: shape.kind === 'corridor' ? { ...shape, widthM: corridorWidthM } : shape,
      calendar,
      exemptGearTypes: v.exemptGearTypes ?? [],
      dwellMinutes: v.dwellMinutes,
      vesselIds: v.vesselIds ?? [],
      active: v.active,
      note: v.note?.trim() ? v.note.trim() : null,
    };
    if (fence) {
      update.mutate(
        { ...body, version: fence.version },
        {
          onSuccess: (saved) => {
            message.success(`已保存：${saved.name}（第${saved.version}版）`);
            props.onSaved(saved.id);
          },
          onError: report,
        },
      );
    } else {
      create.mutate(
        { body, idempotencyKey: props.idempotencyKey },
        {
          onSuccess: (saved) => {
            message.success(`已新建围栏：${saved.name}`);
            props.onSaved(saved.id);
          },
          onError: report,
        },
      );
    }
  };

  const missingShape = !shape && (submitted || shapeError !== null);
  const shapeHelp = shapeError ?? (missingShape ? '请在地图上绘制围栏' : null);
  const showWidth = !shape || shape.kind === 'corridor';

  return (
    <Form<FenceValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={pending}
      onFinish={submit}
      onFinishFailed={() => {
        setSubmitted(true);
        if (!shape) setShapeError('请在地图上绘制围栏');
      }}
      requiredMark
    >
      {props.notice && (
        <div ref={noticeRef}>
          <Alert type="warning" showIcon title={props.notice} style={{ marginBottom: 16 }} />
        </div>
      )}
      <FormErrorAlert message={formError} />
      <Form.Item
        label="围栏范围"
        required
        validateStatus={shapeHelp ? 'error' : undefined}
        help={shapeHelp ?? undefined}
      >
        <div data-testid="fence-shape-status">
          {shape ? (
            <Typography.Text>
              已绘制：
              {describeShape(shape.kind === 'corridor' ? { ...shape, widthM: corridorWidthM } : shape)}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">
              用地图左上角的工具绘制：多边形、圆形，或折线（航道，按下方宽度计算），点击最后一个点或首点结束绘制；也可按坐标输入（公告中的经纬度可直接粘贴）。
            </Typography.Text>
          )}
          {shape && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                可用“编辑”工具拖动顶点、“拖动”工具整体移动，“删除”工具清除后重画。
              </Typography.Text>
            </div>
          )}
          <div style={{ marginTop: 8 }}>
            <Button size="small" onClick={() => setTyping(true)}>
              按坐标输入
            </Button>
          </div>
          {typing && (
            <CoordinateEntry
              shape={
                shape ? (shape.kind === 'corridor' ? { ...shape, widthM: corridorWidthM } : shape) : null
              }
              corridorWidthM={corridorWidthM}
              onApply={(typed) => {
                setTyping(false);
                setShapeError(null);
                props.onShapeTyped(typed);
              }}
              onClose={() => setTyping(false)}
            />
          )}
        </div>
      </Form.Item>
      {showWidth && (
        <Form.Item
          label="航道宽度（米）"
          extra="仅用于折线绘制的航道：以折线为中线，两侧各为宽度的一半"
          htmlFor="fence-corridor-width"
        >
          <MetresInput
            id="fence-corridor-width"
            max={100_000}
            value={corridorWidthM}
            onChange={(v) => props.onCorridorWidthChange(v !== null && v > 0 ? v : 1)}
          />
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label="围栏名称"
        rules={[
          { required: true, whitespace: true, message: '请填写围栏名称' },
          { max: 60, message: '围栏名称不能超过 60 个字' },
        ]}
      >
        <Input maxLength={60} placeholder="如：北海港禁渔区（伏季休渔）" />
      </Form.Item>
      <Form.Item
        name="purpose"
        label="用途"
        rules={[{ required: true, message: '请选择围栏用途' }]}
        extra="禁止区域：驶入告警；允许作业区域：出海时驶出全部允许区域告警；港口：在港内视为在港，不算出海"
      >
        <Radio.Group
          optionType="button"
          options={fencePurposes.map((p) => ({
            value: p,
            label: <span style={{ color: purposeColors[p].stroke }}>{fencePurposeLabels[p]}</span>,
          }))}
        />
      </Form.Item>
      <Form.Item
        name={['calendar', 'kind']}
        label="生效时间"
        rules={[{ required: true, message: '请选择生效时间' }]}
      >
        <Segmented<CalendarKind>
          options={[
            { value: 'always', label: '长期' },
            { value: 'annual', label: '每年' },
            { value: 'period', label: '指定期间' },
          ]}
        />
      </Form.Item>
      {calendarKind === 'annual' && (
        <Flex gap={12} wrap>
          {(['start', 'end'] as const).map((which) => (
            <Form.Item
              key={which}
              name={['calendar', which]}
              label={which === 'start' ? '每年开始（月-日 时:分）' : '每年结束（月-日 时:分）'}
              style={{ flex: '1 1 150px' }}
              rules={[
                { required: true, message: which === 'start' ? '请填写每年开始时间' : '请填写每年结束时间' },
                {
                  validator: (_, v: string | undefined) =>
                    !v || parseMonthDay(v)
                      ? Promise.resolve()
                      : Promise.reject(new Error('应为 月-日 时:分，如 05-01 12:00')),
                },
              ]}
            >
              <Input placeholder={which === 'start' ? '05-01 12:00' : '08-16 12:00'} maxLength={11} />
            </Form.Item>
          ))}
        </Flex>
      )}
      {calendarKind === 'annual' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8, fontSize: 12 }}>
          北京时间；结束早于开始时为跨年，如 12-01 00:00 至次年 02-28 23:59。
        </Typography.Paragraph>
      )}
      {calendarKind === 'period' && (
        <Form.Item
          name={['calendar', 'range']}
          label="生效期间"
          rules={[
            { required: true, message: '请选择生效和失效时间' },
            {
              validator: (_, v: [Dayjs, Dayjs] | null | undefined) =>
                !v || v[1].isAfter(v[0])
                  ? Promise.resolve()
                  : Promise.reject(new Error('失效时间应晚于生效时间')),
            },
          ]}
        >
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            placeholder={['生效时间', '失效时间']}
            style={{ width: '100%' }}
          />
        </Form.Item>
      )}
      <Form.Item
        name="exemptGearTypes"
        label="豁免作业类型"
        extra="这些作业类型的船舶不受本围栏约束（如休渔期豁免的钓具）"
      >
        <Select
          mode="multiple"
          allowClear
          placeholder="不豁免"
          options={gearTypes.map((g) => ({ value: g, label: gearTypeLabels[g] }))}
          optionFilterProp="label"
        />
      </Form.Item>
      <Form.Item
        name="dwellMinutes"
        label="确认时长（分钟）"
        extra="驶出/进入后持续该时长才告警，避免定位漂移误报"
        rules={[{ required: true, message: '请填写确认时长' }]}
      >
        <InputNumber min={0} max={720} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="vesselIds" label="适用船舶" extra="不选即本单位及下级全部船舶">
        <VesselsPicker />
      </Form.Item>
      <Form.Item
        name="active"
        label="启用"
        valuePropName="checked"
        extra="停用后不再据此告警，可随时重新启用"
      >
        <Switch checkedChildren="启用" unCheckedChildren="停用" />
      </Form.Item>
      <Form.Item name="note" label="说明" rules={[{ max: 300, message: '说明不能超过 300 个字' }]}>
        <Input.TextArea
          maxLength={300}
          showCount
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder="依据的文件、执行要求等"
        />
      </Form.Item>
      <Flex gap={8} wrap>
        <Button type="primary" htmlType="submit" loading={pending}>
          {fence ? '保存修改' : '保存围栏'}
        </Button>
        <Button onClick={props.onCancel} disabled={pending}>
          取消
        </Button>
      </Flex>
    </Form>
  );
}
