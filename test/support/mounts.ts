/**
 * Full disks and read-only media for tests: a small tmpfs, and a folder bound read-only onto
 * itself. Only root may mount, and not in every container; as anyone else a folder is made
 * read-only with its permissions, which root would pass through. Each helper says why it cannot
 * run here, so that a test is skipped out loud instead of passing for the wrong reason.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const isRoot = process.getuid?.() === 0;

function run(command: string, args: readonly string[]): void {
  execFileSync(command, args, { stdio: 'pipe' });
}

function failure(error: unknown): string {
  const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
  return stderr || (error instanceof Error ? error.message : String(error));
}

/** Why this run may not mount a tmpfs, or undefined when it may. */
export const cannotMount: string | undefined = (() => {
  if (!isRoot) return 'the tests do not run as root, and only root may mount a small disk';
  const probe = mkdtempSync(join(tmpdir(), 'concord-mount-'));
  try {
    run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
    run('umount', [probe]);
    return undefined;
  } catch (error) {
    return `mounting is not permitted here (${failure(error)})`;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

/** A tmpfs of `bytes` at `dir`; returns how to unmount it. */
export function mountTmpfs(dir: string, bytes: number): () => void {
  run('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir]);
  return () => { run('umount', [dir]); };
}

/** Why a folder cannot be made read-only here, or undefined. */
export const cannotMakeReadOnly: string | undefined = isRoot ? cannotMount : undefined;

/**
 * Makes `dir` read-only (a read-only bind mount as root, EROFS; permissions otherwise, EACCES)
 * and returns how to undo it, with the error code writes now meet.
 */
export function makeReadOnly(dir: string): { readonly code: 'EROFS' | 'EACCES'; restore: () => void } {
  if (isRoot) {
    run('mount', ['--bind', dir, dir]);
    run('mount', ['-o', 'remount,bind,ro', dir]);
    return { code: 'EROFS', restore: () => { run('umount', [dir]); } };
  }
  const modes = new Map<string, number>();
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    modes.set(file, statSync(file).mode);
    chmodSync(file, 0o444);
  }
  modes.set(dir, statSync(dir).mode);
  chmodSync(dir, 0o555);
  return { code: 'EACCES', restore: () => { for (const [file, mode] of [...modes].reverse()) chmodSync(file, mode); } };
}
