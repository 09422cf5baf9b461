/**
 * The registered names of the manufacturers of the public parts list, as far as the public record
 * gives them: trade records write them so now and then, so the demo data keeps them as aliases (and
 * the generated manufacturer-name column uses them).
 */
export const MAKER_LEGAL_NAMES: Record<string, string> = {
  'Texas Instruments': 'Texas Instruments Incorporated',
  'National Semiconductor': 'National Semiconductor Corporation',
  'Analog Devices': 'Analog Devices, Inc.',
  'Linear Technology': 'Linear Technology Corporation',
  'Maxim Integrated': 'Maxim Integrated Products, Inc.',
  STMicroelectronics: 'STMicroelectronics N.V.',
  'u-blox': 'u-blox AG',
  'NXP Semiconductors': 'NXP Semiconductors N.V.',
  Infineon: 'Infineon Technologies AG',
  'International Rectifier': 'International Rectifier Corporation',
  Murata: 'Murata Manufacturing Co., Ltd.',
  'Vishay Intertechnology': 'Vishay Intertechnology, Inc.',
  'Micron Technology': 'Micron Technology, Inc.',
  Winbond: 'Winbond Electronics Corporation',
  ISSI: 'Integrated Silicon Solution, Inc.',
  Altera: 'Altera Corporation',
  Xilinx: 'Xilinx, Inc.',
  'Monolithic Power Systems': 'Monolithic Power Systems, Inc.',
  Semtech: 'Semtech Corporation',
  'ams-OSRAM': 'ams-OSRAM AG',
  Toshiba: 'Toshiba Corporation',
  Amphenol: 'Amphenol Corporation',
  Marvell: 'Marvell Technology, Inc.',
  'KYOCERA AVX': 'KYOCERA AVX Components Corporation',
  Pierburg: 'Pierburg GmbH',
  Tallysman: 'Tallysman Wireless Inc.',
  Minmax: 'Minmax Technology Co., Ltd.',
  'Hemisphere GNSS': 'Hemisphere GNSS, Inc.',
};
