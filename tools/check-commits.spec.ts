import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_SUBJECT, checkCommits } from './check-commits.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=Test',
      '-c',
      'user.email=test@nexo.invalid',
      '-c',
      'commit.gpgsign=false',
    ].concat(args),
    { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  ).trim();
}

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nexo-commits-'));
  dirs.push(dir);
  return dir;
}

/** A repository whose first commit has a long subject, as the exempt old history does. */
function repository(): { dir: string; baseline: string } {
  const dir = tempDir();
  git(dir, 'init', '-q', '-b', 'main');
  commit(dir, `Old history: ${'x'.repeat(100)}`);
  return { dir, baseline: git(dir, 'rev-parse', 'HEAD') };
}

function commit(dir: string, subject: string, body = ''): string {
  git(
    dir,
    'commit',
    '-q',
    '--allow-empty',
    '--allow-empty-message',
    '-m',
    subject,
    ...(body ? ['-m', body] : []),
  );
  return git(dir, 'rev-parse', 'HEAD');
}

const subjectOf = (length: number): string => `Change ${'y'.repeat(length - 'Change '.length)}`;

describe('tools/check-commits', () => {
  it('passes a subject of 72 characters and names one of 73, after the baseline only', () => {
    const { dir, baseline } = repository();
    commit(dir, subjectOf(MAX_SUBJECT), 'A body may be as long as it needs to be. '.repeat(5));
    expect(checkCommits(dir, baseline)).toEqual({
      range: `commits after the baseline ${baseline.slice(0, 12)}`,
      checked: 1,
      problems: [],
    });

    const long = commit(dir, subjectOf(MAX_SUBJECT + 1));
    expect(checkCommits(dir, baseline).problems).toEqual([
      { hash: long, length: 73, subject: subjectOf(73), problem: 'too long' },
    ]);
  });

  it('counts characters, not bytes, and refuses an empty subject', () => {
    const { dir, baseline } = repository();
    commit(dir, `Año ${'ñ'.repeat(MAX_SUBJECT - 4)}`); // 72 characters, 141 bytes
    const empty = commit(dir, '');
    expect(checkCommits(dir, baseline)).toMatchObject({
      checked: 2,
      problems: [{ hash: empty, length: 0, subject: '', problem: 'empty' }],
    });
  });

  it("checks a branch's own commits from its merge-base with origin/main", () => {
    const { dir: upstream } = repository();
    const clone = tempDir();
    git(clone, 'clone', '-q', upstream, '.');
    // A fresh clone of main, as CI has: origin/main is HEAD, so the baseline decides.
    expect(() => checkCommits(clone, 'f'.repeat(40))).toThrow(
      /not in this repository's full history/,
    );

    git(clone, 'switch', '-q', '-c', 'feature');
    const own = commit(clone, subjectOf(80));
    expect(checkCommits(clone, 'f'.repeat(40))).toMatchObject({
      range: expect.stringContaining('merge-base') as string,
      checked: 1,
      problems: [{ hash: own, length: 80 }],
    });
  });

  it('checks what a shallow clone has when the baseline is not in it, and never fails for that', () => {
    const { dir: upstream, baseline } = repository();
    commit(upstream, 'Second');
    commit(upstream, 'Third');
    const shallow = tempDir();
    git(shallow, 'clone', '-q', '--depth', '1', `file://${upstream}`, '.');
    expect(checkCommits(shallow, baseline)).toEqual({
      range: `every commit of this shallow clone: the baseline ${baseline.slice(0, 12)} is not in it`,
      checked: 1,
      problems: [],
    });
  });
});
