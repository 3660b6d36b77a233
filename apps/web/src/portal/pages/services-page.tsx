import { features } from '../../app/features.ts';
import { ServiceList } from '../components/service-list.tsx';
import { portalServices } from '../services.ts';

const services = portalServices(features);

export function ServicesPage() {
  return (
    <div className="portal-page">
      <p className="portal-hint">标有「即将开通」的服务正在建设中，开通后可在此直接办理。</p>
      <ServiceList services={services} />
    </div>
  );
}
