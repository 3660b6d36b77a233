import type { FormProps } from 'antd';

/** UI.md: labels left of the fields on wide screens, above them on narrow ones. */
export function formLayout(
  narrow: boolean,
  labelWidth = 96,
): Pick<FormProps, 'layout' | 'labelCol' | 'labelWrap'> {
  return narrow
    ? { layout: 'vertical', labelWrap: true }
    : { layout: 'horizontal', labelCol: { flex: `${labelWidth}px` }, labelWrap: true };
}
