import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Course } from '../entities/course.entity';
import { CourseMedia } from '../entities/course-media.entity';
import { MEDIA_PREFIX } from './media-paths';

export interface MediaFile {
  path: string;
  contentType: string;
  sha256: string;
  size: number;
  data: Buffer;
}

@Injectable()
export class MediaService {
  constructor(
    @InjectRepository(Course) private readonly courses: Repository<Course>,
    @InjectRepository(CourseMedia) private readonly media: Repository<CourseMedia>,
  ) {}

  /** Headers first (cheap), data only when the browser's copy is out of date. */
  async findMeta(slug: string, pathInMedia: string): Promise<Omit<MediaFile, 'data'> & { id: number }> {
    const course = await this.courses.findOne({ where: { slug }, select: { id: true } });
    if (!course) throw new NotFoundException();
    const row = await this.media.findOne({
      where: { courseId: course.id, path: `${MEDIA_PREFIX}${pathInMedia}` },
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
