// The live checks' shared input: the context, the scan (for target namespaces), and the one whoami answer.
import type {LiveContext, WhoAmIOutcome} from './live-context.js';
import type {CheckResult, LiveCheckId, ScanModel} from './types.js';

export interface LiveInput {
  ctx: LiveContext;
  model: ScanModel;
  offline: boolean;
  /** The whoami answer (undefined: offline or no token). */
  who?: WhoAmIOutcome;
}

export interface LiveCheck {
  id: LiveCheckId;
  title: string;
  run(input: LiveInput): Promise<CheckResult[]> | CheckResult[];
}

/** Namespaces the scanned jobs run in (explicit `namespace`), and repos their scripts push to. */
export function targets(model: ScanModel): {namespaces: {name: string; file: string; line: number}[]; pushes: {repo: string; file: string; line: number}[]} {
  const namespaces: {name: string; file: string; line: number}[] = [];
  const pushes: {repo: string; file: string; line: number}[] = [];
  for (const sub of model.submissions) {
    if (sub.namespace && !namespaces.some((n) => n.name === sub.namespace!.value)) namespaces.push({name: sub.namespace.value, file: sub.file, line: sub.namespace.line});
    for (const t of sub.scriptFacts?.pushTargets ?? []) if (!pushes.some((p) => p.repo === t.value)) pushes.push({repo: t.value, file: sub.scriptFacts!.file, line: t.line});
  }
  return {namespaces, pushes};
}

/** Example names from docs are not real targets. */
export function isExampleNamespace(ns: string): boolean {
  return /^(username|user|your[-_]?(user(name)?|org|name|namespace)|my[-_]?(user(name)?|org)|org|organization|private-org|<.*>)$/i.test(ns);
}
