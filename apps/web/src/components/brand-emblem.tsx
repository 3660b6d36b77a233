interface BrandEmblemProps {
  size?: number;
  /** Background of the rounded square; the scales are drawn in white. */
  color?: string;
}

/** The platform's scales-of-justice mark, the same drawing as favicon.svg and the portal's app icons. */
export function BrandEmblem({ size = 32, color = '#1d5fa8' }: BrandEmblemProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <rect width="100" height="100" rx="18" fill={color} />
      <g fill="#fff">
        <circle cx="50" cy="25.5" r="3.5" />
        <rect x="48.5" y="27" width="3" height="45" />
        <rect x="25" y="32.5" width="50" height="2.5" />
        <rect x="42" y="69" width="16" height="3" />
        <rect x="37" y="71" width="26" height="3.5" />
        <path d="M17 55.8h22a11 11 0 0 1-22 0z" />
        <path d="M61 55.8h22a11 11 0 0 1-22 0z" />
      </g>
      <g stroke="#fff" strokeWidth="2.4" fill="none" strokeLinecap="round">
        <path d="M18 56.5 28 34l10 22.5" />
        <path d="M62 56.5 72 34l10 22.5" />
      </g>
    </svg>
  );
}
