import { InputNumber } from 'antd';

/** A whole number of metres (a circle's radius, a corridor's width); an emptied box reports null. */
export function MetresInput(props: {
  id: string;
  max: number;
  value: number | null;
  onChange: (metres: number | null) => void;
}) {
  return (
    <InputNumber
      id={props.id}
      min={1}
      max={props.max}
      step={100}
      precision={0}
      value={props.value}
      onChange={(v) => props.onChange(typeof v === 'number' ? v : null)}
      style={{ width: 160 }}
    />
  );
}
