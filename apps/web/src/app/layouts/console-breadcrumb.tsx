import { Breadcrumb } from 'antd';
import { Link, useMatches } from 'react-router';
import { type ConsoleRouteHandle, HOME_TITLE } from '../navigation.ts';

function isHandle(value: unknown): value is ConsoleRouteHandle {
  return typeof value === 'object' && value !== null && 'title' in value && 'trail' in value;
}

export function useCurrentRouteHandle(): ConsoleRouteHandle | undefined {
  const matches = useMatches();
  return matches
    .map((match) => match.handle)
    .filter(isHandle)
    .at(-1);
}

export function ConsoleBreadcrumb() {
  const handle = useCurrentRouteHandle();
  const isHome = !handle || handle.title === HOME_TITLE;
  const items = isHome
    ? [{ title: HOME_TITLE }]
    : [
        { title: <Link to="/">{HOME_TITLE}</Link> },
        ...handle.trail.map((label) => ({ title: label })),
        { title: handle.title },
      ];
  return <Breadcrumb items={items} style={{ marginBottom: 16 }} />;
}
