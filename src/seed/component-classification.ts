import { ComponentCategory } from '../components/component.enums.js';

/**
 * Category from the function text as sources write it, first match wins. Order matters: `FPGA config
 * memory` is MEMORY, `32-bit real-time MCU / DSP` is DSP, a `GPS/GLONASS ceramic antenna` is GNSS.
 */
const CATEGORY_KEYWORDS: [RegExp, ComponentCategory][] = [
  [/\b(memory|flash|dram|sram|eeprom)\b/i, ComponentCategory.MEMORY],
  [/\b(gnss|gps|glonass|receiver)\b/i, ComponentCategory.GNSS],
  [/\b(accelerometer|gyroscope|imu|inertial)\b/i, ComponentCategory.IMU],
  [/\b(dsp|signal processor)\b/i, ComponentCategory.DSP],
  [/\bfpga\b/i, ComponentCategory.FPGA],
  [/\b(mcu|microcontroller|processor)\b/i, ComponentCategory.MCU],
  [/\bsensor\b/i, ComponentCategory.SENSOR],
  [/\bconnector\b/i, ComponentCategory.CONNECTOR],
  [/\b(fuel pump|engine|carburett?or|ignition)\b/i, ComponentCategory.ENGINE],
  [
    /\b(converter|regulator|power module|voltage reference|mosfet|rectifier|diode)\b/i,
    ComponentCategory.POWER,
  ],
  [/\b(rf|antenna|radio|transmitter)\b/i, ComponentCategory.RF],
];

/** HS-6 code by category: integrated circuits (8542) unless a refinement below says otherwise. */
const HS_BY_CATEGORY: Record<ComponentCategory, string> = {
  [ComponentCategory.MCU]: '854231', // processors and controllers
  [ComponentCategory.DSP]: '854231',
  [ComponentCategory.FPGA]: '854231',
  [ComponentCategory.MEMORY]: '854232',
  [ComponentCategory.GNSS]: '852691', // radio navigational aid apparatus
  [ComponentCategory.IMU]: '854239', // other integrated circuits (MEMS sensor with its ASIC)
  [ComponentCategory.SENSOR]: '854239',
  [ComponentCategory.POWER]: '854239',
  [ComponentCategory.RF]: '854239',
  [ComponentCategory.CONNECTOR]: '853690',
  [ComponentCategory.ENGINE]: '880730', // parts of unmanned aircraft, when nothing closer is known
  [ComponentCategory.OTHER]: '854239',
};

/** Function texts that name a kind of goods with its own heading, first match wins. */
const HS_REFINEMENTS: [RegExp, string][] = [
  [/\bmosfet\b/i, '854129'], // transistors, other than with a dissipation rate < 1 W
  [/\b(diode|rectifier|tvs)\b/i, '854110'],
  [/\btantalum capacitor\b/i, '853221'],
  [/\boptocoupler\b/i, '854149'], // photosensitive semiconductor devices
  [/\bcrystal oscillator\b/i, '854160'], // mounted piezo-electric crystals
  [/\bantenna\b/i, '852910'],
  [/\breceiver chip\b/i, '854239'], // a receiver chip is an IC, not apparatus
  [/\bdc\/dc converter\b/i, '850440'], // a converter module (brick) is a static converter
  [/\bemi filter\b/i, '854800'],
  [/\bmicrocomputer\b/i, '847150'],
  [/\bfuel pump\b/i, '841330'],
  [/\bservomotor\b/i, '850110'], // motors of an output not exceeding 37.5 W
];

/** Whether a source left the function of a part open: `(unspecified)`. */
export const isUnspecified = (functionText: string): boolean =>
  /^\(?unspecified\)?$/i.test(functionText.trim());

export interface Classification {
  category: ComponentCategory;
  hsCode: string;
}

/**
 * Category and HS code of a part from the function the source gives it (`digital signal processor`);
 * when the source leaves it unspecified, from what the maker's name says it makes (`Hemisphere GNSS`).
 */
export function classifyComponent(functionText: string, manufacturer = ''): Classification {
  const text = isUnspecified(functionText) ? manufacturer : functionText;
  const category =
    CATEGORY_KEYWORDS.find(([pattern]) => pattern.test(text))?.[1] ?? ComponentCategory.OTHER;
  const hsCode =
    HS_REFINEMENTS.find(([pattern]) => pattern.test(text))?.[1] ?? HS_BY_CATEGORY[category];
  return { category, hsCode };
}
