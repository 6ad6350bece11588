/**
 * Names for the statements a process sends again and again, so PostgreSQL parses and plans
 * each once per connection instead of on every request (a party by id takes longer to plan
 * than to run). A text earns a name on its second sighting: one-off statements (an import's
 * odd filter) stay unnamed. Texts come from code, so there are few; the caps only bound a
 * process whose queries are built from unusual inputs.
 */
export class StatementNames {
  /** Text → its number once seen twice, or 0 after the first sighting. */
  private readonly numbers = new Map<string, number>();
  private next = 1;

  /** The statement's number, or undefined while it has been seen only once. */
  numberOf(text: string): number | undefined {
    const known = this.numbers.get(text);
    if (known) return known;
    if (known === undefined) {
      if (this.numbers.size >= MAX_TEXTS) this.numbers.clear();
      this.numbers.set(text, 0);
      return undefined;
    }
    const number = this.next++;
    this.numbers.set(text, number);
    return number;
  }
}

/** Distinct texts remembered per process. */
const MAX_TEXTS = 20_000;
/** Statements prepared on one connection; beyond it, new texts run unnamed there. */
export const MAX_PREPARED_PER_CONNECTION = 300;
