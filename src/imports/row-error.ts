/** One problem with one field of one line of an import file. */
export interface RowError {
  line: number;
  column: string | null;
  message: string;
}

/** Where problems are reported. */
export interface ErrorReporter {
  add(line: number, column: string | null, message: string): void;
}

/** Keeps the first `max` errors (memory stays flat on a file of bad lines) and counts the rest. */
export class ErrorSink implements ErrorReporter {
  readonly errors: RowError[] = [];
  omitted = 0;

  constructor(private readonly max = 1000) {}

  add(line: number, column: string | null, message: string): void {
    if (this.errors.length < this.max) this.errors.push({ line, column, message });
    else this.omitted++;
  }

  get count(): number {
    return this.errors.length + this.omitted;
  }
}
