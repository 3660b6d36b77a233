// A readable browser and system from a User-Agent header, for the 在线会话 list. Rough on purpose:
// the full header is in the tooltip.

const browsers: [RegExp, string][] = [
  [/MicroMessenger\/([\d.]+)/, '微信'],
  [/QQBrowser\/([\d.]+)/, 'QQ 浏览器'],
  [/360SE|360EE/, '360 浏览器'],
  [/Edg\/([\d.]+)/, 'Edge'],
  [/Firefox\/([\d.]+)/, 'Firefox'],
  [/Chrome\/([\d.]+)/, 'Chrome'],
  [/Version\/([\d.]+).*Safari/, 'Safari'],
  [/curl\/([\d.]+)/, 'curl'],
];

const systems: [RegExp, string][] = [
  [/Windows NT 10/, 'Windows 10/11'],
  [/Windows NT 6\.1/, 'Windows 7'],
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Mac OS X/, 'macOS'],
  [/Linux/, 'Linux'],
];

export function describeUserAgent(userAgent: string): string {
  if (!userAgent) return '未知';
  const browserMatch = browsers.find(([pattern]) => pattern.test(userAgent));
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  let browser: string | undefined;
  if (browserMatch) {
    const version = browserMatch[0].exec(userAgent)?.[1]?.split('.')[0];
    browser = version ? `${browserMatch[1]} ${version}` : browserMatch[1];
  }
  const parts = [browser, system].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : '其他';
}
