import { Tag, Tooltip } from 'antd';
import { alarmLabel, decodeAlarms } from './format.ts';

/** The alarm word of a fix as red tags (SOS, 主电源断电, …); unnamed bits as one grey tag with the hex. */
export function AlarmTags({ bits }: { bits: number }) {
  if (bits === 0) return <span style={{ color: 'rgba(0,0,0,0.45)' }}>无</span>;
  const { kinds, otherBits } = decodeAlarms(bits);
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {kinds.map((kind) => (
        <Tag key={kind} color="red" style={{ marginInlineEnd: 0 }}>
          {alarmLabel(kind)}
        </Tag>
      ))}
      {otherBits !== 0 && (
        <Tooltip title="JT/T 808 报警标志中的其他位（平台未命名）">
          <Tag style={{ marginInlineEnd: 0 }}>其他 0x{otherBits.toString(16).toUpperCase()}</Tag>
        </Tooltip>
      )}
    </span>
  );
}
