import { PageNumber } from '../../common/page-number';

export class HistoryQuery {
  @PageNumber()
  page?: number;
}
