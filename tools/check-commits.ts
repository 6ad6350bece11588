// Fails when a commit of this branch has a subject longer than 72 characters, or none: the
// subject says what changed; reasons, commands and figures go in the body (issue 24).
// Checks the commits since the merge-base with origin/main, or on main itself (and without a
// remote) the commits after BASELINE. Run by `npm run check`; `node tools/check-commits.ts`.
import { execFileSync } from 'node:child_process';

export const MAX_SUBJECT = 72;
/**
 * The last commit before the rule. Older history is exempt: many of its subjects are long and
 * rewriting landed history is not worth it.
 */
export const BASELINE = '15c7ec58ceec9ff1ac75ad0d7054fde5fd409865';

export interface CommitProblem {
  hash: string;
  length: number;
  subject: string;
  problem: 'too long' | 'empty';
}

export interface CommitCheck {
  /** What was checked, in words, for the log line. */
  range: string;
  checked: number;
  problems: CommitProblem[];
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    }).trim();
  } catch {
    return undefined;
  }
}

/** Where the branch's own commits start, or why the commits there are all that is checked. */
function chooseRange(cwd: string, baseline: string): { from?: string; range: string } {
  const head = git(cwd, ['rev-parse', '--verify', '-q', 'HEAD^{commit}']);
  const upstream = git(cwd, ['rev-parse', '--verify', '-q', 'origin/main^{commit}']);
  if (head && upstream) {
    const base = git(cwd, ['merge-base', upstream, head]);
    // On main itself (a fresh clone of it, as CI has) the merge-base is HEAD: fall through.
    if (base && base !== head)
      return {
        from: base,
        range: `commits since the merge-base ${base.slice(0, 12)} with origin/main`,
      };
  }
  if (git(cwd, ['cat-file', '-e', `${baseline}^{commit}`]) !== undefined)
    return { from: baseline, range: `commits after the baseline ${baseline.slice(0, 12)}` };
  if (git(cwd, ['rev-parse', '--is-shallow-repository']) === 'true')
    return {
      range: `every commit of this shallow clone: the baseline ${baseline.slice(0, 12)} is not in it`,
    };
  throw new Error(
    `The baseline ${baseline} is not in this repository's full history (was it rewritten?): ` +
      `set BASELINE in tools/check-commits.ts to the commit the rule starts from.`,
  );
}

export function checkCommits(cwd: string, baseline: string = BASELINE): CommitCheck {
  if (git(cwd, ['rev-parse', '--verify', '-q', 'HEAD^{commit}']) === undefined)
    return { range: 'no commits yet', checked: 0, problems: [] };
  const { from, range } = chooseRange(cwd, baseline);
  const log = git(cwd, ['log', '--format=%H%x00%s%x00', from ? `${from}..HEAD` : 'HEAD']);
  if (log === undefined) throw new Error(`git log failed for ${range}`);
  const fields = log.split('\0');
  const problems: CommitProblem[] = [];
  let checked = 0;
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const hash = (fields[i] ?? '').trim();
    const subject = fields[i + 1] ?? '';
    checked++;
    // Characters as a reader counts them, not UTF-16 units or bytes.
    const length = [...subject].length;
    if (subject.trim() === '') problems.push({ hash, length, subject, problem: 'empty' });
    else if (length > MAX_SUBJECT) problems.push({ hash, length, subject, problem: 'too long' });
  }
  return { range, checked, problems };
}

if (import.meta.main) {
  const result = checkCommits(process.cwd());
  if (result.problems.length === 0) {
    console.log(`Commit subjects: ${result.checked} checked (${result.range}), all fine.`);
  } else {
    console.error(
      `Commit subjects must say what changed in 1 to ${MAX_SUBJECT} characters ` +
        `(${result.range}); reword with \`git rebase -i\`:`,
    );
    for (const p of result.problems)
      console.error(
        `  ${p.hash.slice(0, 12)}  ${p.problem === 'empty' ? 'empty' : p.length}  ${p.subject}`,
      );
    process.exitCode = 1;
  }
}
