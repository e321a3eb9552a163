// File rules every writer of an output workbook follows (Node only): write to a temp file next
// to the target and rename it into place, so a failed or interrupted write never leaves half a
// file; and never write over the input.

import fs from "fs";
import path from "path";

/** A temporary path next to `target`, so the final rename stays on one file system (atomic). */
export function tempPathFor(target: string): string {
  const rand = Math.floor(Math.random() * 1e9).toString(36); // uniqueness only, not data
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${rand}.tmp`);
}

/** Write via a temp file and rename, so a failed or interrupted write never leaves half a file. */
export async function atomically(target: string, write: (tmp: string) => Promise<void> | void): Promise<void> {
  const abs = path.resolve(target);
  const tmp = tempPathFor(abs);
  try {
    await write(tmp);
    fs.renameSync(tmp, abs);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* the temp file may never have been created */
    }
    throw e;
  }
}

/** The file a path names, for the same-file check: symlinks resolved, case folded where the OS does. */
function canonical(p: string): string {
  let out: string;
  if (fs.existsSync(p)) out = fs.realpathSync.native(p);
  else {
    // the output may not exist yet, but its folder may be a symlink to the input's folder
    const dir = path.dirname(path.resolve(p));
    out = fs.existsSync(dir) ? path.join(fs.realpathSync.native(dir), path.basename(p)) : path.resolve(p);
  }
  return process.platform === "win32" || process.platform === "darwin" ? out.toLowerCase() : out;
}

export function sameFile(a: string, b: string): boolean {
  if (canonical(a) === canonical(b)) return true;
  // hard links: two names, one file
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino && sa.ino !== 0;
  } catch {
    return false;
  }
}
