import { PhoneOutlined } from '@ant-design/icons';
import { HOTLINE } from '../services.ts';

/** 12348 is the national public legal service hotline. */
export function HotlineCard() {
  return (
    <a className="portal-hotline" href={`tel:${HOTLINE}`}>
      <PhoneOutlined className="portal-hotline__icon" />
      <span className="portal-hotline__text">
        <span className="portal-hotline__title">公共法律服务热线 {HOTLINE}</span>
        <span className="portal-hotline__description">法律问题可拨打热线咨询，点击即可拨号</span>
      </span>
    </a>
  );
}
