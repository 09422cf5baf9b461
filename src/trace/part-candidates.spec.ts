import { MIN_PREFIX_LENGTH, partCandidates, PartMatch } from './part-candidates.js';

const best = (text: string, n = 4) =>
  partCandidates(text)
    .slice(0, n)
    .map((c) => [c.normalized, c.match]);

describe('partCandidates', () => {
  it('tries the whole text first, then what the marking parser reads, then the starts of the marking', () => {
    expect(best('TMS320F28335PGFA G4A-17CHCHW')).toEqual([
      ['TMS320F28335PGFAG4A17CHCHW', PartMatch.PART_NUMBER],
      ['TMS320F28335PGFA', PartMatch.MARKING],
      ['TMS320F28335PGFAG4A17CHCH', PartMatch.MARKING_PREFIX],
      ['TMS320F28335PGFAG4A17CHC', PartMatch.MARKING_PREFIX],
    ]);
  });

  it('reads the overrides and brand words the parser knows', () => {
    expect(best('VP230 26M AJ1T', 2)[1]).toEqual(['SN65HVD230', PartMatch.MARKING]);
    expect(best('MAXIM MAX3221 EAE 2102', 2)[1]).toEqual(['MAX3221EAE', PartMatch.MARKING]);
  });

  it('ranks every start of the marking longest first, then the starts from the next words', () => {
    const candidates = partCandidates('Texas Instruments LM5176 26T');
    const prefixes = candidates.filter((c) => c.match === PartMatch.MARKING_PREFIX);
    const at = (s: string) => prefixes.findIndex((c) => c.normalized === s);
    expect(at('TEXASINSTRUMENTSLM5176')).toBeLessThan(at('TEXASI'));
    expect(at('TEXASI')).toBeLessThan(at('INSTRUMENTSLM517626T'));
    expect(at('LM517626T')).toBeLessThan(at('LM5176'));
    expect(at('LM5176')).toBeGreaterThan(-1);
    expect(candidates.map((c) => c.rank)).toEqual(candidates.map((_, i) => i));
  });

  it(`takes no start shorter than ${MIN_PREFIX_LENGTH} characters, and each string once`, () => {
    const candidates = partCandidates('226DX 98LU1');
    expect(candidates.every((c) => c.normalized.length >= MIN_PREFIX_LENGTH || c.rank < 2)).toBe(
      true,
    );
    expect(candidates.map((c) => c.normalized)).not.toContain('226D');
    const strings = candidates.map((c) => c.normalized);
    expect(new Set(strings).size).toBe(strings.length);
  });

  it('has nothing to try in text without letters or digits', () => {
    expect(partCandidates('')).toEqual([]);
    expect(partCandidates(' -./ ')).toEqual([]);
  });
});
