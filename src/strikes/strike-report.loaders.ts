import type { DataSource } from 'typeorm';
import { byIdLoader } from '../common/graphql/by-id.loader.js';
import { StrikeReportEntity } from './strike-report.entity.js';
import { StrikeReportModel } from './strike-report.model.js';

export const strikeReportLoaders = (ds: DataSource) => ({
  strikeReportById: byIdLoader(ds, StrikeReportEntity, StrikeReportModel.from),
});

export type StrikeReportLoaders = ReturnType<typeof strikeReportLoaders>;
