/** What a raw marking read off a part tells us: its canonical part number and its date code. */
export interface ParsedMarking {
  partNumber: string | null;
  /** Year and week, `YYWW`, as printed (`2207`). */
  dateCode: string | null;
}

/** Brand or family words printed (or written by the reporter) before the part number. */
const BRAND_PREFIX = /^(?:altera\s+cyclone\s+v|altera|maxim|winbond|pierburg|u-blox|xilinx)\s+/i;

/**
 * Markings no general rule reads right, tested against the cleaned marking (brand, parentheses,
 * date code and the text after ` / ` removed). Each says why.
 */
const OVERRIDES: { pattern: RegExp; partNumber: string; why: string }[] = [
  {
    pattern: /^(25Q\w+)/,
    partNumber: 'W$1',
    why: 'Winbond prints its serial flash without the leading W it is ordered by (W25Q16JVIQ)',
  },
  {
    pattern: /^VP230\b/,
    partNumber: 'SN65HVD230',
    why: "VP230 is TI's top-side mark for the SN65HVD230 CAN transceiver in SOIC-8",
  },
  {
    pattern: /^PS767D301\b/,
    partNumber: 'TPS767D301',
    why: 'the leading T was lost in the report; no PS767D301 exists, the TPS767D301 does',
  },
  {
    pattern: /^031N08N5\b/,
    partNumber: 'IPB031N08N5',
    why: 'Infineon marks the IPB031N08N5 (OptiMOS 5, 80 V, D²PAK) without its package prefix',
  },
  {
    pattern: /^MP1495\b/,
    partNumber: 'MP1495',
    why: 'IACEP is the MPS top-mark and trace code, not a suffix of the part number',
  },
  {
    pattern: /^LTC2174\s+UKG-14\b/,
    partNumber: 'LTC2174-14',
    why: 'UKG is the package code; the device is the 14-bit LTC2174-14',
  },
  {
    pattern: /^RASPBERRY\s+PI\s+4\b/i,
    partNumber: 'Raspberry Pi 4 Model B',
    why: 'the board silkscreen, cut short; every Raspberry Pi 4 board is a Model B',
  },
];

/** `YYWW` with a plausible week, optionally followed by a plant or lot letter or three (`1903RAM`). */
const DATE_TOKEN = /^(\d{2})(0[1-9]|[1-4]\d|5[0-3])[A-Z]{0,3}$/;

/**
 * Reads the canonical part number and date code from a marking as reported:
 * `TMS320 F28335PGFA` → `TMS320F28335PGFA`; `ADXL 357B #2207` → `ADXL357B`, 2207;
 * `STM32F405 RGT6 GQ205` → `STM32F405RGT6`; `LM5176 26T A6Z8` → `LM5176`;
 * `NEO-M8N / M8030-KT … 2118` → `NEO-M8N`, 2118; `(FPGA)` or nothing → no part number.
 */
export function parseMarking(marking: string | null): ParsedMarking {
  let text = (marking ?? '').replace(/\s+/g, ' ').trim().replace(BRAND_PREFIX, '');
  let dateCode: string | null = null;

  const hashDate = /#(\d{4})\b/.exec(text); // `#2207`, also inside parentheses
  if (hashDate) dateCode = hashDate[1];
  text = text
    .replace(/#\d{4}\b/g, ' ')
    .replace(/\([^)]*\)?/g, ' ') // parenthesised text, closed or not
    .replace(/…|\.\.\./g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

  const tokens = text ? text.split(' ') : [];
  const slash = tokens.indexOf('/');
  let head = slash < 0 ? tokens : tokens.slice(0, slash);
  const partTokens = joinsSecondToken(head) ? 2 : Math.min(1, head.length);

  const last = tokens.length - 1;
  if (last >= partTokens && DATE_TOKEN.test(tokens[last])) {
    dateCode ??= tokens[last].slice(0, 4);
    if (slash < 0) head = head.slice(0, -1);
  }

  const cleaned = head.join(' ');
  const override = OVERRIDES.find((o) => o.pattern.test(cleaned));
  if (override) {
    const captured = override.pattern.exec(cleaned)?.[1] ?? '';
    return { partNumber: override.partNumber.replace('$1', captured), dateCode };
  }
  return { partNumber: head.slice(0, partTokens).join('') || null, dateCode };
}

/**
 * Whether the first two tokens are one part number split by the reporter: a letters-only prefix
 * followed by digits (`ADXL 357B`, `AD 9755`), or a base ending in a digit followed by a suffix of
 * letters then letters or digits (`TMS320 F28335PGFA`, `STM32F405 RGT6`, `LM5117 PMH`). Lot and
 * trace codes usually start with a digit (`26T`) or carry a dash and are left out.
 */
function joinsSecondToken([first, second]: string[]): boolean {
  if (!first || !second) return false;
  if (/^[A-Za-z]+$/.test(first)) return /^\d[A-Za-z0-9]*$/.test(second);
  return /[A-Za-z]/.test(first) && /\d$/.test(first) && /^[A-Za-z][A-Za-z0-9]*$/.test(second);
}
