import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  classificationFactorLabels,
  classificationFactors,
  genderLabels,
  type SuperviseeView,
  supervisionLevelLabels,
  supervisionLevels,
  teamMemberRoleLabels,
  teamMemberRoles,
} from '@zhucheng/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { DeadlineBadge } from '../../../components/deadline-badge.tsx';
import { useCan } from '../../../lib/access.tsx';
import { useIsNarrow } from '../../../lib/responsive.ts';
import { clockStanding, useSuperviseeStep } from '../api/use-corrections.ts';
import { Facts } from './facts.tsx';
import {
  type AnnouncementValues,
  type ClassifyValues,
  type PlanValues,
  type TeamMemberValues,
  teamFormProblem,
  toAnnouncementInput,
  toClassifyInput,
  toPlanInput,
  toTeamInput,
} from './form-model.ts';
import { StepDrawer, useStepFailure } from './step-drawer.tsx';

type Step = 'team' | 'classification' | 'plan' | 'announcement';
const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');
const roleOptions = teamMemberRoles.map((value) => ({ value, label: teamMemberRoleLabels[value] }));
const genderOptions = (['male', 'female'] as const).map((value) => ({ value, label: genderLabels[value] }));
const levelOptions = supervisionLevels.map((value) => ({ value, label: supervisionLevelLabels[value] }));
const factorOptions = classificationFactors.map((value) => ({
  value,
  label: classificationFactorLabels[value],
}));

/** 入矫: report-in, the supervision team, classification, the plan and the announcement. */
export function IntakeTab({ s, onReportIn }: { s: SuperviseeView; onReportIn: () => void }) {
  const can = useCan();
  const mayEdit = can('corrections:intake');
  const [open, setOpen] = useState<Step | null>(null);
  const close = () => setOpen(null);
  const edit = (step: Step, label: string) =>
    mayEdit ? (
      <Button size="small" onClick={() => setOpen(step)}>
        {label}
      </Button>
    ) : null;

  return (
    <Flex vertical gap={16}>
      <Card size="small" title="报到（第二十一条）">
        {s.reportedInOn ? (
          <Typography.Text>已于 {s.reportedInOn} 报到。</Typography.Text>
        ) : (
          <Flex wrap gap={12} align="center">
            <Typography.Text>尚未报到</Typography.Text>
            {s.reportIn ? <DeadlineBadge standing={clockStanding(s.reportIn)} /> : null}
            {s.status === 'awaitingReportIn' && mayEdit ? (
              <Button type="primary" size="small" onClick={onReportIn}>
                记录报到
              </Button>
            ) : null}
          </Flex>
        )}
      </Card>

      <Card
        size="small"
        title="矫正小组（第二十五条）"
        extra={edit('team', s.team.length ? '调整小组' : '组建小组')}
      >
        <Table
          size="small"
          rowKey={(m) => `${m.name}-${m.role}`}
          pagination={false}
          dataSource={s.team}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: `尚未组建矫正小组，点击“组建小组”添加成员${s.gender === 'female' ? '（社区矫正对象为女性，小组中应有女性成员）' : ''}`,
          }}
          columns={[
            {
              title: '姓名',
              dataIndex: 'name',
              render: (n: string, m) => (
                <Flex gap={4} wrap>
                  <span style={{ wordBreak: 'break-word' }}>{n}</span>
                  {m.leader ? <Tag color="blue">组长</Tag> : null}
                </Flex>
              ),
            },
            {
              title: '身份',
              dataIndex: 'role',
              render: (r: keyof typeof teamMemberRoleLabels) => teamMemberRoleLabels[r],
            },
            { title: '性别', dataIndex: 'gender', render: (g: 'male' | 'female') => genderLabels[g] },
            { title: '单位或关系', dataIndex: 'affiliation', render: (a: string | null) => a ?? '—' },
          ]}
        />
      </Card>

      <Card
        size="small"
        title="分类管理（第二十四条）"
        extra={edit('classification', s.supervisionLevel ? '调整等级' : '确定等级')}
      >
        {s.supervisionLevel ? (
          <Facts
            rows={[
              {
                label: '管理等级',
                value: (
                  <Tag color={s.supervisionLevel === 'strict' ? 'red' : 'blue'}>
                    {supervisionLevelLabels[s.supervisionLevel]}
                  </Tag>
                ),
              },
              {
                label: '考虑因素',
                wide: true,
                value: s.levelFactors.map((f) => classificationFactorLabels[f]).join('、'),
              },
              {
                label: '分类理由',
                wide: true,
                value: <span style={{ whiteSpace: 'pre-wrap' }}>{s.levelReasons}</span>,
              },
              { label: '分类日期', value: s.levelSetOn },
            ]}
          />
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description="尚未分类，点击“确定等级”，根据第二十四条确定管理等级并写明理由"
          />
        )}
        {s.classifications.length > 1 ? (
          <Table
            style={{ marginTop: 12 }}
            size="small"
            rowKey={(c) => `${c.decidedOn}-${c.level}-${c.reasons}`}
            pagination={false}
            dataSource={s.classifications}
            columns={[
              { title: '日期', dataIndex: 'decidedOn', width: 110 },
              {
                title: '等级',
                dataIndex: 'level',
                width: 80,
                render: (l: keyof typeof supervisionLevelLabels) => supervisionLevelLabels[l],
              },
              { title: '理由', dataIndex: 'reasons' },
              { title: '决定人', dataIndex: 'decidedBy', width: 100 },
            ]}
          />
        ) : null}
      </Card>

      <Card size="small" title="矫正方案" extra={edit('plan', s.plan ? '修改方案' : '制定方案')}>
        {s.plan ? (
          <Facts
            rows={[
              {
                label: '方案内容',
                wide: true,
                value: <span style={{ whiteSpace: 'pre-wrap' }}>{s.plan.content}</span>,
              },
              { label: '每月教育学习', value: `${s.plan.educationHoursMonthly} 小时` },
              { label: '每月公益活动', value: `${s.plan.publicServiceHoursMonthly} 小时` },
              { label: '制定日期', value: s.plan.setOn },
            ]}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未制定矫正方案，点击“制定方案”填写" />
        )}
      </Card>

      <Card
        size="small"
        title="入矫宣告"
        extra={edit('announcement', s.announcement ? '修改宣告记录' : '记录宣告')}
      >
        {s.announcement ? (
          <Facts
            rows={[
              { label: '宣告日期', value: s.announcement.announcedOn },
              { label: '宣告地点', value: s.announcement.place },
              { label: '宣告人', value: s.announcement.host },
              {
                label: '参加人员',
                wide: true,
                value: s.announcement.attendees.map((a) => `${a.name}（${a.role}）`).join('、'),
              },
              ...(s.announcement.note ? [{ label: '宣告情况', wide: true, value: s.announcement.note }] : []),
            ]}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未宣告，宣告后点击“记录宣告”登记" />
        )}
      </Card>

      <TeamDrawer s={s} open={open === 'team'} onClose={close} />
      <ClassifyDrawer s={s} open={open === 'classification'} onClose={close} />
      <PlanDrawer s={s} open={open === 'plan'} onClose={close} />
      <AnnouncementDrawer s={s} open={open === 'announcement'} onClose={close} />
    </Flex>
  );
}

