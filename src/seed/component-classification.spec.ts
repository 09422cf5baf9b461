import { ComponentCategory as C } from '../components/component.enums.js';
import { classifyComponent } from './component-classification.js';

describe('classifyComponent', () => {
  it.each([
    ['32-bit real-time MCU / DSP', C.DSP, '854231'],
    ['DSP digital signal controller', C.DSP, '854231'],
    ['ARM Cortex-M4 MCU', C.MCU, '854231'],
    ['FPGA', C.FPGA, '854231'],
    ['FPGA config memory', C.MEMORY, '854232'],
    ['serial flash (16 Mbit)', C.MEMORY, '854232'],
    ['GNSS module', C.GNSS, '852691'],
    ['high-accuracy receiver', C.GNSS, '852691'],
    ['72-channel GNSS receiver chip', C.GNSS, '854239'],
    ['GPS/GLONASS ceramic antenna', C.GNSS, '852910'],
    ['low-noise 3-axis MEMS accelerometer', C.IMU, '854239'],
    ['SPI temperature sensor', C.SENSOR, '854239'],
    ['buck-boost voltage converter', C.POWER, '854239'],
    ['DC/DC converter', C.POWER, '850440'],
    ['N-ch MOSFET 80 V 120 A (D²PAK)', C.POWER, '854129'],
    ['asymmetric TVS diode', C.POWER, '854110'],
    ['RS-232 line transceiver', C.OTHER, '854239'],
    ['high-speed optocoupler', C.OTHER, '854149'],
    ['50 MHz crystal oscillator', C.OTHER, '854160'],
    ['tantalum capacitor', C.OTHER, '853221'],
    ['DC-line EMI filter', C.OTHER, '854800'],
    ['22-pin circular connector', C.CONNECTOR, '853690'],
    ['microcomputer', C.OTHER, '847150'],
    ['fuel pump', C.ENGINE, '841330'],
    ['servomotor', C.OTHER, '850110'],
  ])('%s -> %s, %s', (text, category, hsCode) => {
    expect(classifyComponent(text)).toEqual({ category, hsCode });
  });

  it('falls back on what the maker is named for when the function is unspecified', () => {
    expect(classifyComponent('(unspecified)', 'Hemisphere GNSS')).toEqual({
      category: C.GNSS,
      hsCode: '852691',
    });
    expect(classifyComponent('(unspecified)', 'Aura Semiconductor').category).toBe(C.OTHER);
  });
});
