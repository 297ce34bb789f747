import type * as v from 'valibot';
import { Day } from '../time.ts';

/** A compiled yes/no validator: true exactly when valibot would accept the value. */
export type Check = (value: unknown) => boolean;

/** The parts of a valibot schema or action node that the compiler reads. */
interface Node {
  kind: string;
  type: string;
  pipe?: readonly Node[];
  entries?: Record<string, Node>;
  item?: Node;
  options?: readonly (Node | string | number)[];
  wrapped?: Node;
  literal?: unknown;
  requirement?: unknown;
  default?: unknown;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Compiles a valibot schema into a plain closure that answers only "valid or not", ~10x faster than
 * `safeParse` because it allocates no output or issues. Folds run it on every event of a log (tens of
 * thousands); on `false` they ask valibot for the message. Returns undefined for a schema using a node
 * it does not know, so callers fall back to valibot and the schemas stay the one source of truth.
 */
export function compileCheck(schema: v.GenericSchema): Check | undefined {
  return compile(schema as unknown as Node);
}

/** Same answer as `Day` without building two Date objects per call (the calendar check dominated folds). */
function isDay(x: unknown): boolean {
  if (typeof x !== 'string' || x.length !== 10 || x[4] !== '-' || x[7] !== '-') return false;
  const y = digits(x, 0, 4);
  const m = digits(x, 5, 7);
  const d = digits(x, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const monthDays = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= monthDays;
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Nodes with a faster equivalent (tests hold them equal to valibot). */
const substitutes = new Map<unknown, Check>([[Day, isDay]]);

function compile(node: Node): Check | undefined {
  const substitute = substitutes.get(node);
  if (substitute) return substitute;
  if (node.pipe) return compilePipe(node.pipe);
  switch (node.type) {
    case 'string':
      return (x) => typeof x === 'string';
    case 'number':
      return (x) => typeof x === 'number' && !Number.isNaN(x);
    case 'boolean':
      return (x) => typeof x === 'boolean';
    case 'literal': {
      const lit = node.literal;
      return (x) => x === lit;
    }
    case 'picklist': {
      const options = node.options ?? [];
      return (x) => options.includes(x as string);
    }
    case 'optional': {
      if (node.default !== undefined || !node.wrapped) return undefined;
      const inner = compile(node.wrapped);
      return inner && ((x) => x === undefined || inner(x));
    }
    case 'array': {
      const item = node.item && compile(node.item);
      if (!item) return undefined;
      return (x) => Array.isArray(x) && x.every((e) => item(e));
    }
    case 'union': {
      const options = (node.options ?? []).map((o) => (typeof o === 'object' ? compile(o) : undefined));
      if (options.some((o) => !o)) return undefined;
      const checks = options as Check[];
      return (x) => checks.some((c) => c(x));
    }
    case 'strict_object':
      return compileStrictObject(node.entries ?? {});
    default:
      return undefined;
  }
}

function compileStrictObject(entries: Record<string, Node>): Check | undefined {
  const keys: string[] = [];
  const checks: Check[] = [];
  const optional: boolean[] = [];
  for (const [key, entry] of Object.entries(entries)) {
    const check = compile(entry);
    if (!check) return undefined;
    keys.push(key);
    checks.push(check);
    optional.push(entry.type === 'optional');
  }
  const n = keys.length;
  return (x) => {
    if (!x || typeof x !== 'object') return false;
    const o = x as Record<string, unknown>;
    for (let i = 0; i < n; i++) {
      const key = keys[i] as string;
      if (key in o) {
        if (!(checks[i] as Check)(o[key])) return false;
      } else if (!optional[i]) return false;
    }
    for (const key in o) if (!hasOwn.call(entries, key)) return false;
    return true;
  };
}

/** What a pipe asks of its value, gathered so one closure checks it all. */
interface Rules {
  minLength: number;
  maxLength: number;
  minValue: number;
  maxValue: number;
  safeInteger: boolean;
  tests: Check[];
}

function compilePipe(pipe: readonly Node[]): Check | undefined {
  const [first, ...actions] = pipe;
  if (!first) return undefined;
  const rules: Rules = {
    minLength: 0,
    maxLength: Number.POSITIVE_INFINITY,
    minValue: Number.NEGATIVE_INFINITY,
    maxValue: Number.POSITIVE_INFINITY,
    safeInteger: false,
    tests: [],
  };
  for (const action of actions) if (!addRule(rules, action)) return undefined;
  const { minLength, maxLength, minValue, maxValue, safeInteger, tests } = rules;
  const test =
    tests.length === 0 ? undefined : tests.length === 1 ? tests[0] : (x: unknown) => tests.every((t) => t(x));
  if (first.type === 'string' && !first.pipe)
    return (x) =>
      typeof x === 'string' && x.length >= minLength && x.length <= maxLength && (test === undefined || test(x));
  if (first.type === 'number' && !first.pipe)
    return (x) =>
      typeof x === 'number' &&
      x >= minValue &&
      x <= maxValue &&
      (!safeInteger || Number.isSafeInteger(x)) &&
      (test === undefined || test(x));
  const base = compile(first);
  if (!base) return undefined;
  return (x) => {
    if (!base(x)) return false;
    const len = (x as { length?: unknown }).length;
    if (typeof len === 'number' && (len < minLength || len > maxLength)) return false;
    if (typeof x === 'number' && (x < minValue || x > maxValue || (safeInteger && !Number.isSafeInteger(x))))
      return false;
    return test === undefined || test(x);
  };
}

/** Adds one validation action to the rules; false if the action is unknown. */
function addRule(rules: Rules, action: Node): boolean {
  if (action.kind === 'metadata') return true;
  if (action.kind !== 'validation') return false;
  const req = action.requirement;
  switch (action.type) {
    case 'min_length':
      rules.minLength = Math.max(rules.minLength, req as number);
      return true;
    case 'max_length':
      rules.maxLength = Math.min(rules.maxLength, req as number);
      return true;
    case 'min_value':
      rules.minValue = Math.max(rules.minValue, req as number);
      return true;
    case 'max_value':
      rules.maxValue = Math.min(rules.maxValue, req as number);
      return true;
    case 'safe_integer':
      rules.safeInteger = true;
      return true;
    case 'regex': {
      const re = req as RegExp;
      rules.tests.push((x) => re.test(x as string));
      return true;
    }
    case 'check': {
      const fn = req as (value: unknown) => unknown;
      rules.tests.push((x) => Boolean(fn(x)));
      return true;
    }
    default:
      return false;
  }
}
