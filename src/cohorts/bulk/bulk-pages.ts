import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { FormPage, FormPageModel } from '../../common/error-pages';
import { routeId } from '../../common/route-params';
import type { User } from '../../users/user.entity';
import { BulkImportService } from './bulk-import.service';
import { MAX_DATA_ROWS, MAX_UPLOAD_BYTES } from './spreadsheet';

/** The upload page: the cohort's recent imports and the limits; a refused file comes back here with its messages. */
@Injectable()
export class BulkUploadPage implements FormPage {
  constructor(private readonly bulk: BulkImportService) {}

  async model(request: Request): Promise<FormPageModel> {
    return { locals: await this.locals(request.user as User, routeId(request)) };
  }

  async locals(user: User, cohortId: number) {
    const { cohort, imports } = await this.bulk.recent(user, cohortId);
    return {
      pageTitle: cohort.name,
      cohort,
      imports,
      canManage: true,
      maxRows: MAX_DATA_ROWS,
      maxMegabytes: MAX_UPLOAD_BYTES / (1024 * 1024),
    };
  }
}

/** The preview of an import; a confirmation that cannot be applied as planned comes back here. */
@Injectable()
export class BulkPreviewPage implements FormPage {
  constructor(private readonly bulk: BulkImportService) {}

  async model(request: Request): Promise<FormPageModel> {
    const preview = await this.bulk.preview(request.user as User, routeId(request), routeId(request, 'importId'));
    return { locals: { pageTitle: preview.cohort.name, ...preview, canManage: true } };
  }
}
