/** The run's log: one line per step and per expectation; any failed expectation fails the run. */
export class Report {
  private failures = 0;
  private passes = 0;

  constructor(private readonly write: (line: string) => void) {}

  step(title: string): void {
    this.write(`\n# ${title}`);
  }

  note(text: string): void {
    this.write(`  ${text}`);
  }

  expect(holds: boolean, claim: string, actual?: unknown): void {
    if (holds) {
      this.passes += 1;
      this.write(`  ok    ${claim}`);
    } else {
      this.failures += 1;
      this.write(`  FAIL  ${claim}${actual === undefined ? '' : ` (got ${JSON.stringify(actual)})`}`);
    }
  }

  /** Ends the log with a summary; true when every expectation held. */
  finish(): boolean {
    this.write(`\n${this.passes} expectations held, ${this.failures} failed`);
    return this.failures === 0;
  }
}

/** Same members in the same order. */
export function sameList(actual: readonly unknown[] | undefined, expected: readonly unknown[]): boolean {
  return actual !== undefined && actual.length === expected.length && actual.every((value, index) => value === expected[index]);
}