interface DrawerProps {
  s: SuperviseeView;
  open: boolean;
  onClose: () => void;
}

function TeamDrawer({ s, open, onClose }: DrawerProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ members: TeamMemberValues[] }>();
  const save = useSuperviseeStep(s.caseId, 'team');
  const failure = useStepFailure(form, onClose);
  const [check, setCheck] = useState<string | null>(null);
  const members = Form.useWatch('members', form);
  const narrow = useIsNarrow();
  // Side by side on a wide drawer, each label with its own width; stacked (labels above) on a phone.
  const labelOf = (width: string) => (narrow ? {} : { labelCol: { flex: width } });
  const noWoman =
    s.gender === 'female' &&
    (members ?? []).length > 0 &&
    !(members ?? []).some((m) => m?.gender === 'female');

  const initial: TeamMemberValues[] = s.team.length
    ? s.team.map((m) => ({ ...m, affiliation: m.affiliation ?? '' }))
    : [
        { role: 'justiceOffice', leader: true },
        { role: 'residentsCommittee', leader: false },
      ];

  const onFinish = ({ members: rows }: { members: TeamMemberValues[] }) => {
    failure.clear();
    // The count and the single leader are checked here; the woman member rule is the server's (422).
    const problem = teamFormProblem(null, rows);
    setCheck(problem);
    if (problem) return;
    save.mutate(toTeamInput(rows, s.version), {
      onSuccess: () => {
        message.success('矫正小组已保存');
        onClose();
      },
      onError: failure.fail,
    });
  };

  return (
    <StepDrawer<{ members: TeamMemberValues[] }>
      title="矫正小组"
      open={open}
      onClose={onClose}
      form={form}
      initialValues={{ members: initial }}
      onFinish={onFinish}
      pending={save.isPending}
      submitText="保存小组"
      problem={check ?? failure.problem}
      width={880}
    >
      <Typography.Paragraph type="secondary">
        由司法所工作人员、村（居）民委员会人员、家庭成员、所在单位或学校人员、社会工作者、志愿者等组成，至少 2
        人，设一名组长。
        {s.gender === 'female' ? '社区矫正对象为女性，小组中应当有女性成员。' : ''}
      </Typography.Paragraph>
      {noWoman ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="社区矫正对象为女性，小组中还没有女性成员（《社区矫正法》第二十五条）"
        />
      ) : null}
      <Form.List name="members">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                type="inner"
                title={`成员 ${index + 1}`}
                extra={
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={`移除成员 ${index + 1}`}
                  >
                    移除
                  </Button>
                }
              >
                <Flex wrap gap={12} align="flex-start">
                  <Form.Item
                    name={[field.name, 'name']}
                    label="姓名"
                    rules={[{ required: true, whitespace: true, message: '请填写组员姓名' }]}
                    style={{ flex: '1 1 180px', marginBottom: 8 }}
                    {...labelOf('60px')}
                  >
                    <Input maxLength={30} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'role']}
                    label="身份"
                    rules={[{ required: true, message: '请选择组员身份' }]}
                    style={{ flex: '1 1 240px', marginBottom: 8 }}
                    {...labelOf('60px')}
                  >
                    <Select options={roleOptions} placeholder="请选择" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'gender']}
                    label="性别"
                    rules={[{ required: true, message: '请选择性别' }]}
                    style={{ flex: '0 0 auto', marginBottom: 8 }}
                    {...labelOf('60px')}
                  >
                    <Radio.Group options={genderOptions} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'affiliation']}
                    label="单位或关系"
                    style={{ flex: '1 1 280px', marginBottom: 8 }}
                    {...labelOf('88px')}
                  >
                    <Input maxLength={60} placeholder="如：中街司法所、父亲" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'leader']}
                    valuePropName="checked"
                    style={{ flex: '0 0 auto', marginBottom: 8 }}
                  >
                    <Checkbox>组长</Checkbox>
                  </Form.Item>
                </Flex>
              </Card>
            ))}
            {fields.length < 12 ? (
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ leader: false })}
                style={{ alignSelf: 'flex-start' }}
              >
                添加成员
              </Button>
            ) : null}
          </Flex>
        )}
      </Form.List>
    </StepDrawer>
  );
}

