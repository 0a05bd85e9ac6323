import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { REVOKE_REASONS, type RevokeReason } from '../entities/certificate.entity';
import { PageNumber } from '../../common/page-number';

const emptyToUndefined = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);

/** The typed-code form: GET /verify?code=… */
export class VerifyQuery {
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(100)
  code?: string;
}

export class StaffSearchQuery {
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(100)
  learner?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(100)
  course?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  cohort?: number;

  @PageNumber()
  page?: number;
}

export class RevokeCertificateDto {
  @IsIn(REVOKE_REASONS)
  reason: RevokeReason;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  note?: string;
}

/** A missing reason is answered on the page (flash), not by the validation pipe. */
export class ReissueCertificateDto {
  @IsOptional()
  @IsString()
  @MaxLength(120)
  holderName?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  reason?: string;
}

export class IssuerSettingsDto {
  @IsOptional() @IsString() @MaxLength(200) issuerNameEs?: string;
  @IsOptional() @IsString() @MaxLength(200) issuerNameEn?: string;
  @IsOptional() @IsString() @MaxLength(120) signatory1Name?: string;
  @IsOptional() @IsString() @MaxLength(160) signatory1TitleEs?: string;
  @IsOptional() @IsString() @MaxLength(160) signatory1TitleEn?: string;
  @IsOptional() @IsString() @MaxLength(120) signatory2Name?: string;
  @IsOptional() @IsString() @MaxLength(160) signatory2TitleEs?: string;
  @IsOptional() @IsString() @MaxLength(160) signatory2TitleEn?: string;
}
