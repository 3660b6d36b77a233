import {
  type ConsultationChannel,
  type ConsultationOutcome,
  consultationChannelLabels,
  consultationChannels,
  consultationOutcomeLabels,
  consultationOutcomes,
  type LegalAidDisputeKind,
  legalAidDisputeKindLabels,
  legalAidDisputeKinds,
} from '@zhucheng/contracts';
import { Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useStations } from '../api/use-registry.ts';

export interface ConsultationValues {
  channel: ConsultationChannel;
  consultedAt?: Dayjs | null;
  personName?: string;
  phone?: string;
  topic: LegalAidDisputeKind;
  summary: string;
  outcome: ConsultationOutcome;
  referredTo?: string;
  stationId?: string;
}

export const channelOptions = consultationChannels.map((value) => ({
  value,
  label: consultationChannelLabels[value],
}));
const outcomeOptions = consultationOutcomes.map((value) => ({
  value,
  label: consultationOutcomeLabels[value],
}));
const topicOptions = legalAidDisputeKinds.map((value) => ({
  value,
  label: legalAidDisputeKindLabels[value],
}));

/** The fields of a consultation; two columns on wide screens (`columns` 2), one on narrow. */
export function ConsultationFields({
  columns,
  correcting = false,
}: {
  columns: 1 | 2;
  correcting?: boolean;
}) {
  const form = Form.useFormInstance<ConsultationValues>();
  const channel = Form.useWatch('channel', form);
  const outcome = Form.useWatch('outcome', form);
  const stations = useStations();
  const span = columns === 2 ? 12 : 24;
  const openStations = (stations.data?.items ?? []).filter((s) => !s.closedOn);

  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item name="channel" label="咨询方式" rules={[{ required: true, message: '请选择咨询方式' }]}>
          <Radio.Group options={channelOptions} optionType="button" buttonStyle="solid" />
        </Form.Item>
      </Col>
      {channel === 'station' && (
        <Col span={span}>
          <Form.Item
            name="stationId"
            label="工作站"
            rules={[{ required: true, message: '请选择接待的工作站' }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={stations.isPending}
              options={openStations.map((s) => ({ value: s.id, label: s.name }))}
              placeholder="请选择接待的工作站"
              notFoundContent="暂无工作站，请先在“工作站”页面登记"
            />
          </Form.Item>
        </Col>
      )}
      <Col span={span}>
        <Form.Item
          name="personName"
          label="咨询人"
          extra={correcting ? '已登记的姓名不显示；需要更正时填写，不修改请留空' : undefined}
          rules={correcting ? [] : [{ required: true, message: '请填写咨询人姓名' }]}
        >
          <Input
            maxLength={30}
            autoComplete="off"
            placeholder={correcting ? '不修改请留空' : '姓名，匿名可填“匿名”'}
          />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item
          name="phone"
          label="联系电话"
          extra="选填；加密保存，列表中只显示部分号码"
          rules={[{ pattern: /^[\d\s-]{7,20}$/, message: '请填写手机号码或带区号的固定电话' }]}
        >
          <Input inputMode="tel" maxLength={20} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="topic" label="咨询事项" rules={[{ required: true, message: '请选择咨询事项' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={topicOptions} placeholder="请选择" />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="consultedAt" label="咨询时间" extra="不填为当前时间">
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="summary" label="咨询内容" rules={[{ required: true, message: '请填写咨询内容' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="outcome" label="处理结果" rules={[{ required: true, message: '请选择处理结果' }]}>
          <Select options={outcomeOptions} />
        </Form.Item>
      </Col>
      {outcome === 'referredElsewhere' && (
        <Col span={span}>
          <Form.Item
            name="referredTo"
            label="转往单位"
            rules={[{ required: true, message: '请填写转往的单位' }]}
          >
            <Input maxLength={60} placeholder="如：合浦县劳动人事争议仲裁委员会" />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}

/** The request body from the form's values. */
export function consultationBody(values: ConsultationValues) {
  return {
    channel: values.channel,
    ...(values.consultedAt ? { consultedAt: values.consultedAt.toISOString() } : {}),
    personName: values.personName?.trim() ?? '',
    topic: values.topic,
    summary: values.summary.trim(),
    outcome: values.outcome,
    referredTo: values.outcome === 'referredElsewhere' ? values.referredTo?.trim() || null : null,
    stationId: values.channel === 'station' ? (values.stationId ?? null) : null,
  };
}
