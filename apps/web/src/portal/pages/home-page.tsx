import { features } from '../../app/features.ts';
import { BrandEmblem } from '../../components/brand-emblem.tsx';
import { usePlatformIdentity } from '../../lib/platform-info.ts';
import { HotlineCard } from '../components/hotline-card.tsx';
import { ServiceGrid } from '../components/service-grid.tsx';
import { PORTAL_NAME } from '../navigation.ts';
import { portalServices } from '../services.ts';

const services = portalServices(features);

export function HomePage() {
  const identity = usePlatformIdentity();
  return (
    <>
      <header className="portal-banner">
        <BrandEmblem size={48} color="rgba(255, 255, 255, 0.16)" />
        <div className="portal-banner__text">
          <h1 className="portal-banner__title">{PORTAL_NAME}</h1>
          {identity.bureauName && <p className="portal-banner__subtitle">{identity.bureauName}</p>}
          <p className="portal-banner__subtitle">公共法律服务 网上办理</p>
        </div>
      </header>
      <div className="portal-page">
        <section aria-labelledby="portal-services-title">
          <h2 id="portal-services-title" className="portal-section-title">
            便民服务
          </h2>
          <ServiceGrid services={services} />
        </section>
        <HotlineCard />
      </div>
    </>
  );
}
