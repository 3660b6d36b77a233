import {
  type LegalAidDisputeKind,
  type LegalAidExemption,
  type LegalAidMatterType,
  legalAidDisputeKindLabels,
  legalAidDisputeKindMatterTypes,
  legalAidDisputeKinds,
  legalAidExemptionCitations,
  legalAidExemptionLabels,
  legalAidExemptions,
  legalAidMatterTypeLabels,
  legalAidMatterTypes,
} from '@zhucheng/contracts';
import {
  Alert,
  Checkbox,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Select,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { idNumberHint } from '../../../components/party/index.ts';
import { usePlaces } from '../api/legal-aid-api.ts';
import type { ApplicationFormValues, HardshipWay } from './application-form-model.ts';
import styles from './portal.module.css';

// The fields of an application, shared by the portal's steps and the counter's one-page form. Every
// field says why it is asked for.

const matterTypeOptions = legalAidMatterTypes.map((value) => ({
  value,
  label: legalAidMatterTypeLabels[value],
}));

/** 申请人 for the portal: name, ID number (checked as typed), phone, address. */
export function ApplicantFields({ form }: { form: FormInstance<ApplicationFormValues> }) {
  const idNumber = Form.useWatch(['applicant', 'idNumber'], form);
  const hint = idNumberHint('residentIdCard', idNumber, dayjs().format('YYYY-MM-DD'));
  return (
    <>
      <Form.Item
        name={['applicant', 'name']}
        label="姓名"
        extra="与身份证一致，法律援助实行实名申请"
        rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
      >
        <Input maxLength={60} autoComplete="name" />
      </Form.Item>
      <Form.Item
        name={['applicant', 'idNumber']}
        label="身份证号码"
        validateTrigger={['onChange', 'onBlur']}
        rules={[
          { required: true, whitespace: true, message: '请填写身份证号码' },
          {
            validator: async (_rule, value: string | undefined) => {
              if (!value?.trim()) return;
              const verdict = idNumberHint('residentIdCard', value, dayjs().format('YYYY-MM-DD'));
              if (verdict.problem) throw new Error(verdict.problem);
              if (verdict.incomplete) throw new Error('身份证号码应为 18 位');
            },
          },
        ]}
        extra={
          hint.birthDate && !hint.problem ? (
            <Typography.Text type="success">
              校验通过：{hint.gender === 'female' ? '女' : '男'}，{hint.birthDate} 出生
            </Typography.Text>
          ) : (
            '用于核实身份；未成年人、老年人可免予经济困难审查，系统按号码自动识别'
          )
        }
      >
        <Input maxLength={18} autoComplete="off" spellCheck={false} inputMode="text" />
      </Form.Item>
      <Form.Item
        name={['applicant', 'phone']}
        label="联系电话"
        extra="工作人员通过它联系您、发送办理进度短信"
        rules={[
          { required: true, whitespace: true, message: '请填写联系电话' },
          { pattern: /^[\s\d()+\-－（）]*$/, message: '联系电话只能包含数字、空格、括号和连字符' },
        ]}
      >
        <Input maxLength={30} inputMode="tel" autoComplete="tel" />
      </Form.Item>
      <Form.Item
        name={['applicant', 'address']}
        label="住址"
        extra="用于送达决定书等文书；写到门牌号"
        rules={[{ required: true, whitespace: true, message: '请填写住址' }]}
      >
        <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} autoComplete="street-address" />
      </Form.Item>
    </>
  );
}

