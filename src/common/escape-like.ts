/** Escapes `%`, `_` and `\` so a user's text matches literally inside a LIKE pattern. */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);
