// startSandbox(): the offline Hub + Jobs emulator, started in-process by the app, the tests and `hf-jobs-wizard sandbox`.
import {randomBytes} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {mkdir, mkdtemp, readFile, rm} from 'node:fs/promises';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PRACTICE_TOKENS} from '../core/practice.js';
import {addMissingPracticeTokens, createPracticeAccounts, MAIN_USER, type Accounts} from './accounts.js';
import {ensurePracticeSwitches} from './practice-switches.js';
import type {RouteModule, SandboxCore} from './context.js';
import {registerJobRoutes} from './jobs/routes.js';
import {oauthSettings, registerOauthRoutes} from './routes/oauth.js';
import {registerPageRoutes} from './routes/pages.js';
import {registerRepoRoutes} from './routes/repos.js';
import {registerRefRoutes} from './routes/refs.js';
import {registerWhoamiRoutes} from './routes/whoami.js';
import {registerCredentialRoutes} from './routes/credentials.js';
import {registerNewTokenRoutes} from './routes/new-token.js';
import {registerBucketRoutes} from './buckets/routes.js';
import {registerXetRoutes} from './xet/routes.js';
import {hubStore} from './hub/service.js';
import {writeTextAtomic} from './hub/store.js';
import {addUpstreamTestAccounts, seedPracticeRepos, seedUpstreamFixtures} from './seed.js';
import {
  claimDataDir,
  ensureDataDir,
  infoRoute,
  ownerGone,
  ownerRoute,
  SandboxDataError,
  type OwnerRecord,
} from './owner.js';
import {createSandboxServer} from './server.js';
import type {PracticeTokenLabel, SandboxHandle, SandboxOptions} from './types.js';

export type {SandboxHandle, SandboxOptions, PracticeTokenLabel} from './types.js';
export {SandboxDataError} from './owner.js';

// Pages last: their `/{namespace}/{name}` pattern must not shadow an API route.
const ROUTE_MODULES: RouteModule[] = [
  registerWhoamiRoutes,
  registerOauthRoutes,
  registerRepoRoutes,
  registerJobRoutes,
  registerCredentialRoutes,
  registerNewTokenRoutes,
  registerBucketRoutes,
  registerXetRoutes,
  registerRefRoutes,
  registerPageRoutes,
];
const LABELS: readonly PracticeTokenLabel[] = PRACTICE_TOKENS;

async function loadAccounts(file: string): Promise<Accounts | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Accounts;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`The sandbox state file ${file} is unreadable; move it away to start fresh.`);
  }
}

function tokenGetters(current: () => Accounts): Record<PracticeTokenLabel, string> {
  return Object.defineProperties(
    {},
    Object.fromEntries(
      LABELS.map((label) => [
        label,
        {enumerable: true, get: () => current().tokens.find((t) => t.label === label)?.value ?? ''},
      ]),
    ),
  ) as Record<PracticeTokenLabel, string>;
}

/**
 * A handle on the sandbox another process serves for this data folder: requests go to its URL; the practice tokens
 * are read from the folder on each use (a revoke there moves a label); closing it leaves the owner running.
 * When that owner goes away (its process ends, or it closes its sandbox), this handle takes the folder over and
 * serves it on the same port, so the URL it handed out keeps working (checked every second, off the event loop's
 * keep-alive).
 */
