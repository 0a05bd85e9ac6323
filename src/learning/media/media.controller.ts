import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Authenticated } from '../../common/access.decorators';
import { CurrentUser } from '../../common/current-user.decorator';
import type { User } from '../../users/user.entity';
import { isNotModified, mediaResponseHeaders } from '../../content/media/media-types';
import { CourseMediaService } from './course-media.service';

/**
 * Media files of a course (images, PDFs, audio, video, documents), served from
 * the database so every instance has them, to the people who may see the course.
 */
@Controller('courses')
export class MediaController {
  constructor(private readonly media: CourseMediaService) {}

  @Get(':slug/media/*path')
  @Authenticated()
  async serve(
    @Param('slug') slug: string,
    @Param('path') path: string | string[],
    @CurrentUser() user: User,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const pathInMedia = Array.isArray(path) ? path.join('/') : path;
    const meta = await this.media.findMeta(user, slug, pathInMedia);
    const headers = mediaResponseHeaders(meta);
    response.set({ ...headers });
    if (isNotModified(request.get('if-none-match'), headers.ETag)) {
      response.removeHeader('Content-Length');
      response.status(304).end();
      return;
    }
    const data = await this.media.loadData(meta.id);
    const range = request.range(data.length, { combine: true });
    // Phones play audio and video in pieces; one byte range is enough for them.
    if (Array.isArray(range) && range.type === 'bytes' && range.length === 1) {
      const { start, end } = range[0];
      response.status(206).set({
        'Content-Range': `bytes ${start}-${end}/${data.length}`,
        'Content-Length': String(end - start + 1),
        'Accept-Ranges': 'bytes',
      });
      response.end(data.subarray(start, end + 1));
      return;
    }
    if (range === -1) {
      response
        .status(416)
        .set({ 'Content-Range': `bytes */${data.length}`, 'Content-Length': '0' })
        .end();
      return;
    }
    response.set('Accept-Ranges', 'bytes').status(200).end(data);
  }
}