function ClassifyDrawer({ s, open, onClose }: DrawerProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ClassifyValues>();
  const save = useSuperviseeStep(s.caseId, 'classification');
  const failure = useStepFailure(form, onClose);

  return (
    <StepDrawer<ClassifyValues>
      title="分类管理"
      open={open}
      onClose={onClose}
      form={form}
      initialValues={{
        level: s.supervisionLevel ?? undefined,
        factors: s.levelFactors,
        reasons: '',
        decidedOn: dayjs(),
      }}
      onFinish={(v) => {
        failure.clear();
        save.mutate(toClassifyInput(v, s.version), {
          onSuccess: () => {
            message.success('管理等级已确定');
            onClose();
          },
          onError: failure.fail,
        });
      }}
      pending={save.isPending}
      submitText="确定等级"
      problem={failure.problem}
    >
      <Typography.Paragraph type="secondary">
        根据社区矫正对象的性别、年龄、心理特点、健康状况、犯罪原因、犯罪类型、犯罪情节和悔罪表现等确定；每次调整都保留记录。
      </Typography.Paragraph>
      <Form.Item name="level" label="管理等级" rules={[{ required: true, message: '请选择管理等级' }]}>
        <Radio.Group options={levelOptions} optionType="button" buttonStyle="solid" />
      </Form.Item>
      <Form.Item
        name="factors"
        label="考虑因素"
        rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一项考虑因素' }]}
      >
        <Checkbox.Group options={factorOptions} />
      </Form.Item>
      <Form.Item
        name="reasons"
        label="分类理由"
        rules={[{ required: true, whitespace: true, message: '请填写分类理由' }]}
      >
        <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 4, maxRows: 10 }} />
      </Form.Item>
      <Form.Item name="decidedOn" label="分类日期" rules={[{ required: true, message: '请选择分类日期' }]}>
        <DatePicker disabledDate={notFuture} style={{ width: '100%', maxWidth: 220 }} />
      </Form.Item>
    </StepDrawer>
  );
}

