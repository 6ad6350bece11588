import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  closedBy,
  closingStage,
  entryStage,
  moveTo,
  statusIn,
  type StageKind,
} from './opportunity.policy.js';

const stage = (id: string, kind: 'open' | 'won' | 'lost'): StageKind => ({
  id,
  isWon: kind === 'won',
  isLost: kind === 'lost',
});
const PIPELINE = [
  stage('nuevo', 'open'),
  stage('propuesta', 'open'),
  stage('ganado', 'won'),
  stage('perdido', 'lost'),
];

describe("an opportunity's status follows its stage", () => {
  it('is open, won or lost as the stage says', () => {
    expect(PIPELINE.map(statusIn)).toEqual(['open', 'open', 'won', 'lost']);
  });

  it('starts in the first open stage, or the first of a pipeline with none open', () => {
    expect(entryStage(PIPELINE)?.id).toBe('nuevo');
    expect(entryStage([stage('g', 'won'), stage('p', 'lost')])?.id).toBe('g');
    expect(entryStage([])).toBeUndefined();
  });

  it('is won or lost in the first stage of that kind', () => {
    expect(closingStage(PIPELINE, 'won')?.id).toBe('ganado');
    expect(closingStage(PIPELINE, 'lost')?.id).toBe('perdido');
    expect(closingStage(PIPELINE.slice(0, 2), 'won')).toBeUndefined();
  });

  it('keeps a lost reason only while lost, and the moment it first closed', () => {
    const first = new Date('2026-01-01T00:00:00Z');
    const later = new Date('2026-02-01T00:00:00Z');
    const lost = moveTo({ closedAt: null }, stage('perdido', 'lost'), 'precio', first);
    expect(lost).toEqual({
      stageId: 'perdido',
      status: 'lost',
      lostReason: 'precio',
      closedAt: first,
    });
    const won = moveTo(lost, stage('ganado', 'won'), 'precio', later);
    expect(won).toEqual({ stageId: 'ganado', status: 'won', lostReason: null, closedAt: first });
    expect(moveTo(won, stage('nuevo', 'open'), null, later)).toMatchObject({
      status: 'open',
      closedAt: null,
    });
  });

  it('over any sequence of moves: status, reason and close date follow the rules', () => {
    const kinds = fc.constantFrom<'open' | 'won' | 'lost'>('open', 'won', 'lost');
    const move = fc.record({
      kind: kinds,
      reason: fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: null }),
      at: fc.integer({ min: 0, max: 1e12 }).map((ms) => new Date(ms)),
    });
    fc.assert(
      fc.property(fc.array(move, { maxLength: 30 }), (moves) => {
        let card = { status: 'open' as string, closedAt: null as Date | null };
        let closedSince: Date | null = null;
        moves.forEach(({ kind, reason, at }, i) => {
          const next = moveTo(card, stage(`s${i}`, kind), reason, at);
          expect(next.status).toBe(kind);
          expect(next.stageId).toBe(`s${i}`);
          expect(next.lostReason).toBe(kind === 'lost' ? reason : null);
          // Closed: since the first close of an unbroken run of closed stages.
          if (kind === 'open') closedSince = null;
          else closedSince ??= at;
          expect(next.closedAt).toBe(closedSince);
          // An OpportunityClosed only when it becomes won or lost from something else.
          expect(closedBy(card, next)).toBe(kind !== 'open' && card.status !== kind);
          card = next;
        });
      }),
    );
  });
});
