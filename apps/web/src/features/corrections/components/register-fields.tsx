import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { superviseeFlagLabels, superviseeFlags } from '@zhucheng/contracts';
import { Button, Checkbox, DatePicker, Flex, Form, Input } from 'antd';

const flagOptions = superviseeFlags.map((value) => ({ value, label: superviseeFlagLabels[value] }));

/** 矫正期: start and end in one picker. */
export function PeriodField() {
  return (
    <Form.Item
      name="period"
      label="矫正期"
      required
      rules={[
        {
          validator: async (_rule, value: [unknown, unknown] | null | undefined) => {
            if (!value?.[0] || !value[1]) throw new Error('请选择矫正期起止日期');
          },
        },
      ]}
      extra="起始日一般为判决、裁定、决定生效之日"
    >
      <DatePicker.RangePicker placeholder={['起始日', '届满日']} style={{ maxWidth: 320 }} />
    </Form.Item>
  );
}

/** 禁止令: up to 10 items, one line each. */
export function ProhibitionOrdersField() {
  return (
    <Form.Item label="禁止令" extra="人民法院判决宣告的禁止令，每项一行；没有则不填">
      <Form.List name="prohibitionOrders">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start">
                <Form.Item
                  name={field.name}
                  noStyle
                  rules={[{ max: 200, message: '禁止令内容不能超过 200 个字' }]}
                >
                  <Input maxLength={200} placeholder={`第 ${index + 1} 项，如：禁止进入夜总会、酒吧、迪厅`} />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={`删除第 ${index + 1} 项禁止令`}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            {fields.length < 10 ? (
              <Button icon={<PlusOutlined />} onClick={() => add('')} style={{ alignSelf: 'flex-start' }}>
                添加禁止令
              </Button>
            ) : null}
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** 标记: 未成年 (also set from the birth date) and 涉海涉渔 (vessels and sea trips apply). */
export function FlagsField() {
  return (
    <Form.Item
      name="flags"
      label="标记"
      extra="未满 18 周岁的按出生日期自动标记为未成年；从事海上作业、捕捞的请勾选涉海涉渔"
    >
      <Checkbox.Group options={flagOptions} />
    </Form.Item>
  );
}

/** 本人手机号码: the supervisee signs in to 我的矫正 with it. */
export function PhoneField({ required, placeholder }: { required: boolean; placeholder?: string }) {
  return (
    <Form.Item
      name="phone"
      label="本人手机号码"
      rules={[
        ...(required
          ? [{ required: true, whitespace: true, message: '请填写社区矫正对象本人的手机号码' }]
          : []),
        {
          validator: async (_rule: unknown, value: string | undefined) => {
            const v = value?.replace(/\s+/g, '') ?? '';
            if (v && !/^1[3-9]\d{9}$/.test(v)) throw new Error('手机号码应为 11 位数字，以 1 开头');
          },
        },
      ]}
      extra="社区矫正对象用本人手机号码登录“我的矫正”报到、打卡；保存后只显示遮挡的号码"
    >
      <Input
        maxLength={13}
        inputMode="tel"
        autoComplete="off"
        placeholder={placeholder}
        style={{ maxWidth: 220, fontVariantNumeric: 'tabular-nums' }}
      />
    </Form.Item>
  );
}
