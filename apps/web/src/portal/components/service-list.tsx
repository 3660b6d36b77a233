import { RightOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { Link } from 'react-router';
import type { PortalService } from '../services.ts';

function RowContent({ service }: { service: PortalService }) {
  const Icon = service.icon;
  return (
    <>
      <span className="portal-row__icon">
        <Icon />
      </span>
      <span className="portal-row__text">
        <span className="portal-row__title">{service.title}</span>
        <span className="portal-row__description">{service.description}</span>
      </span>
    </>
  );
}

/** One service per row, for the 办事 tab. */
export function ServiceList({ services }: { services: PortalService[] }) {
  return (
    <ul className="portal-rows">
      {services.map((service) => (
        <li key={service.key}>
          {service.path ? (
            <Link to={service.path} className="portal-row">
              <RowContent service={service} />
              <RightOutlined className="portal-row__arrow" />
            </Link>
          ) : (
            <div className="portal-row portal-row--upcoming" aria-disabled="true">
              <RowContent service={service} />
              <Tag variant="filled" className="portal-row__badge">
                即将开通
              </Tag>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
