// Permission codes are `<module>:<action>`, with the glossary's camelCase module name.
// Every API route and every console menu entry names one of these, `public` or `authenticated`.
export const permissions = {
  system: {
    viewStatus: 'system:viewStatus',
  },
  org: {
    read: 'org:read',
    manage: 'org:manage',
  },
  user: {
    read: 'user:read',
    create: 'user:create',
    update: 'user:update',
    resetPassword: 'user:resetPassword',
    revealPhone: 'user:revealPhone',
  },
  role: {
    read: 'role:read',
    manage: 'role:manage',
    assign: 'role:assign',
  },
  session: {
    read: 'session:read',
    revoke: 'session:revoke',
  },
  policy: {
    manage: 'policy:manage',
  },
  audit: {
    read: 'audit:read',
    export: 'audit:export',
    verify: 'audit:verify',
  },
  calendar: {
    read: 'calendar:read',
    manage: 'calendar:manage',
  },
  /** Every business line's cases through the shared case pages (全部案件, the case page, its timeline). */
  case: {
    read: 'case:read',
    /** Add or remove participants: the handler (承办人), assisting staff. */
    assign: 'case:assign',
  },
  /** 当事人: persons and organisations, and the parties of cases. */
  party: {
    read: 'party:read',
    manage: 'party:manage',
    /** See a party's ID number, phone and address in full (audited). */
    reveal: 'party:reveal',
  },
  /** 文书: documents generated for a case from its type's templates, and the templates themselves. */
  document: {
    read: 'document:read',
    generate: 'document:generate',
    /** Edit a case type's templates (a bureau's administrator). */
    manageTemplates: 'document:manageTemplates',
  },
  /** 统计指标: aggregate figures; each metric also needs its own permission (e.g. `case:read`). */
  metric: {
    read: 'metric:read',
  },
  /** 法律援助. */
  legalAid: {
    /** See the registries: lawyers, duty roster, workstations, support teams (and their figures). */
    readRegistry: 'legalAid:readRegistry',
    /** Keep the registries: lawyers' profiles, duty roster, workstations, support teams. */
    manageRegistry: 'legalAid:manageRegistry',
    /** Log and list consultations (咨询登记). */
    consult: 'legalAid:consult',
    /** Enter an application at any counter (全城通办), record an objection on the applicant's behalf. */
    intake: 'legalAid:intake',
    /** Review applications of the centre: correction notices, supplied materials. */
    review: 'legalAid:review',
    /** Decide: grant, refuse, terminate (法律援助中心). */
    decide: 'legalAid:decide',
    /** Decide an applicant's objection to a refusal (司法行政机关, 第四十九条). */
    decideObjection: 'legalAid:decideObjection',
    /** Assign a lawyer within 3 days (指派), change the lawyer on request or for cause (法律援助中心). */
    assign: 'legalAid:assign',
    /** The assigned lawyer's own case: accept or decline the assignment, the progress log, closing. */
    handleCase: 'legalAid:handleCase',
    /** Rate a closed case's quality (质量评估) and verify sampled pledges (承诺核查, 第六十四条). */
    rate: 'legalAid:rate',
    /** Subsidy rates with their effective dates, and the payment batches (办案补贴). */
    manageSubsidies: 'legalAid:manageSubsidies',
  },
  /** 人民调解. */
  mediation: {
    /** See committees, mediators and their training, studios (and their figures). */
    readRegistry: 'mediation:readRegistry',
    /** Keep committees, mediators, training records and studios (县区局、司法所). */
    manageRegistry: 'mediation:manageRegistry',
    /** Register a dispute: walk-in, referral (court, police, petition, 12345), ledger import. */
    intake: 'mediation:intake',
    /** Send a dispute to a committee, or re-send it (司法所、县区局). */
    dispatch: 'mediation:dispatch',
    /** Mediate: accept or decline, sessions and their records, outcome, agreement, follow-ups, confirmation. */
    handle: 'mediation:handle',
    /** Plan and record dispute sweeps (矛盾纠纷排查). */
    sweep: 'mediation:sweep',
  },
  /** 社区矫正. Data scope follows the supervising office (an office its own, a county bureau its offices). */
  corrections: {
    /** See the register of supervisees and the investigations (adults only). */
    read: 'corrections:read',
    /** See minors' records at all (第五十二条至第五十八条: identity kept confidential); adds to the others. */
    readMinors: 'corrections:readMinors',
    /** Pre-sentence investigations (调查评估, 第十八条): register the request, assess, report, deliver. */
    investigate: 'corrections:investigate',
    /** Register a supervisee from the court's notice and keep the register (入矫登记、台账). */
    register: 'corrections:register',
    /** Intake: report-in, supervision team, classification, individual plan, announcement. */
    intake: 'corrections:intake',
    /**
     * Day-to-day supervision: the lost-contact search (失联查找, 第三十条), check-ins, visits, hours, vessels
     * and sea trips, safety sweeps, training and employment.
     */
    supervise: 'corrections:supervise',
    /** Decide leave, change of residence or supervising place and visitors at the approver's own level. */
    approve: 'corrections:approve',
    /** Propose and record sanctions (第二十八条: praise, admonition, warning, the requests, committal). */
    sanction: 'corrections:sanction',
    /** Approve an electronic-monitoring order or its renewal (第二十九条: the county bureau's head). */
    approveMonitoring: 'corrections:approveMonitoring',
    /** Release at the end of the term and termination (第四十四条, 第四十五条). */
    release: 'corrections:release',
  },
  /** 海上定位. Terminals belong to a unit; tracks follow the vessel's office or the supervisee's term. */
  tracking: {
    /** See terminals, vessels' last positions and tracks in scope (every track view is audited). */
    read: 'tracking:read',
    /** Register satellite terminals and record their installation on vessels. */
    manageTerminals: 'tracking:manageTerminals',
    /** Vendor platforms and their ingest keys; the gateway's status. */
    manageVendors: 'tracking:manageVendors',
    /** Acknowledge, assign and resolve alerts on vessels in scope (the triage queue). */
    handleAlerts: 'tracking:handleAlerts',
    /** Draw and edit geofences of the unit and below (permitted areas, ports, prohibited zones). */
    manageFences: 'tracking:manageFences',
  },
} as const;

type Leaves<T> = T extends string ? T : { [K in keyof T]: Leaves<T[K]> }[keyof T];

export type PermissionCode = Leaves<typeof permissions>;

/** Routes open to anyone (health probes, the portal's public pages). */
export const PUBLIC = 'public' as const;
/** Routes for any signed-in account, staff or citizen (who am I, log out, change my password). */
export const AUTHENTICATED = 'authenticated' as const;
export type RoutePermission = PermissionCode | typeof PUBLIC | typeof AUTHENTICATED;

export const allPermissionCodes: PermissionCode[] = Object.values(permissions).flatMap(
  (group) => Object.values(group) as PermissionCode[],
);

export function isPermissionCode(value: string): value is PermissionCode {
  return (allPermissionCodes as string[]).includes(value);
}
