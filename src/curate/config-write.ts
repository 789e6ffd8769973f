// Writing back a configuration file the reader also edits by hand (config/authors.json, when an
// author is starred from the page): through a symlink to the file it names, with that file's mode
// (and owner, when we may), atomically (a temp file beside it, then rename(2): a reader sees the old
// file or the new one, never half of one), and never over an edit made since we read it: the file
// is compared with what was read just before the rename, and a change refuses the write.
import {
  chmodSync,
  chownSync,
  lstatSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A configuration file as read for an edit. */
export interface ConfigSnapshot {
  /** The path as configured (perhaps a symlink). */
  path: string;
  /** The file it names, which the write replaces. */
  target: string;
  text: string;
}

/** Why a write did not happen: the file changed since it was read, or it cannot be written there. */
export class ConfigWriteError extends Error {
  override name = 'ConfigWriteError';
  readonly reason: 'changed' | 'unwritable';

  constructor(reason: ConfigWriteError['reason'], message: string) {
    super(message);
    this.reason = reason;
  }
}

/** Reads the file an edit starts from. */
export function readForEdit(path: string): ConfigSnapshot {
  const target = realpathSync(path);
  return { path, target, text: readFileSync(target, 'utf8') };
}

function describeFsError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EEXIST') return 'something else is at the name of its temp file';
  return code ?? message;
}

/** Writes the temp file; a plain file of that name is one a killed process left, anything else is not ours. */
function writeTemp(temp: string, text: string, mode: number): void {
  try {
    writeFileSync(temp, text, { mode, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !lstatSync(temp).isFile()) throw error;
    unlinkSync(temp);
    writeFileSync(temp, text, { mode, flag: 'wx' });
  }
}

/**
 * Replaces the file with `text`, unless it changed since `snapshot` was read. `beforeCheck` runs
 * in the last moment a hand edit can land unseen: the new text beside the file, not yet compared.
 */
export function writeEdited(snapshot: ConfigSnapshot, text: string, beforeCheck?: () => void): void {
  const { path, target } = snapshot;
  const stats = statSync(target);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let written = false;
  try {
    try {
      writeTemp(temp, text, stats.mode & 0o7777);
      written = true;
      // The umask may have taken bits the file had; the owner stays when this process may give it.
      chmodSync(temp, stats.mode & 0o7777);
      if (process.getuid?.() === 0) chownSync(temp, stats.uid, stats.gid);
    } catch (error) {
      throw new ConfigWriteError(
        'unwritable',
        `cannot write ${path}: its folder ${dirname(target)} does not take a new file (${describeFsError(error)})`,
      );
    }
    beforeCheck?.();
    if (readFileSync(target, 'utf8') !== snapshot.text)
      throw new ConfigWriteError(
        'changed',
        `${path} changed while it was being edited here: nothing written, try again`,
      );
    try {
      renameSync(temp, target);
    } catch (error) {
      throw new ConfigWriteError('unwritable', `cannot replace ${path} (${describeFsError(error)})`);
    }
  } finally {
    if (written) rmSync(temp, { force: true });
  }
}
