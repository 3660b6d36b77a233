// Permission codes are `<module>:<action>`, with the glossary's camelCase module name.
// Every API route and every console menu entry names one of these (or `public`).
export const permissions = {
  system: {
    viewStatus: 'system:viewStatus',
  },
} as const;

type Leaves<T> = T extends string ? T : { [K in keyof T]: Leaves<T[K]> }[keyof T];

export type PermissionCode = Leaves<typeof permissions>;

/** Routes open to anyone (health probes, the portal's public pages). */
export const PUBLIC = 'public' as const;
export type RoutePermission = PermissionCode | typeof PUBLIC;

export const allPermissionCodes: PermissionCode[] = Object.values(permissions).flatMap(
  (group) => Object.values(group) as PermissionCode[],
);
