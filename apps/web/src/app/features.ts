// The one list of web features. Both shells register exactly these; adding a module's web part is
// one import and one array entry here.
import { systemFeature } from '../features/system/index.ts';
import type { Feature } from '../lib/feature.ts';

export const features: readonly Feature[] = [systemFeature];
