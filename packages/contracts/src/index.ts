export * from './access.ts';
export * from './audit.ts';
export * from './auth.ts';
export * from './calendar.ts';
export * from './errors.ts';
export * from './org.ts';
export * from './permissions.ts';
export * from './system.ts';
