// `stored_tokens`: named tokens, as configparser writes them. Keeps keys and sections we did not write;
// a file we cannot parse is reported and backed up, never silently overwritten.
import {copyFile} from 'node:fs/promises';
import {writeFileAtomic} from './atomic.js';
import {StoreError, storeError} from './errors.js';
import {readLoginFile} from './read.js';
import {IniParseError, parseIni, safeSectionName, serializeIni, type IniSection} from './ini.js';

export interface StoredToken {
  name: string;
  /** The `hf_token` value; undefined if the section has none (another tool's section). */
  token?: string;
  /** Every key of the section, e.g. hf_token, refresh_token, expires_at. */
  values: Record<string, string>;
}

export type StoredTokensRead =
  | {status: 'missing'; tokens: []}
  | {status: 'ok'; tokens: StoredToken[]}
  | {status: 'corrupt'; tokens: []; reason: string}
  /** The file exists but cannot be read (permissions, a folder in its place...): `reason` is one clear line. */
  | {status: 'unreadable'; tokens: []; reason: string};

function toStored(section: IniSection): StoredToken {
  const values = Object.fromEntries(section.values);
  const token = section.values.get('hf_token');
  return token === undefined ? {name: section.name, values} : {name: section.name, token, values};
}

async function readSections(
  path: string,
): Promise<{status: 'missing'} | {status: 'ok'; sections: IniSection[]} | {status: 'corrupt'; reason: string}> {
  let text: string;
  try {
    text = await readLoginFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {status: 'missing'};
    throw storeError(error, 'read', path);
  }
  try {
    return {status: 'ok', sections: parseIni(text)};
  } catch (error) {
    if (error instanceof IniParseError) return {status: 'corrupt', reason: `line ${error.line}: ${error.message}`};
    throw error;
  }
}

export async function readStoredTokens(path: string): Promise<StoredTokensRead> {
  let read: Awaited<ReturnType<typeof readSections>>;
  try {
    read = await readSections(path);
  } catch (error) {
    if (error instanceof StoreError) return {status: 'unreadable', tokens: [], reason: error.message};
    throw error;
  }
  if (read.status === 'missing') return {status: 'missing', tokens: []};
  if (read.status === 'corrupt') return {status: 'corrupt', tokens: [], reason: read.reason};
  return {status: 'ok', tokens: read.sections.map(toStored)};
}

/** Copies an unreadable file to `<path>.corrupt-<timestamp>` and returns the copy's path. */
export async function backupCorrupt(path: string, now: Date = new Date()): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const backup = `${path}.corrupt-${stamp}`;
  try {
    await copyFile(path, backup);
  } catch (error) {
    throw storeError(error, 'back up the unreadable', path);
  }
  return backup;
}

function byName(a: IniSection, b: IniSection): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export interface StoredTokensWrite {
  /** Set when the old file could not be parsed: where it was copied before being replaced. */
  backedUpTo?: string;
  corruptReason?: string;
}

/** Applies `change` to the sections (sorted afterwards, like huggingface_hub) and writes atomically. */
async function updateSections(
  path: string,
  change: (sections: IniSection[]) => IniSection[],
  now?: Date,
): Promise<StoredTokensWrite> {
  const read = await readSections(path);
  const result: StoredTokensWrite = {};
  let sections: IniSection[] = [];
  if (read.status === 'ok') sections = read.sections;
  if (read.status === 'corrupt') {
    result.backedUpTo = await backupCorrupt(path, now);
    result.corruptReason = read.reason;
  }
  const next = change(sections).sort(byName);
  await writeFileAtomic(path, serializeIni(next));
  return result;
}

/**
 * Saves `[name]` with `hf_token = token` (plus `extra` keys such as refresh_token / expires_at).
 * Re-saving a name replaces the whole section, as huggingface_hub does. The name goes through safeSectionName (a
 * name a server sent can hold a line break and plant its own section); values lose their line breaks.
 */
export async function saveStoredToken(
  path: string,
  rawName: string,
  token: string,
  extra: Record<string, string> = {},
  now?: Date,
): Promise<StoredTokensWrite> {
  const name = safeSectionName(rawName);
  const oneLine = (v: string) => v.replace(/[\r\n]+/g, '');
  return updateSections(
    path,
    (sections) => {
      const values = new Map<string, string>([['hf_token', oneLine(token)]]);
      for (const [k, v] of Object.entries(extra))
        if (/^[a-z_][a-z0-9_]*$/i.test(k)) values.set(k.toLowerCase(), oneLine(v));
      return [...sections.filter((s) => s.name !== name), {name, values}];
    },
    now,
  );
}

export interface RemoveStoredResult extends StoredTokensWrite {
  removed?: StoredToken;
}

/** Removes `[name]`; `removed` is undefined when there was no such section (the file is then left untouched). */
export async function removeStoredToken(path: string, name: string): Promise<RemoveStoredResult> {
  const read = await readSections(path);
  if (read.status !== 'ok') return {};
  const section = read.sections.find((s) => s.name === name);
  if (!section) return {};
  const write = await updateSections(path, (sections) => sections.filter((s) => s.name !== name));
  return {...write, removed: toStored(section)};
}
