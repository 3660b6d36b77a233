import { Tag } from 'antd';
import { Link } from 'react-router';
import type { PortalService } from '../services.ts';

function TileContent({ service }: { service: PortalService }) {
  const Icon = service.icon;
  return (
    <>
      <span className="portal-tile__icon">
        <Icon />
      </span>
      <span className="portal-tile__text">
        <span className="portal-tile__title">{service.title}</span>
        <span className="portal-tile__description">{service.description}</span>
        {!service.path && (
          <Tag className="portal-tile__badge" variant="filled">
            即将开通
          </Tag>
        )}
      </span>
    </>
  );
}

/** Big tiles; services not open yet are marked 即将开通 and lead nowhere. */
export function ServiceGrid({ services }: { services: PortalService[] }) {
  return (
    <ul className="portal-tiles">
      {services.map((service) => (
        <li key={service.key}>
          {service.path ? (
            <Link to={service.path} className="portal-tile">
              <TileContent service={service} />
            </Link>
          ) : (
            <div className="portal-tile portal-tile--upcoming" aria-disabled="true">
              <TileContent service={service} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
