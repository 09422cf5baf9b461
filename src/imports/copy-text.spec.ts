import { copyLine } from './copy-text.js';

describe('copyLine', () => {
  it('writes tabs between fields, \\N for null, and escapes what COPY would read as syntax', () => {
    expect(copyLine(['a', null, 'b c'])).toBe('a\t\\N\tb c\n');
    expect(copyLine(['tab\there', 'new\nline', 'back\\slash', 'cr\r'])).toBe(
      'tab\\there\tnew\\nline\tback\\\\slash\tcr\\r\n',
    );
  });
});
