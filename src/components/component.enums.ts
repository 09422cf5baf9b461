export enum ComponentCategory {
  MCU = 'MCU',
  DSP = 'DSP',
  FPGA = 'FPGA',
  GNSS = 'GNSS',
  IMU = 'IMU',
  MEMORY = 'MEMORY',
  POWER = 'POWER',
  RF = 'RF',
  SENSOR = 'SENSOR',
  CONNECTOR = 'CONNECTOR',
  ENGINE = 'ENGINE',
  OTHER = 'OTHER',
}
