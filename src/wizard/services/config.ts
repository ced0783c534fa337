// The wizard's config services: plan the files of my-first-hf-job/ (hf-job.json, the script, the saved login) with
// a diff against what is there, repair an existing hf-job.json, and write the plan atomically.
import {join} from 'node:path';
import {
  DEFAULT_CONFIG_FILE,
  scriptKind,
  serializeJobConfig,
  writeJobConfig,
  type JobConfig,
} from '../../core/jobspec/index.js';
import {writeFileAtomic} from '../../core/store/atomic.js';
import {storeError} from '../../core/store/errors.js';
import {makeDirs} from '../../core/store/mkdirs.js';
import {resolveHfPaths} from '../../core/store/paths.js';
import {saveVerifiedLogin} from '../../core/auth/login-flow.js';
import {readTokenFile} from '../../core/store/token-file.js';
import {maskToken, redactSecrets} from '../../core/tokens/mask.js';
import {readStoredTokens, type StoredTokensRead} from '../../core/store/stored-tokens.js';
import {safeSectionName} from '../../core/store/ini.js';
import {repairConfig} from '../../core/wizard/config-repair.js';
import {compactDiff, lineDiff} from '../../core/wizard/diff.js';
import type {WizardServices} from '../../core/wizard/services.js';
import type {Account, PlannedFile} from '../../core/wizard/types.js';
import {jobFiles, readIfExists, type ServiceContext} from './context.js';
import {exampleSummary} from './login.js';

export type ConfigServices = Pick<WizardServices, 'planConfig' | 'writeConfig' | 'writtenJob'>;

function planned(
  path: string,
  role: PlannedFile['role'],
  content: string,
  existing: string | undefined,
  secrets: string[],
): PlannedFile {
  const file: PlannedFile = {
    path,
    role,
    exists: existing !== undefined,
    unchanged: existing === content,
    preview: content.replace(/\n$/, '').split('\n'),
  };
  if (existing !== undefined && existing !== content)
    file.diff = compactDiff(lineDiff(redactSecrets(existing, secrets), content)).map((l) => redactSecrets(l, secrets));
  return file;
}

/**
 * The named-tokens file (stored_tokens): the section this login is saved under, old -> new when that name is there
 * already (masked), and the other sections, which are kept as they are.
 */
function namedTokensPlan(
  path: string,
  account: Account,
  token: string | undefined,
  unchanged: boolean,
  stored: StoredTokensRead,
): PlannedFile {
  const entry = (t: string) => `[${account.storageName}]  hf_token = ${t}`;
  const file: PlannedFile = {
    path,
    role: 'named tokens',
    exists: stored.status !== 'missing',
    unchanged,
    preview: [entry(account.masked)],
  };
  if (stored.status !== 'ok' || unchanged) return file;
  const name = safeSectionName(account.storageName);
  const same = stored.tokens.find((t) => t.name === name);
  const others = stored.tokens.length - (same ? 1 : 0);
  file.diff = [
    ...(same?.token === token
      ? [`  ${entry(account.masked)}  (saved already)`]
      : [...(same?.token ? [`- ${entry(maskToken(same.token))}`] : []), `+ ${entry(account.masked)}`]),
    ...(others
      ? [others === 1 ? '  (1 other named token, kept as it is)' : `  (${others} other named tokens, kept as they are)`]
      : []),
  ];
  return file;
}

