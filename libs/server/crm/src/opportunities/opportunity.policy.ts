/**
 * The rules of an opportunity's life, as pure functions: a card's status follows its stage
 * (a won or lost stage closes it, leaving one reopens it), and what a move changes.
 */
export type OpportunityStatus = 'open' | 'won' | 'lost';
export type Outcome = Exclude<OpportunityStatus, 'open'>;

/** What a stage says about the cards in it. */
export interface StageKind {
  id: string;
  isWon: boolean;
  isLost: boolean;
}

/** The status of a card in `stage`. */
export const statusIn = (stage: Pick<StageKind, 'isWon' | 'isLost'>): OpportunityStatus =>
  stage.isWon ? 'won' : stage.isLost ? 'lost' : 'open';

/** Where a new opportunity starts when no stage is named: the first open stage, else the first. */
export const entryStage = <S extends StageKind>(stages: readonly S[]): S | undefined =>
  stages.find((s) => !s.isWon && !s.isLost) ?? stages[0];

/** Where winning or losing takes a card: the pipeline's first stage of that kind. */
export const closingStage = <S extends StageKind>(
  stages: readonly S[],
  outcome: Outcome,
): S | undefined => stages.find((s) => (outcome === 'won' ? s.isWon : s.isLost));

/** The fields of a card a move to `stage` changes (its rank apart). */
export interface MoveChanges {
  stageId: string;
  status: OpportunityStatus;
  lostReason: string | null;
  closedAt: Date | null;
}

/**
 * A move to `stage`: the status of the stage; a lost card keeps the reason given (any other
 * forgets it); a closed card keeps the moment it first closed, an open one has none.
 */
export function moveTo(
  card: { closedAt: Date | null },
  stage: StageKind,
  reason: string | null,
  now: Date,
): MoveChanges {
  const status = statusIn(stage);
  return {
    stageId: stage.id,
    status,
    lostReason: status === 'lost' ? reason : null,
    closedAt: status === 'open' ? null : (card.closedAt ?? now),
  };
}

/** A move that closed the card (won or lost from another status): `OpportunityClosed`. */
export const closedBy = (
  before: { status: string },
  after: { status: string },
): after is { status: Outcome } => before.status !== after.status && after.status !== 'open';
