// The live checks' shared input: the context, the scan (for target namespaces), and the one whoami answer.
import type {LiveContext, WhoAmIOutcome} from './live-context.js';
import {parseRepo, repoLabel, type CheckResult, type HubRepo, type LiveCheckId, type ScanModel} from './types.js';

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

export interface PushTarget {
  repo: HubRepo;
  /** `dataset ns/name`, for messages. */
  label: string;
  file: string;
  line: number;
}

/** Namespaces the scanned jobs run in (explicit `namespace`), and repos (with their type) their scripts push to. */
export function targets(model: ScanModel): {
  namespaces: {name: string; file: string; line: number}[];
  pushes: PushTarget[];
} {
  const namespaces: {name: string; file: string; line: number}[] = [];
  const pushes: PushTarget[] = [];
  for (const sub of model.submissions) {
    if (sub.namespace && !namespaces.some((n) => n.name === sub.namespace!.value))
      namespaces.push({name: sub.namespace.value, file: sub.file, line: sub.namespace.line});
    for (const t of sub.scriptFacts?.pushTargets ?? []) {
      const repo = parseRepo(t.value, t.type);
      if (!repo) continue;
      const label = repoLabel(repo);
      if (!pushes.some((p) => p.label === label)) pushes.push({repo, label, file: sub.scriptFacts!.file, line: t.line});
    }
  }
  return {namespaces, pushes};
}

/** Example names from docs are not real targets. */
export function isExampleNamespace(ns: string): boolean {
  return /^(username|user|your[-_]?(user(name)?|org|name|namespace)|my[-_]?(user(name)?|org)|org|organization|private-org|<.*>)$/i.test(
    ns,
  );
}
