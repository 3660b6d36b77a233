import { Alert, App, Button, Drawer, Flex, Input, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiRequestError, errorMessage } from '../../../lib/api.ts';
import { useDrawerSize } from '../../../lib/responsive.ts';
import { usePutOverrides } from '../api/use-calendar.ts';
import { parseBatchLines } from '../labels/batch-lines.ts';

const MAX_ITEMS = 400;

interface BatchDrawerProps {
  open: boolean;
  year: number;
  onClose: () => void;
}

/** 批量录入: a whole year's arrangement as lines, saved in one request. */
export function BatchDrawer({ open, year, onClose }: BatchDrawerProps) {
  const [text, setText] = useState('');
  const [serverErrors, setServerErrors] = useState<string[]>([]);
  const [touched, setTouched] = useState(false);
  const put = usePutOverrides();
  const size = useDrawerSize(600);
  const { message } = App.useApp();
  const parsed = useMemo(() => parseBatchLines(text), [text]);
  const tooMany = parsed.items.length > MAX_ITEMS;

  const close = () => {
    setServerErrors([]);
    setTouched(false);
    onClose();
  };

  const submit = () => {
    setTouched(true);
    setServerErrors([]);
    if (parsed.errors.length > 0 || parsed.items.length === 0 || tooMany) return;
    put.mutate(
      parsed.items.map(({ date, kind, name, note }) => ({ date, kind, name, note })),
      {
        onSuccess: ({ overrides }) => {
          message.success(`已保存 ${overrides.length} 天的设置`);
          setText('');
          close();
        },
        onError: (error) => {
          // items.3.date → 第 N 行
          if (error instanceof ApiRequestError && error.fields.length > 0) {
            setServerErrors(
              error.fields.map((field) => {
                const m = /^items\.(\d+)\.?(.*)$/.exec(field.path);
                const item = m ? parsed.items[Number(m[1])] : undefined;
                return item ? `第 ${item.line} 行（${item.date}）：${field.message}` : field.message;
              }),
            );
            return;
          }
          setServerErrors([errorMessage(error)]);
        },
      },
    );
  };

  const showLocal = touched && (parsed.errors.length > 0 || parsed.items.length === 0 || tooMany);

  return (
    <Drawer
      open={open}
      title={`批量录入 ${year} 年节假日安排`}
      size={size}
      onClose={close}
      footer={
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text type="secondary">
            {parsed.items.length > 0 ? `共 ${parsed.items.length} 天` : '尚未填写'}
          </Typography.Text>
          <Flex gap={8}>
            <Button onClick={close}>取消</Button>
            <Button type="primary" loading={put.isPending} onClick={submit}>
              保存全部
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Typography.Paragraph>
        按国务院办公厅发布的放假安排，每行填写一天或一段日期（用“至”连接），格式为：
      </Typography.Paragraph>
      <pre
        style={{
          margin: '0 0 12px',
          padding: '8px 12px',
          background: '#f5f7fa',
          borderRadius: 6,
          whiteSpace: 'pre-wrap',
          fontSize: 13,
        }}
      >
        日期 放假/上班 名称 说明（选填）
      </pre>
      <Typography.Paragraph type="secondary">
        已设置过的日期会被新内容替换。全部内容一次保存，有一行出错则都不保存。
      </Typography.Paragraph>
      {(serverErrors.length > 0 || showLocal) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={serverErrors.length > 0 ? '保存失败，请修改后重试' : '请修改以下内容后再保存'}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {(serverErrors.length > 0
                ? serverErrors
                : parsed.items.length === 0 && parsed.errors.length === 0
                  ? ['请至少填写一天']
                  : tooMany
                    ? [`一次最多设置 ${MAX_ITEMS} 天，请分批保存`]
                    : parsed.errors
              ).map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          }
        />
      )}
      <label htmlFor="calendar-batch" style={{ display: 'block', marginBottom: 6, fontWeight: 500 }}>
        放假安排
      </label>
      <Input.TextArea
        id="calendar-batch"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 12, maxRows: 24 }}
        status={showLocal && parsed.errors.length > 0 ? 'error' : undefined}
        placeholder={`${year}-01-01 放假 元旦\n${year}-02-06 至 ${year}-02-12 放假 春节\n${year}-02-14 上班 春节调休上班 国办发明电〔${year - 1}〕号`}
        style={{ fontFamily: 'ui-monospace, Consolas, monospace' }}
      />
    </Drawer>
  );
}
