import { Entity, PrimaryColumn } from 'typeorm';

/** A country an admin limits a coordinator's reports to; a coordinator with no rows sees every country (migration 1795400200000). */
@Entity('coordinator_country')
export class CoordinatorCountry {
  @PrimaryColumn({ type: 'integer' })
  userId: number;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  country: string;
}