export function createConfigServices(ctx: ServiceContext): ConfigServices {
  /** What the config step will write, by path (texts only: the token store is written by saveVerifiedLogin). */
  const pending = new Map<string, string>();
  const {envFor} = ctx;

  return {
    async planConfig(session, planOptions = {}) {
      const ex = ctx.example(session);
      const dir = ctx.configDir(session);
      const known = ctx.secrets(session);
      const files: PlannedFile[] = [];
      pending.clear();
      const account = session.account;
      const envSource = account?.source === 'HF_TOKEN' || account?.source === 'HUGGING_FACE_HUB_TOKEN';
      // A repair touches hf-job.json only; saving the login belongs to the config step proper.
      if (account && !envSource && !planOptions.rewrite) {
        const paths = resolveHfPaths(envFor(session.target));
        const current = await readTokenFile(paths.tokenPath);
        const unchanged = current === ctx.token(session);
        const login: PlannedFile = {
          path: paths.tokenPath,
          role: 'saved login',
          exists: current !== undefined,
          unchanged,
          preview: [`${account.masked}  (the active login, read by hf and huggingface_hub)`],
        };
        // An existing login is replaced: old -> new, both masked.
        if (current !== undefined && !unchanged) login.diff = [`- ${maskToken(current)}`, `+ ${login.preview[0]}`];
        files.push(login);
        files.push(
          namedTokensPlan(
            paths.storedTokensPath,
            account,
            ctx.token(session),
            unchanged,
            await readStoredTokens(paths.storedTokensPath),
          ),
        );
      }
      const configPath = join(dir, DEFAULT_CONFIG_FILE);
      const existing = await readIfExists(configPath);
      let content = serializeJobConfig(ex.config);
      let changes: string[] | undefined;
      if (planOptions.rewrite && existing !== undefined) {
        const repaired = repairConfig(existing, ex.config);
        if ('error' in repaired) throw new Error(repaired.error);
        content = repaired.text;
        changes = repaired.changes;
      }
      const configFile = planned(configPath, 'job config', content, existing, known);
      if (changes) configFile.changes = changes;
      files.push(configFile);
      pending.set(configPath, content);
      const scriptPath = join(dir, ex.scriptName);
      const script = await readIfExists(scriptPath);
      // A repair edits the config only; the person's script is left as it is.
      if (!(planOptions.rewrite && script !== undefined)) {
        files.push(planned(scriptPath, 'script', ex.python, script, known));
        pending.set(scriptPath, ex.python);
      }
      return {dir, files};
    },

    async writtenJob(session) {
      const text = await readIfExists(join(ctx.configDir(session), DEFAULT_CONFIG_FILE));
      if (text === undefined) return undefined;
      const ex = ctx.example(session);
      // Shown on the screen and copied with c: a token typed into the file (or the script) is masked, whole nowhere.
      const hide = (t: string) => redactSecrets(t, ctx.secrets(session));
      const files = await jobFiles(ctx, session).catch(() => undefined);
      // A file that cannot be read as a job is shown as it is (pre-flight says what is wrong), with no commands.
      if (!files) return {...exampleSummary(ex), config: hide(text), snippets: []};
      const path = files.config.script !== undefined && scriptKind(files.config.script) === 'path';
      const summary = exampleSummary(ex, {
        text,
        config: files.config,
        script: files.scriptSource,
        scriptName: path ? files.config.script!.trim() : ex.scriptName,
      });
      return {
        ...summary,
        ...(files.scriptSource !== ex.python ? {scriptEdited: true} : {}),
        script: hide(summary.script),
        config: hide(summary.config),
        snippets: summary.snippets.map((s) => ({...s, text: hide(s.text)})),
      };
    },

    async writeConfig(session, plan) {
      const written: string[] = [];
      const account = session.account;
      const store = plan.files.filter((f) => (f.role === 'saved login' || f.role === 'named tokens') && !f.unchanged);
      if (account && store.length) {
        // The login's one save step (core/auth/login-flow.ts), as `login` runs it: same name, same OAuth extras.
        const saved = await saveVerifiedLogin(envFor(session.target), {
          name: account.storageName,
          token: ctx.token(session) ?? '',
          ...ctx.loginExtras(session),
        });
        written.push(saved.paths.storedTokensPath, saved.paths.tokenPath);
      }
      // Project files, not secrets: the folder is created 0755 when missing (an existing one keeps its mode), files 0644.
      await makeDirs(plan.dir, 0o755).catch((error: unknown) => {
        throw storeError(error, 'create the folder', plan.dir);
      });
      for (const file of plan.files) {
        if (file.unchanged || (file.role !== 'job config' && file.role !== 'script')) continue;
        const content = pending.get(file.path);
        if (content === undefined)
          throw new Error(`Nothing planned for ${file.path}: go back and review the files again.`);
        // Both writes are atomic (temp file + rename): quitting mid-write never leaves a partial file.
        if (file.role === 'job config') await writeJobConfig(file.path, JSON.parse(content) as JobConfig);
        else await writeFileAtomic(file.path, content, {mode: 0o644, privateDir: false});
        written.push(file.path);
      }
      ctx.lastJob = undefined;
      return written;
    },
  };
}