/** 申请事项: type and kind, opposing party, place, facts, request, amount. */
export function MatterFields({ form }: { form: FormInstance<ApplicationFormValues> }) {
  const places = usePlaces();
  const matterType = Form.useWatch(['matter', 'matterType'], form) as LegalAidMatterType | undefined;
  const kinds = legalAidDisputeKinds.filter(
    (kind) => !matterType || legalAidDisputeKindMatterTypes[kind].includes(matterType),
  );
  return (
    <>
      <Form.Item
        name={['matter', 'matterType']}
        label="案件类型"
        extra="决定由哪类律师办理；不确定就选“民事”，工作人员会帮您核对"
        rules={[{ required: true, message: '请选择案件类型' }]}
      >
        <Radio.Group
          options={matterTypeOptions}
          className={styles.types}
          optionType="button"
          onChange={() => {
            const kind = form.getFieldValue(['matter', 'disputeKind']) as LegalAidDisputeKind | undefined;
            const type = form.getFieldValue(['matter', 'matterType']) as LegalAidMatterType;
            if (kind && !legalAidDisputeKindMatterTypes[kind].includes(type)) {
              form.setFieldValue(['matter', 'disputeKind'], undefined);
            }
          }}
        />
      </Form.Item>
      <Form.Item
        name={['matter', 'disputeKind']}
        label="事项类别"
        extra="讨薪、工伤等事项可免予经济困难审查"
        rules={[{ required: true, message: '请选择事项类别' }]}
      >
        <Select
          options={kinds.map((value) => ({ value, label: legalAidDisputeKindLabels[value] }))}
          placeholder="请选择"
          aria-label="事项类别"
        />
      </Form.Item>
      <Form.Item
        name={['matter', 'opposingParty']}
        label="对方当事人"
        extra="欠薪的公司、肇事方等的名称或姓名；用于检查律师是否与对方有利害关系，不知道可以不填"
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name={['matter', 'placeUnitId']}
        label="事项发生地"
        extra="由事项发生地的法律援助中心办理；在任何一个窗口或网上申请都可以（全城通办）"
        rules={[{ required: true, message: '请选择事项发生地' }]}
      >
        <Select
          options={(places.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          loading={places.isPending}
          placeholder="请选择县（区）"
          aria-label="事项发生地"
          notFoundContent={places.isError ? '地区列表加载失败，请稍后重试' : '暂无可选地区'}
        />
      </Form.Item>
      <Form.Item
        name={['matter', 'facts']}
        label="发生了什么"
        extra="按时间写清经过：何时、何地、谁、什么事；律师据此判断如何帮您"
        rules={[{ required: true, whitespace: true, message: '请填写事情经过' }]}
      >
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 4, maxRows: 10 }} />
      </Form.Item>
      <Form.Item
        name={['matter', 'request']}
        label="希望得到什么帮助"
        extra="例如：追回拖欠的工资；代写起诉状并出庭"
        rules={[{ required: true, whitespace: true, message: '请填写希望得到什么帮助' }]}
      >
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item
        name={['matter', 'amountClaimed']}
        label="涉及金额（元）"
        extra="欠薪、赔偿等要求的金额，没有可以不填"
      >
        <InputNumber<number>
          min={0}
          max={1_000_000_000}
          precision={2}
          style={{ width: '100%' }}
          inputMode="decimal"
          aria-label="涉及金额（元）"
        />
      </Form.Item>
    </>
  );
}

const ways: { value: HardshipWay; title: string; help: string }[] = [
  {
    value: 'exemption',
    title: '免予经济困难审查',
    help: '属于法律规定的特定人群或事项（如农民工讨薪、未成年人、低保对象），不需要证明经济困难。',
  },
  {
    value: 'pledge',
    title: '告知承诺（本人承诺经济困难）',
    help: '不用开证明，如实填写家庭收入并签署承诺即可，中心可能抽查核实。',
  },
  {
    value: 'documents',
    title: '上传经济困难证明',
    help: '已有低保证、特困证明或村（居）委会出具的证明的，上传证明材料（可拍照）。',
  },
];

const exemptionOptions = legalAidExemptions.map((value: LegalAidExemption) => ({
  value,
  label: `${legalAidExemptionLabels[value]}（${legalAidExemptionCitations[value].replace(/《法律援助法》/, '')}）`,
}));