function attachedHandle(first: OwnerRecord, dataDir: string, options: SandboxOptions): SandboxHandle {
  const accountsFile = join(dataDir, 'accounts.json');
  let last: Accounts | undefined;
  const current = (): Accounts => {
    try {
      last = JSON.parse(readFileSync(accountsFile, 'utf8')) as Accounts;
    } catch {
      // mid-rename or briefly unreadable: the last good copy
    }
    return last ?? {users: [], orgs: [], tokens: []};
  };
  let record = first;
  let own: SandboxHandle | undefined;
  let closed = false;
  let checking = false;
  const port = Number(new URL(first.url).port);
  const check = async (): Promise<void> => {
    if (own || closed || !(await ownerGone(dataDir, record))) return;
    try {
      const claim = await claimDataDir(dataDir, {waitMs: 3000});
      if (claim.kind === 'running') {
        record = claim.record;
        return;
      }
      try {
        const handle = await serve(
          {...options, port},
          dataDir,
          true,
          claim.ownership.instance,
          (r) => claim.ownership.publish(r),
          () => claim.ownership.release(),
        );
        if (closed) await handle.close();
        else own = handle;
      } catch {
        // The port was taken meanwhile: leave the folder to the next process.
        await claim.ownership.release();
      }
    } catch {
      // Another process is taking over; look again next time.
    }
  };
  // One look at a time, and close() waits for the one under way: a takeover that finishes after close() returned
  // left the owner.lock of this live process behind (seen in the owner test on a loaded machine).
  let looking: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    looking = check().finally(() => {
      checking = false;
    });
  }, 1000);
  timer.unref();
  const handle: SandboxHandle = {
    url: first.url,
    tokens: tokenGetters(current),
    users: current().users.map((u) => u.name),
    dataDir,
    formKey: first.formKey,
    ownerPid: first.pid,
    close: async () => {
      closed = true;
      clearInterval(timer);
      await looking;
      await own?.close();
    },
  };
  Object.defineProperties(handle, {
    formKey: {enumerable: true, get: () => own?.formKey ?? record.formKey},
    ownerPid: {enumerable: true, get: () => (own ? undefined : record.pid)},
  });
  return handle;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const persistent = options.dataDir !== undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'hf-sandbox-')));
  if (persistent) await ensureDataDir(dataDir);
  else await mkdir(dataDir, {recursive: true, mode: 0o700});
  let release = async (): Promise<void> => {};
  // A temporary sandbox records where it listens too (owner.json in its own 0700 folder, with an instance id of its
  // own): a client that reads its practice tokens from that folder (login --endpoint URL --practice) sends them only
  // to the server that proves it serves the folder (owner.ts servesDataDir), never to whatever answers at URL.
  let instance = randomBytes(16).toString('hex');
  let publish: ((record: {url: string; formKey: string}) => Promise<void>) | undefined = (record) =>
    writeTextAtomic(
      join(dataDir, 'owner.json'),
      JSON.stringify({pid: process.pid, instance, startedAt: new Date().toISOString(), ...record}, null, 2),
    );
  if (persistent) {
    const claim = await claimDataDir(dataDir, options.ownerWaitMs === undefined ? {} : {waitMs: options.ownerWaitMs});
    if (claim.kind === 'running') {
      if (options.attach === false) {
        throw new SandboxDataError(
          `the sandbox data folder ${dataDir} is already served by process ${claim.record.pid} at ${claim.record.url}; use that one (HF_ENDPOINT=${claim.record.url}) or stop it first`,
          'busy',
        );
      }
      return attachedHandle(claim.record, dataDir, options);
    }
    release = () => claim.ownership.release();
    publish = (record) => claim.ownership.publish(record);
    instance = claim.ownership.instance;
  }
  try {
    return await serve(options, dataDir, persistent, instance, publish, release);
  } catch (error) {
    await release();
    throw error;
  }
}

async function serve(
  options: SandboxOptions,
  dataDir: string,
  persistent: boolean,
  instance: string,
  publish: ((record: {url: string; formKey: string}) => Promise<void>) | undefined,
  release: () => Promise<void>,
): Promise<SandboxHandle> {
  const accountsFile = join(dataDir, 'accounts.json');
  const accounts = (persistent ? await loadAccounts(accountsFile) : undefined) ?? createPracticeAccounts();
  // The practice switch orgs, also in a world saved before they existed.
  ensurePracticeSwitches(accounts, MAIN_USER);

  if (options.fixtures === 'upstream-tests') addUpstreamTestAccounts(accounts);
  // A data folder made before a practice token existed gets it now (saved just below, so other processes read the same value).
  addMissingPracticeTokens(accounts);

  let saving: Promise<void> = Promise.resolve();
  const core: SandboxCore = {
    accounts,
    dataDir,
    baseUrl: 'http://127.0.0.1',
    // One save at a time, each serialising the state when it runs: the last one on disk always has every change.
    saveAccounts: () =>
      (saving = saving
        .catch(() => undefined)
        .then(() => writeTextAtomic(accountsFile, JSON.stringify(accounts, null, 2)))),
    formKey: randomBytes(24).toString('hex'),
    ...(options.allowHost ? {allowHost: options.allowHost} : {}),
    ...(options.jobIsolation ? {jobIsolation: options.jobIsolation} : {}),
    ...(options.servedByUrl ? {servedByUrl: true} : {}),
  };
  await core.saveAccounts();
  const store = hubStore(core);
  await store.init();
  await seedPracticeRepos(store);
  if (options.fixtures === 'upstream-tests') await seedUpstreamFixtures(store);
  oauthSettings.set(core, options.oauth ?? {});

  const {server, cleanups} = createSandboxServer(core, [ownerRoute(instance), infoRoute, ...ROUTE_MODULES]);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const {port} = server.address() as AddressInfo;
  core.baseUrl = `http://127.0.0.1:${port}`;
  await publish?.({url: core.baseUrl, formKey: core.formKey});

  // Getters: a revoked practice token's label moves to a new token (POST /api/credentials/revoke).
  const tokens = tokenGetters(() => accounts);

  let closed: Promise<void> | undefined;
  return {
    url: core.baseUrl,
    tokens,
    users: accounts.users.map((u) => u.name),
    dataDir,
    formKey: core.formKey,
    close() {
      closed ??= (async () => {
        for (const cleanup of cleanups) await cleanup();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        if (!persistent) await rm(dataDir, {recursive: true, force: true});
        await release();
      })();
      return closed;
    },
  };
}
