import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

/** RFC 4180 quoting: a field is quoted only when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV line of the given fields, with its newline. */
export const csvLine = (fields: readonly (string | number)[]): string =>
  fields.map((field) => (typeof field === 'number' ? String(field) : csvField(field))).join(',') +
  '\n';

/**
 * Writes lines to a file in chunks of `chunkLines`, encoded straight into a buffer and handed to the
 * stream chunk by chunk, waiting for it to drain when its own buffer is full: millions of lines go
 * to disk with flat memory.
 *
 *     if (writer.push(line)) await writer.flush();
 */
export class ChunkedWriter {
  private buffer: Buffer;
  private offset = 0;
  private lines = 0;
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  constructor(
    readonly path: string,
    private readonly chunkLines = 4000,
    private readonly chunkBytes = 1 << 20,
  ) {
    this.buffer = Buffer.allocUnsafe(chunkBytes);
    this.stream = createWriteStream(path, { highWaterMark: chunkBytes });
    this.stream.on('error', (error) => (this.failure ??= error));
  }

  /** Adds a line (with its newline); true when a chunk is full and `flush()` should be awaited. */
  push(line: string): boolean {
    // three bytes of UTF-8 at most per UTF-16 unit: hand the chunk over early rather than overflow
    if (this.offset + line.length * 3 > this.buffer.length) this.emit(line.length * 3);
    this.offset += this.buffer.write(line, this.offset);
    return ++this.lines >= this.chunkLines || this.offset > this.buffer.length >> 1;
  }

  /** Hands the chunk to the stream; true when the stream wants to drain first. */
  private emit(room = 0): boolean {
    const full = this.offset > 0 && !this.stream.write(this.buffer.subarray(0, this.offset));
    this.buffer = Buffer.allocUnsafe(Math.max(this.chunkBytes, room));
    this.offset = 0;
    this.lines = 0;
    return full;
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.emit()) await once(this.stream, 'drain');
  }

  /** Writes what is left, closes the file and answers its size in bytes. */
  async close(): Promise<number> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
    if (this.failure) throw this.failure;
    return this.stream.bytesWritten;
  }
}
