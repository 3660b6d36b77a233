import { Tree, Typography } from 'antd';
import { useMemo } from 'react';
import { moduleLabel, moduleOf, permissionLabel } from '../labels/permission-labels.ts';

const groupPrefix = 'module:';

interface PermissionTreeProps {
  catalogue: readonly string[];
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
}

/** Permissions grouped by module (the part before ':'), with Chinese names; a form control over codes. */
export function PermissionTree({ catalogue, value = [], onChange, disabled = false }: PermissionTreeProps) {
  const treeData = useMemo(() => {
    const groups = new Map<string, string[]>();
    for (const code of catalogue) {
      const module = moduleOf(code);
      groups.set(module, [...(groups.get(module) ?? []), code]);
    }
    return [...groups].map(([module, codes]) => ({
      key: `${groupPrefix}${module}`,
      title: moduleLabel(module),
      children: codes.map((code) => ({
        key: code,
        title: (
          <span>
            {permissionLabel(code)}
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {code}
            </Typography.Text>
          </span>
        ),
      })),
    }));
  }, [catalogue]);

  return (
    <Tree
      checkable
      selectable={false}
      defaultExpandAll
      disabled={disabled}
      treeData={treeData}
      checkedKeys={value}
      onCheck={(checked) => {
        const keys = Array.isArray(checked) ? checked : checked.checked;
        onChange?.(keys.map(String).filter((key) => !key.startsWith(groupPrefix)));
      }}
      style={{ padding: '8px 4px', border: '1px solid #f0f0f0', borderRadius: 6 }}
    />
  );
}
