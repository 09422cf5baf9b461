/**
 * The corporate lineage of an organization, as SQL: the organization and every organization whose
 * parent or successor is in the lineage, recursively (National Semiconductor, taken over by Texas
 * Instruments, is in Texas Instruments' lineage). `UNION` stops at cycles. `$org` is the SQL of the
 * organization id (a parameter), e.g. `lineageIds(':maker')`.
 */
export const lineageIds = (org: string): string => `
  WITH RECURSIVE lineage(id) AS (
    SELECT CAST(${org} AS uuid)
    UNION
    SELECT o.id FROM organization o JOIN lineage l ON o.successor_id = l.id OR o.parent_id = l.id
  )
  SELECT id FROM lineage`;
