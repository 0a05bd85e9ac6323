import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Enrolment } from './enrolment.entity';
import { EnrolmentsService } from './enrolments.service';

/** The enrolment table and its one owner service. */
@Module({
  imports: [TypeOrmModule.forFeature([Enrolment])],
  providers: [EnrolmentsService],
  exports: [EnrolmentsService],
})
export class EnrolmentsModule {}