function PlanDrawer({ s, open, onClose }: DrawerProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const save = useSuperviseeStep(s.caseId, 'plan');
  const failure = useStepFailure(form, onClose);
  const hours = (
    name: 'educationHoursMonthly' | 'publicServiceHoursMonthly',
    label: string,
    extra: string,
  ) => (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, message: `请填写${label}` }]}
      extra={extra}
    >
      <InputNumber min={0} max={200} precision={0} suffix="小时/月" style={{ width: 160 }} />
    </Form.Item>
  );

  return (
    <StepDrawer<PlanValues>
      title="矫正方案"
      open={open}
      onClose={onClose}
      form={form}
      initialValues={
        s.plan
          ? { ...s.plan, setOn: dayjs(s.plan.setOn) }
          : { educationHoursMonthly: 8, publicServiceHoursMonthly: 8, setOn: dayjs() }
      }
      onFinish={(v) => {
        failure.clear();
        save.mutate(toPlanInput(v, s.version), {
          onSuccess: () => {
            message.success('矫正方案已保存');
            onClose();
          },
          onError: failure.fail,
        });
      }}
      pending={save.isPending}
      submitText="保存方案"
      problem={failure.problem}
      width={720}
      labelWidth={120}
    >
      <Form.Item
        name="content"
        label="方案内容"
        rules={[{ required: true, whitespace: true, message: '请填写矫正方案内容' }]}
        extra="监督管理措施、教育帮扶内容、心理辅导、就业就学帮扶等"
      >
        <Input.TextArea maxLength={8000} showCount autoSize={{ minRows: 6, maxRows: 16 }} />
      </Form.Item>
      {hours('educationHoursMonthly', '每月教育学习', '集中或个别教育、网上学习等')}
      {hours('publicServiceHoursMonthly', '每月公益活动', '社区服务等公益活动')}
      <Form.Item name="setOn" label="制定日期" rules={[{ required: true, message: '请选择制定日期' }]}>
        <DatePicker disabledDate={notFuture} style={{ width: '100%', maxWidth: 220 }} />
      </Form.Item>
    </StepDrawer>
  );
}

function AnnouncementDrawer({ s, open, onClose }: DrawerProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AnnouncementValues>();
  const save = useSuperviseeStep(s.caseId, 'announcement');
  const failure = useStepFailure(form, onClose);
  const a = s.announcement;

  return (
    <StepDrawer<AnnouncementValues>
      title="入矫宣告"
      open={open}
      onClose={onClose}
      form={form}
      initialValues={
        a
          ? { ...a, announcedOn: dayjs(a.announcedOn), note: a.note ?? '' }
          : { announcedOn: dayjs(), place: s.office.name, attendees: [{ name: '', role: '' }] }
      }
      onFinish={(v) => {
        failure.clear();
        save.mutate(toAnnouncementInput(v, s.version), {
          onSuccess: () => {
            message.success('宣告已记录');
            onClose();
          },
          onError: failure.fail,
        });
      }}
      pending={save.isPending}
      submitText="保存"
      problem={failure.problem}
      width={720}
    >
      <Form.Item name="announcedOn" label="宣告日期" rules={[{ required: true, message: '请选择宣告日期' }]}>
        <DatePicker disabledDate={notFuture} style={{ width: '100%', maxWidth: 220 }} />
      </Form.Item>
      <Form.Item
        name="place"
        label="宣告地点"
        rules={[{ required: true, whitespace: true, message: '请填写宣告地点' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="host"
        label="宣告人"
        rules={[{ required: true, whitespace: true, message: '请填写宣告人' }]}
      >
        <Input maxLength={30} style={{ maxWidth: 220 }} />
      </Form.Item>
      <Form.Item label="参加人员" required extra="司法所工作人员、矫正小组成员、家属等">
        <Form.List
          name="attendees"
          rules={[
            {
              validator: async (_r, rows: { name?: string }[] | undefined) => {
                if (!(rows ?? []).some((r) => r?.name?.trim())) throw new Error('请至少填写一名参加人员');
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start" wrap>
                  <Form.Item
                    name={[field.name, 'name']}
                    noStyle
                    rules={[{ required: true, whitespace: true, message: '请填写参加人员姓名' }]}
                  >
                    <Input maxLength={30} placeholder="姓名" style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'role']}
                    noStyle
                    rules={[{ required: true, whitespace: true, message: '请填写参加人员身份' }]}
                  >
                    <Input maxLength={40} placeholder="身份，如：矫正小组成员、家属" style={{ width: 240 }} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={`移除第 ${index + 1} 名参加人员`}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', role: '' })}
                style={{ alignSelf: 'flex-start' }}
              >
                添加参加人员
              </Button>
              <Form.ErrorList errors={errors} />
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="note" label="宣告情况">
        <Input.TextArea
          maxLength={2000}
          autoSize={{ minRows: 3, maxRows: 8 }}
          placeholder="宣告的内容、社区矫正对象的表态等"
        />
      </Form.Item>
    </StepDrawer>
  );
}
