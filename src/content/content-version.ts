import { DataSource, EntityManager } from 'typeorm';

/**
 * The one-row `content_version` table (migration 1795400500000): every write
 * to published content raises it in the same transaction, and every instance
 * compares it with the version its cache was loaded at.
 */
export async function bumpContentVersion(manager: EntityManager): Promise<void> {
  await manager.createQueryBuilder().update('content_version').set({ version: () => 'version + 1' }).where('id = 1').execute();
}

export async function readContentVersion(source: DataSource | EntityManager): Promise<number> {
  const row = await source.createQueryBuilder().select('cv.version', 'version').from('content_version', 'cv').where('cv.id = 1').getRawOne<{ version: number | string }>();
  return Number(row?.version ?? 0);
}
