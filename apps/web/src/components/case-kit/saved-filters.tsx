import { DeleteOutlined, SaveOutlined, StarOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { readStorage, writeStorage } from '../../lib/storage.ts';
import { parseSavedFilters, type SavedFilter, withSavedFilter } from './case-list-query.ts';

function storageKey(listKey: string): string {
  return `zhucheng.caseFilters.${listKey}`;
}

function useSavedFilters(listKey: string) {
  const [list, setList] = useState<SavedFilter[]>(() => parseSavedFilters(readStorage(storageKey(listKey))));
  const store = (next: SavedFilter[]) => {
    setList(next);
    writeStorage(storageKey(listKey), JSON.stringify(next));
  };
  return {
    list,
    save: (entry: SavedFilter) => store(withSavedFilter(list, entry)),
    remove: (name: string) => store(list.filter((item) => item.name !== name)),
  };
}

interface SavedFiltersProps {
  /** One list of saved filters per list page (全部案件, 法律援助申请…), kept in this browser. */
  listKey: string;
  /** The current filters as a query string; '' when nothing is filtered. */
  current: string;
  onApply: (query: string) => void;
}

/** 保存筛选 and 常用筛选: name the current filters, apply or delete them later. */
export function SavedFilters({ listKey, current, onApply }: SavedFiltersProps) {
  const { message } = App.useApp();
  const saved = useSavedFilters(listKey);
  const [naming, setNaming] = useState(false);
  const [form] = Form.useForm<{ name: string }>();

  const submit = ({ name }: { name: string }) => {
    saved.save({ name: name.trim(), query: current });
    setNaming(false);
    form.resetFields();
    message.success(`已保存筛选“${name.trim()}”`);
  };

  return (
    <>
      <Button icon={<SaveOutlined />} disabled={!current} onClick={() => setNaming(true)}>
        保存筛选
      </Button>
      {saved.list.length > 0 && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: saved.list.map((item) => ({
              key: item.name,
              label: (
                <span style={{ display: 'inline-flex', gap: 12, alignItems: 'center', maxWidth: 280 }}>
                  <Typography.Text ellipsis style={{ flex: 1 }}>
                    {item.name}
                  </Typography.Text>
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`删除筛选“${item.name}”`}
                    onClick={(event) => {
                      event.stopPropagation();
                      saved.remove(item.name);
                    }}
                  />
                </span>
              ),
            })),
            onClick: ({ key }) => {
              const item = saved.list.find((entry) => entry.name === key);
              if (item) onApply(item.query);
            },
          }}
        >
          <Button icon={<StarOutlined />}>常用筛选（{saved.list.length}）</Button>
        </Dropdown>
      )}
      <Modal
        title="保存筛选"
        open={naming}
        okText="保存"
        cancelText="取消"
        onOk={() => form.submit()}
        onCancel={() => setNaming(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          保存后可在“常用筛选”中一键使用；只保存在本浏览器中，同名的筛选会被替换。
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item
            name="name"
            label="筛选名称"
            rules={[
              { required: true, whitespace: true, message: '请填写筛选名称' },
              { max: 30, message: '名称不超过 30 个字' },
            ]}
          >
            <Input placeholder="如：本月超期案件" autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
