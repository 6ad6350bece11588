/** One move of a document's state machine: from which states, to which, and what it does. */
export interface TransitionSpec<S extends string> {
  from: readonly S[];
  to: S;
  /** The permission action it needs on the type's subject; its own name by default. */
  action?: string;
  /** Taking it issues the document: it gets its number and is immutable from then on. */
  issues?: boolean;
}

export interface StateMachineSpec<S extends string, T extends string> {
  states: readonly S[];
  /** Where a new document starts: a draft, editable. */
  initial: S;
  transitions: Readonly<Record<T, TransitionSpec<S>>>;
}

export interface StateMachine<S extends string, T extends string> extends StateMachineSpec<S, T> {
  /** Whether `transition` may be taken from `state`. */
  can(state: S, transition: T): boolean;
  /** The transitions open from `state`, in the order they were written. */
  available(state: S): T[];
  /** The permission action `transition` needs. */
  actionOf(transition: T): string;
  /** The transitions, for routes: one `POST …/:id/<transition>` each. */
  names: readonly T[];
}

/**
 * A document type's states (erp.md §3: "a small state machine per type, a pure policy"). The
 * spec is checked when it is defined — every state named exists, the initial state is not an
 * issued one, nothing that issues can be taken twice on one document — so a typo fails at
 * start-up rather than on a customer's invoice.
 */
export function defineStateMachine<S extends string, T extends string>(
  spec: StateMachineSpec<S, T>,
): StateMachine<S, T> {
  const states = new Set<string>(spec.states);
  if (!states.has(spec.initial)) throw new Error(`Unknown initial state ${spec.initial}`);
  const names = Object.keys(spec.transitions) as T[];
  const issued = new Set<S>();
  for (const name of names) {
    const t = spec.transitions[name];
    for (const s of [...t.from, t.to])
      if (!states.has(s)) throw new Error(`Transition ${name} names unknown state ${s}`);
    if (t.issues) issued.add(t.to);
  }
  // Every state reachable after an issuing transition is issued too: an issued document never
  // returns to a state it can be edited in, nor issues (takes a number) again.
  let grew = true;
  while (grew) {
    grew = false;
    for (const name of names) {
      const t = spec.transitions[name];
      if (t.from.some((s) => issued.has(s)) && !issued.has(t.to)) {
        issued.add(t.to);
        grew = true;
      }
    }
  }
  if (issued.has(spec.initial))
    throw new Error('An issued document cannot return to its initial state');
  for (const name of names) {
    const t = spec.transitions[name];
    if (t.issues && t.from.some((s) => issued.has(s)))
      throw new Error(`Transition ${name} issues a document that is already issued`);
  }
  return {
    ...spec,
    names,
    can: (state, transition) => spec.transitions[transition]?.from.includes(state) ?? false,
    available: (state) => names.filter((n) => spec.transitions[n].from.includes(state)),
    actionOf: (transition) => spec.transitions[transition].action ?? transition,
  };
}
