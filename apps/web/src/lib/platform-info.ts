import { useQuery } from '@tanstack/react-query';
import { platformInfoSchema } from '@zhucheng/contracts';
import { apiGet } from './api.ts';

export const DEFAULT_PLATFORM_NAME = '珠城智慧司法平台';

export interface PlatformIdentity {
  platformName: string;
  /** The bureau running this installation, e.g. 北海市司法局; undefined until known. */
  bureauName: string | undefined;
  cityName: string | undefined;
}

export function bureauNameOf(cityName: string): string {
  return cityName.endsWith('司法局') ? cityName : `${cityName}司法局`;
}

/** Name and city of this installation; falls back to the platform's own name when the API is unreachable. */
export function usePlatformIdentity(): PlatformIdentity {
  const { data } = useQuery({
    queryKey: ['platform', 'info'],
    queryFn: ({ signal }) => apiGet('/api/platform/info', platformInfoSchema, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return {
    platformName: data?.name || DEFAULT_PLATFORM_NAME,
    bureauName: data?.cityName ? bureauNameOf(data.cityName) : undefined,
    cityName: data?.cityName || undefined,
  };
}
