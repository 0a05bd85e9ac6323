import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CourseMedia } from '../entities/course-media.entity';
import { MEDIA_PREFIX } from './media-paths';

export interface MediaMeta {
  id: number;
  path: string;
  contentType: string;
  sha256: string;
  size: number;
}

/** Reads a course's stored media files. Who may see them is decided by the caller (learning's course media route). */
@Injectable()
export class MediaService {
  constructor(@InjectRepository(CourseMedia) private readonly media: Repository<CourseMedia>) {}

  /** Headers first (cheap), data only when the browser's copy is out of date. */
  async findMeta(courseId: number, pathInMedia: string): Promise<MediaMeta> {
    const row = await this.media.findOne({
      where: { courseId, path: `${MEDIA_PREFIX}${pathInMedia}` },
      select: { id: true, path: true, contentType: true, sha256: true, size: true },
    });
    if (!row) throw new NotFoundException();
    return row;
  }

  async loadData(mediaId: number): Promise<Buffer> {
    const row = await this.media.findOne({ where: { id: mediaId }, select: { id: true, dataBase64: true } });
    if (!row) throw new NotFoundException();
    return Buffer.from(row.dataBase64, 'base64');
  }
}
