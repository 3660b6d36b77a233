import { Alert, App, Form, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { UnitTreeSelect } from '../../../components/unit-tree-select.tsx';
import { errorMessage } from '../../../lib/api.ts';
import type { OrgTreeNode } from '../../../lib/org-units.ts';
import { useUpdateUnit } from '../api/use-org-units.ts';

interface MoveUnitModalProps {
  unit: OrgTreeNode | null;
  onClose: () => void;
}

/** 调整上级机构: any in-use unit except the unit itself and those under it. */
export function MoveUnitModal({ unit, onClose }: MoveUnitModalProps) {
  const [form] = Form.useForm<{ parentId?: number }>();
  const update = useUpdateUnit();
  const { message } = App.useApp();

  useEffect(() => {
    if (unit) {
      update.reset();
      form.setFieldsValue({ parentId: unit.parentId ?? undefined });
    }
  }, [unit, form, update.reset]);

  return (
    <Modal
      open={unit !== null}
      title={unit ? `调整上级机构：${unit.name}` : '调整上级机构'}
      okText="确定调整"
      okButtonProps={{ loading: update.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {update.isError && (
        <Alert type="error" showIcon title={errorMessage(update.error)} style={{ marginBottom: 16 }} />
      )}
      <Typography.Paragraph type="secondary">
        下级机构随之一起调整；该机构及下级机构的账号的数据范围会按新的上下级关系计算。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={({ parentId }) => {
          if (!unit || parentId === undefined) return;
          if (parentId === unit.parentId) {
            onClose();
            return;
          }
          update.mutate(
            { id: unit.id, version: unit.version, parentId },
            {
              onSuccess: () => {
                message.success('上级机构已调整');
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item
          name="parentId"
          label="新的上级机构"
          rules={[{ required: true, message: '请选择上级机构' }]}
        >
          <UnitTreeSelect activeOnly excludeSubtreeOf={unit?.id} placeholder="请选择上级机构" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
