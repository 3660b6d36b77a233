import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import type { DocumentTemplate } from '@zhucheng/contracts';
import {
  App,
  Button,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  Select,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { openPdfPreview } from '../../../components/case-documents/index.ts';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { formLayout } from '../../../lib/form-layout.ts';
import { useDrawerSize, useIsNarrow } from '../../../lib/responsive.ts';
import {
  paragraphsOf,
  placeholderText,
  useDocumentTemplates,
  useUpdateTemplate,
} from '../api/use-document-templates.ts';

interface EditorValues {
  name: string;
  title: string;
  body: string;
  active: boolean;
}

function TemplateEditor({ template, onClose }: { template: DocumentTemplate; onClose: () => void }) {
  const { message } = App.useApp();
  const narrow = useIsNarrow();
  const [form] = Form.useForm<EditorValues>();
  const update = useUpdateTemplate();
  const [problem, setProblem] = useState<string | null>(null);
  const bodyRef = useRef<TextAreaRef>(null);
  const [previewing, setPreviewing] = useState(false);

  const insert = (code: string) => {
    const area = bodyRef.current?.resizableTextArea?.textArea;
    const text: string = form.getFieldValue('body') ?? '';
    const at = area ? area.selectionStart : text.length;
    const end = area ? area.selectionEnd : text.length;
    const next = `${text.slice(0, at)}${placeholderText(code)}${text.slice(end)}`;
    form.setFieldValue('body', next);
    requestAnimationFrame(() => {
      area?.focus();
      const caret = at + placeholderText(code).length;
      area?.setSelectionRange(caret, caret);
    });
  };

  const onSave = (values: EditorValues) => {
    setProblem(null);
    update.mutate(
      {
        id: template.id,
        version: template.version,
        name: values.name,
        title: values.title,
        body: paragraphsOf(values.body),
        active: values.active,
      },
      {
        onSuccess: (saved) => {
          message.success(`已保存为第 ${saved.version} 版`);
          onClose();
        },
        onError: (error) => setProblem(errorMessage(error)),
      },
    );
  };

  const onPreview = async () => {
    setPreviewing(true);
    const failed = await openPdfPreview(`/api/documents/templates/${template.id}/preview.pdf`);
    setPreviewing(false);
    if (failed) message.error(failed);
  };

  return (
    <Form<EditorValues>
      form={form}
      {...formLayout(narrow, 88)}
      initialValues={{
        name: template.name,
        title: template.title,
        body: template.body.join('\n'),
        active: template.active,
      }}
      onFinish={onSave}
    >
      <FormErrorAlert message={problem} />
      <Form.Item
        label="文书名称"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请填写文书名称' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        label="标题"
        name="title"
        rules={[{ required: true, whitespace: true, message: '请填写标题' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        label="正文"
        name="body"
        extra="每行一段，生成时每段首行缩进两字；点击下方填充项插入到光标处。"
        rules={[{ required: true, whitespace: true, message: '正文至少要有一段' }]}
      >
        <Input.TextArea ref={bodyRef} autoSize={{ minRows: 8, maxRows: 24 }} />
      </Form.Item>
      <Form.Item label="填充项">
        <Flex wrap gap={6}>
          {template.fields.map((f) => (
            <Button key={f.code} size="small" title={placeholderText(f.code)} onClick={() => insert(f.code)}>
              {f.label}
            </Button>
          ))}
        </Flex>
      </Form.Item>
      <Form.Item
        label="启用"
        name="active"
        valuePropName="checked"
        extra="停用后，办案人员不能再用此模板生成文书。"
      >
        <Switch />
      </Form.Item>
      <Typography.Paragraph type="secondary">
        文号、发文机关和成文日期按公文格式（GB/T 9704）自动排在标题上方和正文末尾。当前第 {template.version}{' '}
        版；保存后为新版本，已生成的文书不受影响。
      </Typography.Paragraph>
      <Flex wrap gap={8}>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          保存
        </Button>
        <Button icon={<EyeOutlined />} loading={previewing} onClick={onPreview}>
          预览已保存版本（PDF）
        </Button>
        <Button onClick={onClose}>取消</Button>
      </Flex>
    </Form>
  );
}

type Edit = (template: DocumentTemplate) => void;

const editButton = (t: DocumentTemplate, onEdit: Edit) => (
  <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(t)}>
    编辑
  </Button>
);

const statusTag = (active: boolean) => (active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>);

function wideColumns(onEdit: Edit): TableColumnsType<DocumentTemplate> {
  return [
    { title: '案件类型', dataIndex: 'caseTypeName', width: 160 },
    {
      title: '文书名称',
      dataIndex: 'name',
      render: (name: string, t) => (
        <Flex vertical>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary">标题：{t.title}</Typography.Text>
        </Flex>
      ),
    },
    { title: '版本', dataIndex: 'version', width: 72, render: (v: number) => `第 ${v} 版` },
    {
      title: '状态',
      dataIndex: 'active',
      width: 80,
      render: statusTag,
    },
    {
      title: '最后修改',
      dataIndex: 'updatedAt',
      width: 170,
      render: (at: string, t) => (
        <Flex vertical>
          <span>{dayjs(at).format('YYYY-MM-DD HH:mm')}</span>
          <Typography.Text type="secondary">{t.updatedBy ?? '系统默认'}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_: unknown, t) => editButton(t, onEdit),
    },
  ];
}

/** A phone: one column with everything under the name, and the edit button. */
function narrowColumns(onEdit: Edit): TableColumnsType<DocumentTemplate> {
  return [
    {
      title: '文书模板',
      dataIndex: 'name',
      render: (name: string, t) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary">
            {t.caseTypeName} · 第 {t.version} 版
          </Typography.Text>
          <span>{statusTag(t.active)}</span>
        </Flex>
      ),
    },
    { title: '操作', key: 'actions', width: 84, render: (_: unknown, t) => editButton(t, onEdit) },
  ];
}

/** 文书模板: each case type's templates, edited by a bureau's administrator (document:manageTemplates). */
export default function DocumentTemplatesPage() {
  const narrow = useIsNarrow();
  const drawerSize = useDrawerSize(720);
  const templates = useDocumentTemplates();
  const [caseType, setCaseType] = useState<string | undefined>();
  const [editing, setEditing] = useState<DocumentTemplate | null>(null);

  const items = templates.data?.items ?? [];
  const caseTypes = useMemo(() => {
    const seen = new Map<string, string>();
    for (const t of items) if (!seen.has(t.caseType)) seen.set(t.caseType, t.caseTypeName);
    return [...seen.entries()].map(([value, label]) => ({ value, label }));
  }, [items]);
  const shown = caseType ? items.filter((t) => t.caseType === caseType) : items;

  return (
    <>
      <PageHeader
        title="文书模板"
        description="各类案件的文书模板：修改标题和正文，生成的 Word 文书按公文格式排版。"
        extra={
          <Select
            aria-label="案件类型"
            allowClear
            placeholder="全部案件类型"
            style={{ width: narrow ? '100%' : 220 }}
            value={caseType}
            onChange={setCaseType}
            options={caseTypes}
          />
        }
      />
      {templates.isError ? (
        <LoadError
          error={templates.error}
          onRetry={() => templates.refetch()}
          retrying={templates.isFetching}
        />
      ) : (
        <Table<DocumentTemplate>
          rowKey="id"
          loading={templates.isLoading}
          dataSource={shown}
          pagination={false}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description="暂无文书模板：各业务模块上线后会带来默认模板"
              />
            ),
          }}
          columns={narrow ? narrowColumns(setEditing) : wideColumns(setEditing)}
        />
      )}
      <Drawer
        open={editing !== null}
        title={editing ? `编辑文书模板：${editing.name}` : ''}
        size={drawerSize}
        onClose={() => setEditing(null)}
        destroyOnHidden
      >
        {editing && (
          <TemplateEditor
            key={`${editing.id}-${editing.version}`}
            template={editing}
            onClose={() => setEditing(null)}
          />
        )}
      </Drawer>
    </>
  );
}
