/** One part of a multipart/form-data body: a text field, or a file when it has a `filename`. */
export interface FormPart {
  name: string;
  content: Buffer | string;
  filename?: string;
  type?: string;
}

/** A multipart/form-data body for Fastify's inject, parts in the given order. */
export function multipartBody(parts: FormPart[]): {
  payload: Buffer;
  headers: Record<string, string>;
  boundary: string;
} {
  const boundary = `----sanctrace${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const file = part.filename === undefined ? '' : `; filename="${part.filename}"`;
    const type = part.type === undefined ? '' : `\r\ncontent-type: ${part.type}`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${part.name}"${file}${type}\r\n\r\n`,
      ),
      Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    boundary,
  };
}

/** A multipart/form-data body for Fastify's inject: text fields and one file. */
export function multipart(
  fields: Record<string, string>,
  file?: { field?: string; name: string; type: string; content: Buffer | string },
): { payload: Buffer; headers: Record<string, string> } {
  const parts: FormPart[] = Object.entries(fields).map(([name, content]) => ({ name, content }));
  if (file) {
    parts.push({
      name: file.field ?? 'file',
      filename: file.name,
      type: file.type,
      content: file.content,
    });
  }
  const { payload, headers } = multipartBody(parts);
  return { payload, headers };
}
