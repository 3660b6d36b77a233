import type { CaseStatusTone, PermissionCode } from '@zhucheng/contracts';
import type { ZodType } from 'zod';
import type { Principal } from '../access/principal.ts';

/** What guards and notices may read of a case: the shared case record, without I/O types. */
export interface CaseSnapshot {
  id: string;
  caseType: string;
  caseNo: string | null;
  status: string;
  version: number;
  competentUnitId: number;
  receivingUnitId: number;
  title: string;
}

// A case type's workflow as data: its states, its transitions and the statutory clocks each transition
// moves. Modules declare one with `defineCaseType`; the engine (workflow.service.ts) applies it.

export interface CaseState {
  /** Chinese, for the status tag: 待受理, 已受理… */
  label: string;
  /** No transition leaves a terminal state. */
  terminal?: boolean;
  /** The status tag's colour (UI.md); default `processing`, a terminal state `done`. */
  tone?: CaseStatusTone;
}

/** Which clocks (deadline rule codes of the catalogue) a transition moves. */
export interface TransitionClocks {
  start?: string[];
  pause?: string[];
  resume?: string[];
  extend?: string[];
  stop?: string[];
  meet?: string[];
}

export interface GuardContext {
  case: CaseSnapshot;
  /** The validated input. */
  input: unknown;
  principal: Principal;
}

/** An in-app notice to the case's staff participants in the given roles, after the transition. */
export interface TransitionNotice {
  roles: string[];
  template: string;
  body: (c: CaseSnapshot) => string;
  /** Citizen participants in these roles (the applicant) get the notice too, in their portal inbox. */
  citizenRoles?: string[];
  /** The citizen's wording (您的申请…), when staff get `body` (案件…); default `body` for both. */
  citizenBody?: (c: CaseSnapshot) => string;
  /**
   * The citizen recipients also get the citizen's wording by SMS, at the phone they sign in with: a
   * decision a fisherman's wife should not have to open the portal to learn.
   */
  sms?: boolean;
  /** The portal page a citizen's notice opens (`/portal/…`). */
  portalPath?: (c: CaseSnapshot) => string;
}

export interface TransitionDef {
  /** camelCase, unique within the type: `accept`, `decide`. */
  name: string;
  /** The button's Chinese verb: 受理, 作出决定. */
  label: string;
  from: string[];
  to: string;
  permission: PermissionCode;
  /**
   * Ends or refuses the case: the page asks for confirmation first. Default: the target is a terminal
   * state with tone `closed`.
   */
  destructive?: boolean;
  /** A Chinese reason when the transition may not happen now; null when it may. */
  guard?: (ctx: GuardContext) => string | null;
  /** The input the transition requires (e.g. the decision text). */
  input?: ZodType;
  clocks?: TransitionClocks;
  notify?: TransitionNotice;
  /**
   * Applied only by the module's own endpoint, which writes its rows in the same transaction (指派律师
   * records the assignment, 结案 the closing). The generic transition route refuses it and the case page
   * offers no button for it.
   */
  viaModule?: boolean;
}

export interface CaseTypeDef {
  /** `<module>.<what>`, e.g. `legalAid.application`. */
  type: string;
  /** Chinese: 法律援助申请. */
  name: string;
  initial: string;
  states: Record<string, CaseState>;
  transitions: TransitionDef[];
  /** The number series of its case numbers (案号), allocated on create; none → no number. */
  numberSeries?: string;
  /** Clocks started when a case is created. */
  startClocks?: string[];
}

export type CaseType = Readonly<CaseTypeDef>;

const typePattern = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/;
const namePattern = /^[a-z][A-Za-z0-9]*$/;
export const clockOps = ['start', 'pause', 'resume', 'extend', 'stop', 'meet'] as const;
export type ClockOp = (typeof clockOps)[number];

