import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import {
  ethnicityLabels,
  genderLabels,
  type IdType,
  idTypeLabels,
  idTypes,
  type OrganisationView,
  organisationKindLabels,
  type PersonView,
  personTagLabels,
} from '@zhucheng/contracts';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import {
  idNumberHint,
  OrganisationFields,
  type OrganisationFormValues,
  organisationFormDefaults,
  PersonDataReveal,
  PersonFields,
  type PersonFormValues,
  personFormDefaults,
  toOrganisationInput,
  toPersonInput,
  useLookupOrganisation,
  useLookupPerson,
  useOrganisationList,
  usePersonList,
  useSaveOrganisation,
  useSavePerson,
} from '../../../components/party/index.ts';
import { useCan } from '../../../lib/access.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { useFormError } from '../../../lib/form-errors.ts';
import { formLayout } from '../../../lib/form-layout.ts';
import { useDrawerSize, useIsNarrow } from '../../../lib/responsive.ts';

type Kind = 'person' | 'organisation';

/** The search result: a list by name, or the one record an exact number found (null: none). */
type Found<T> = { by: 'name'; name: string } | { by: 'number'; item: T | null };

function PersonDrawer({ person, onClose }: { person: PersonView | null; onClose: () => void }) {
  const size = useDrawerSize(520);
  return (
    <Drawer open={person !== null} title={person?.name} onClose={onClose} size={size} destroyOnHidden>
      {person && (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            column={1}
            styles={{ label: { width: 88 } }}
            items={[
              {
                key: 'idType',
                label: '证件类型',
                children: person.idType ? idTypeLabels[person.idType] : '未填写',
              },
              {
                key: 'gender',
                label: '性别',
                children: person.gender ? genderLabels[person.gender] : '未填写',
              },
              { key: 'birth', label: '出生日期', children: person.birthDate ?? '未填写' },
              {
                key: 'ethnicity',
                label: '民族',
                children: person.ethnicity ? ethnicityLabels[person.ethnicity] : '未填写',
              },
              {
                key: 'tags',
                label: '人员类别',
                children: person.tags.length
                  ? person.tags.map((t) => <Tag key={t}>{personTagLabels[t]}</Tag>)
                  : '无',
              },
            ]}
          />
          <PersonDataReveal person={person} />
        </Flex>
      )}
    </Drawer>
  );
}

function RegisterPersonDrawer({ open, onClose }: { open: boolean; onClose: (saved?: PersonView) => void }) {
  const narrow = useIsNarrow();
  const size = useDrawerSize(640);
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonFormValues>();
  const error = useFormError(form);
  const save = useSavePerson();
  return (
    <Drawer
      open={open}
      title="登记人员"
      size={size}
      onClose={() => onClose()}
      afterOpenChange={(visible) => {
        // Not destroyed on close: a form instance mounted again stops seeing its own changes.
        if (!visible) {
          form.resetFields();
          error.clear();
        }
      }}
      forceRender
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
          保存
        </Button>
      }
    >
      <FormErrorAlert message={error.message} />
      <Form<PersonFormValues>
        form={form}
        {...formLayout(narrow, 100)}
        initialValues={personFormDefaults}
        onFinish={(values) =>
          save.mutate(toPersonInput(values), {
            onSuccess: ({ person, created }) => {
              message.success(created ? '已登记' : '该证件号码已登记过，已为您找到原有人员');
              onClose(person);
            },
            onError: error.report,
          })
        }
      >
        <PersonFields form={form} />
      </Form>
    </Drawer>
  );
}

function RegisterOrganisationDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const narrow = useIsNarrow();
  const size = useDrawerSize(640);
  const { message } = App.useApp();
  const [form] = Form.useForm<OrganisationFormValues>();
  const error = useFormError(form);
  const save = useSaveOrganisation();
  return (
    <Drawer
      open={open}
      title="登记单位"
      size={size}
      onClose={onClose}
      afterOpenChange={(visible) => {
        if (!visible) {
          form.resetFields();
          error.clear();
        }
      }}
      forceRender
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
          保存
        </Button>
      }
    >
      <FormErrorAlert message={error.message} />
      <Form<OrganisationFormValues>
        form={form}
        {...formLayout(narrow, 130)}
        initialValues={organisationFormDefaults}
        onFinish={(values) =>
          save.mutate(toOrganisationInput(values), {
            onSuccess: ({ created }) => {
              message.success(created ? '已登记' : '该统一社会信用代码已登记过，已为您找到原有单位');
              onClose();
            },
            onError: error.report,
          })
        }
      >
        <OrganisationFields />
      </Form>
    </Drawer>
  );
}

function PersonSearch() {
  const can = useCan();
  const narrow = useIsNarrow();
  const { message } = App.useApp();
  const [idType, setIdType] = useState<IdType>('residentIdCard');
  const [number, setNumber] = useState('');
  const [name, setName] = useState('');
  const [found, setFound] = useState<Found<PersonView>>({ by: 'name', name: '' });
  const [open, setOpen] = useState<PersonView | null>(null);
  const [registering, setRegistering] = useState(false);
  const list = usePersonList(found.by === 'name' ? found.name : '', found.by === 'name');
  const lookup = useLookupPerson();
  const hint = idNumberHint(idType, number, new Date().toISOString().slice(0, 10));

  const findByNumber = () => {
    if (!number.trim()) return;
    if (hint.problem) {
      message.error(hint.problem);
      return;
    }
    lookup.mutate(
      { idType, idNumber: number },
      {
        onSuccess: ({ person }) => setFound({ by: 'number', item: person }),
        onError: (error) => message.error(errorMessage(error)),
      },
    );
  };
  const rows = found.by === 'name' ? (list.data?.items ?? []) : found.item ? [found.item] : [];

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} justify="space-between">
        <Flex wrap gap={8} style={narrow ? { width: '100%' } : undefined}>
          <Space.Compact style={narrow ? { width: '100%' } : undefined}>
            <Select
              value={idType}
              onChange={setIdType}
              options={idTypes.map((value) => ({ value, label: idTypeLabels[value] }))}
              style={{ width: narrow ? 110 : 150, flex: 'none' }}
              popupMatchSelectWidth={false}
              aria-label="证件类型"
            />
            <Input
              value={number}
              onChange={(e) => setNumber(e.target.value)}
              onPressEnter={findByNumber}
              placeholder="证件号码"
              status={hint.problem ? 'error' : undefined}
              style={narrow ? { flex: 1, minWidth: 0 } : { width: 220 }}
              allowClear
              autoComplete="off"
            />
            <Button
              icon={<SearchOutlined />}
              loading={lookup.isPending}
              onClick={findByNumber}
              aria-label="按证件查找"
            >
              {narrow ? null : '按证件查找'}
            </Button>
          </Space.Compact>
          <Input.Search
            placeholder="按姓名查找"
            allowClear
            enterButton="查找"
            onSearch={(value) => setFound({ by: 'name', name: value.trim() })}
            value={name}
            onChange={(e) => setName(e.target.value)}
            style={{ width: narrow ? '100%' : 240 }}
          />
        </Flex>
        {can('party:manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
            登记人员
          </Button>
        )}
      </Flex>
      {hint.problem && <Tag color="error">{hint.problem}</Tag>}
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<PersonView>
          rowKey="id"
          size="middle"
          loading={found.by === 'name' && list.isFetching}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText:
              found.by === 'number'
                ? '没有登记过该证件号码的人员，可点击“登记人员”新建'
                : '暂无人员，按证件号码或姓名查找，或点击“登记人员”新建',
          }}
          onRow={(person) => ({ onClick: () => setOpen(person), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: '姓名',
              dataIndex: 'name',
              render: (value: string, person) => (
                <Button
                  type="link"
                  style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
                  onClick={() => setOpen(person)}
                >
                  {value}
                </Button>
              ),
            },
            {
              title: '证件',
              render: (_, p) =>
                p.idType ? (
                  <span style={{ whiteSpace: 'nowrap' }}>
                    {idTypeLabels[p.idType]} {p.idNumberMasked}
                  </span>
                ) : (
                  '未填写'
                ),
            },
            {
              title: '性别',
              dataIndex: 'gender',
              render: (g: PersonView['gender']) => (g ? genderLabels[g] : ''),
            },
            { title: '出生日期', dataIndex: 'birthDate' },
            { title: '联系电话', dataIndex: 'phoneMasked' },
            {
              title: '人员类别',
              dataIndex: 'tags',
              render: (tags: PersonView['tags']) => tags.map((t) => <Tag key={t}>{personTagLabels[t]}</Tag>),
            },
          ]}
        />
      )}
      <PersonDrawer person={open} onClose={() => setOpen(null)} />
      <RegisterPersonDrawer
        open={registering}
        onClose={(saved) => {
          setRegistering(false);
          if (saved) setFound({ by: 'number', item: saved });
        }}
      />
    </Flex>
  );
}