/** 经济状况: an exemption, the pledge (with the Art. 64 warning) or uploaded proof. */
export function HardshipFields({ form }: { form: FormInstance<ApplicationFormValues> }) {
  const way = Form.useWatch('hardshipWay', form) as HardshipWay | undefined;
  return (
    <>
      <Form.Item
        name="hardshipWay"
        label="经济困难的说明方式"
        extra="选一种即可"
        rules={[{ required: true, message: '请选择一种说明方式' }]}
      >
        <Radio.Group className={styles.choice} aria-label="经济困难的说明方式">
          {ways.map((w) => (
            <Radio
              key={w.value}
              value={w.value}
              className={`${styles.option} ${way === w.value ? styles.optionChecked : ''}`}
            >
              <strong>{w.title}</strong>
              <span className={styles.optionHelp}>{w.help}</span>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {way === 'exemption' && (
        <Form.Item
          name={['hardship', 'exemption']}
          label="属于哪种情形"
          extra="中心会核对您选的情形；不确定的，可改选“告知承诺”"
          rules={[{ required: true, message: '请选择免予审查的情形' }]}
        >
          <Select
            options={exemptionOptions}
            placeholder="请选择"
            aria-label="免予审查的情形"
            showSearch={{ optionFilterProp: 'label' }}
            optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
          />
        </Form.Item>
      )}
      {(way === 'pledge' || way === 'documents') && (
        <>
          <Form.Item
            name={['hardship', 'householdSize']}
            label="家庭人口（人）"
            extra="共同生活的家庭成员人数，用来算人均收入"
            rules={[{ required: true, message: '请填写家庭人口' }]}
          >
            <InputNumber<number>
              min={1}
              max={30}
              precision={0}
              style={{ width: '100%' }}
              inputMode="numeric"
              aria-label="家庭人口（人）"
            />
          </Form.Item>
          <Form.Item
            name={['hardship', 'householdMonthlyIncome']}
            label="家庭月收入（元）"
            extra="全家每月收入合计；人均低于当地标准即符合经济困难条件"
            rules={[{ required: true, message: '请填写家庭月收入' }]}
          >
            <InputNumber<number>
              min={0}
              max={1_000_000_000}
              precision={2}
              style={{ width: '100%' }}
              inputMode="decimal"
              aria-label="家庭月收入（元）"
            />
          </Form.Item>
          <Form.Item
            name={['hardship', 'householdAssets']}
            label="家庭存款等资产（元）"
            extra="存款、理财等，不含自住的唯一住房；没有填 0"
          >
            <InputNumber<number>
              min={0}
              max={1_000_000_000}
              precision={2}
              style={{ width: '100%' }}
              inputMode="decimal"
              aria-label="家庭存款等资产（元）"
            />
          </Form.Item>
        </>
      )}
      {way === 'pledge' && (
        <>
          <Alert
            type="warning"
            showIcon
            title="请如实承诺"
            description={
              <p className={styles.warning}>
                以欺骗或者其他不正当手段获得法律援助的，由司法行政部门责令支付已实施法律援助的费用，并处三千元以下罚款
                （《法律援助法》第六十四条），已给予的法律援助将被终止。
              </p>
            }
          />
          <Form.Item
            name={['hardship', 'pledgeSigned']}
            valuePropName="checked"
            rules={[
              {
                validator: async (_r, v: boolean | undefined) => {
                  if (v !== true) throw new Error('请阅读并勾选承诺');
                },
              },
            ]}
          >
            <Checkbox>
              本人承诺所填家庭人口、收入和资产真实，符合经济困难条件，愿意承担虚假承诺的法律责任。
            </Checkbox>
          </Form.Item>
        </>
      )}
    </>
  );
}

/** 第四十四条: the deadline is close, so aid can start before the formalities. */
export function UrgentFields({ form }: { form: FormInstance<ApplicationFormValues> }) {
  const urgent = Form.useWatch('urgent', form);
  return (
    <>
      <Form.Item
        name="urgent"
        valuePropName="checked"
        extra="诉讼时效或期限不足七日、需要紧急申请财产保全等情况，中心可以先行提供法律援助（第四十四条）"
      >
        <Checkbox>情况紧急</Checkbox>
      </Form.Item>
      {urgent && (
        <Form.Item
          name="urgentReason"
          label="紧急情况说明"
          extra="写明哪天到期、有什么紧急情况"
          rules={[{ required: true, whitespace: true, message: '请说明紧急情况' }]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      )}
    </>
  );
}