/** Why a definition is wrong, one line each; empty when it is sound. */
export function caseTypeProblems(def: CaseTypeDef): string[] {
  const problems: string[] = [];
  if (!typePattern.test(def.type)) problems.push(`type ${def.type} must look like <module>.<what>`);
  if (def.name.trim() === '') problems.push('name is empty');
  const states = Object.keys(def.states);
  if (states.length === 0) problems.push('no states');
  if (!(def.initial in def.states)) problems.push(`initial state ${def.initial} is not declared`);
  for (const [code, state] of Object.entries(def.states)) {
    if (state.label.trim() === '') problems.push(`state ${code} has no label`);
  }
  const names = new Set<string>();
  for (const t of def.transitions) {
    if (!namePattern.test(t.name)) problems.push(`transition name ${t.name} must be camelCase`);
    if (names.has(t.name)) problems.push(`transition ${t.name} declared twice`);
    names.add(t.name);
    if (t.label.trim() === '') problems.push(`transition ${t.name} has no label`);
    if (t.from.length === 0) problems.push(`transition ${t.name} has no from state`);
    for (const f of t.from) {
      if (!(f in def.states)) problems.push(`transition ${t.name}: unknown from state ${f}`);
      else if (def.states[f]?.terminal) problems.push(`transition ${t.name} leaves terminal state ${f}`);
    }
    if (!(t.to in def.states)) problems.push(`transition ${t.name}: unknown to state ${t.to}`);
  }
  return problems;
}

/** Declares a case type; a wrong definition fails at load time, not on the first case. */
export function defineCaseType(def: CaseTypeDef): CaseType {
  const problems = caseTypeProblems(def);
  if (problems.length > 0) throw new Error(`case type ${def.type}: ${problems.join('; ')}`);
  return Object.freeze({ ...def });
}

/** Every clock operation a transition asks for, in a fixed order (stop/meet before start). */
export function clockSteps(clocks: TransitionClocks | undefined): { op: ClockOp; ruleCode: string }[] {
  if (!clocks) return [];
  const order: ClockOp[] = ['meet', 'stop', 'pause', 'resume', 'extend', 'start'];
  return order.flatMap((op) => (clocks[op] ?? []).map((ruleCode) => ({ op, ruleCode })));
}

/** Every deadline rule code the type names (create and transitions), for the load-time check. */
export function clockRuleCodes(type: CaseTypeDef): string[] {
  const codes = new Set(type.startClocks ?? []);
  for (const t of type.transitions) for (const step of clockSteps(t.clocks)) codes.add(step.ruleCode);
  return [...codes];
}

/** The transitions leaving `status` that the principal holds the permission for (the case page's buttons). */
export function permittedTransitions(
  type: CaseType,
  status: string,
  permissions: ReadonlySet<PermissionCode>,
): TransitionDef[] {
  return type.transitions.filter((t) => t.from.includes(status) && permissions.has(t.permission));
}

export function stateLabel(type: CaseType, status: string): string {
  return type.states[status]?.label ?? status;
}

/** The status tag's colour: declared, else `done` for a terminal state, else `processing`. */
export function stateTone(type: CaseType, status: string): CaseStatusTone {
  const state = type.states[status];
  if (!state) return 'processing';
  return state.tone ?? (state.terminal ? 'done' : 'processing');
}

/** Whether the page should ask for confirmation before the transition (see `TransitionDef.destructive`). */
export function isDestructive(type: CaseType, t: TransitionDef): boolean {
  if (t.destructive !== undefined) return t.destructive;
  const target = type.states[t.to];
  return Boolean(target?.terminal) && stateTone(type, t.to) === 'closed';
}

/** The label of a history row's transition: creation is 登记; a transition no longer declared shows its code. */
export function transitionLabel(type: CaseType | undefined, name: string): string {
  if (name === 'create') return '登记';
  return type?.transitions.find((t) => t.name === name)?.label ?? name;
}

/** The registry of case types the composition root knows; each module adds its own. */
export class CaseTypeRegistry {
  readonly #types = new Map<string, CaseType>();

  constructor(...types: CaseTypeDef[]) {
    for (const t of types) this.add(t);
  }

  add(def: CaseTypeDef): this {
    if (this.#types.has(def.type)) throw new Error(`case type ${def.type} registered twice`);
    this.#types.set(def.type, defineCaseType(def));
    return this;
  }

  /** A caller names a type it declared: a missing one is a programming error. */
  get(type: string): CaseType {
    const t = this.#types.get(type);
    if (!t) throw new Error(`unknown case type ${type}`);
    return t;
  }

  has(type: string): boolean {
    return this.#types.has(type);
  }

  all(): CaseType[] {
    return [...this.#types.values()];
  }
}