function OrganisationSearch() {
  const can = useCan();
  const narrow = useIsNarrow();
  const { message } = App.useApp();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<Found<OrganisationView>>({ by: 'name', name: '' });
  const [registering, setRegistering] = useState(false);
  const list = useOrganisationList(found.by === 'name' ? found.name : '', found.by === 'name');
  const lookup = useLookupOrganisation();
  const rows = found.by === 'name' ? (list.data?.items ?? []) : found.item ? [found.item] : [];
  const findByCode = () => {
    if (!code.trim()) return;
    lookup.mutate(code, {
      onSuccess: ({ organisation }) => setFound({ by: 'number', item: organisation }),
      onError: (error) => message.error(errorMessage(error)),
    });
  };
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} justify="space-between">
        <Flex wrap gap={8}>
          <Input.Search
            placeholder="统一社会信用代码"
            allowClear
            enterButton="按代码查找"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            onSearch={findByCode}
            loading={lookup.isPending}
            style={{ width: narrow ? '100%' : 320 }}
          />
          <Input.Search
            placeholder="按单位名称查找"
            allowClear
            enterButton="查找"
            onSearch={(value) => setFound({ by: 'name', name: value.trim() })}
            style={{ width: narrow ? '100%' : 260 }}
          />
        </Flex>
        {can('party:manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
            登记单位
          </Button>
        )}
      </Flex>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<OrganisationView>
          rowKey="id"
          size="middle"
          loading={found.by === 'name' && list.isFetching}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText:
              found.by === 'number'
                ? '没有登记过该代码的单位，可点击“登记单位”新建'
                : '暂无单位，按代码或名称查找，或点击“登记单位”新建',
          }}
          columns={[
            {
              title: '单位名称',
              dataIndex: 'name',
              render: (v: string) => <span style={{ whiteSpace: 'normal' }}>{v}</span>,
            },
            { title: '统一社会信用代码', dataIndex: 'creditCode' },
            {
              title: '类型',
              dataIndex: 'kind',
              render: (k: OrganisationView['kind']) => organisationKindLabels[k],
            },
            { title: '法定代表人', dataIndex: 'legalRepresentative' },
            { title: '联系电话', dataIndex: 'phone' },
          ]}
        />
      )}
      <RegisterOrganisationDrawer open={registering} onClose={() => setRegistering(false)} />
    </Flex>
  );
}

export default function PartiesPage() {
  const [kind, setKind] = useState<Kind>('person');
  return (
    <>
      <PageHeader
        title="当事人"
        description="各类案件登记过的人员和单位：同一证件号码或信用代码只登记一次；证件号、电话、住址以掩码显示"
      />
      <Card>
        <Flex vertical gap={16}>
          <Segmented<Kind>
            value={kind}
            onChange={setKind}
            options={[
              { value: 'person', label: '人员' },
              { value: 'organisation', label: '单位' },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          {kind === 'person' ? <PersonSearch /> : <OrganisationSearch />}
        </Flex>
      </Card>
    </>
  );
}
