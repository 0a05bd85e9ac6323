import { Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../users/user.entity';
import { Cohort } from './cohort.entity';

@Entity('cohort_facilitator')
export class CohortFacilitator {
  @PrimaryColumn({ type: 'integer' })
  cohortId: number;

  @PrimaryColumn({ type: 'integer' })
  userId: number;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  cohort: Cohort;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user: User;
}
