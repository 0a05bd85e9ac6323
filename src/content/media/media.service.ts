import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CourseAccessService } from '../../learning/course-access.service';
import { type Actor, AuthoringAccessService } from '../authoring/authoring-access.service';
import { Course } from '../entities/course.entity';
import { CourseMedia } from '../entities/course-media.entity';
import { MEDIA_PREFIX } from './media-paths';

export interface MediaMeta {
  id: number;
  path: string;
  contentType: string;
  sha256: string;
  size: number;
}

/**
 * Media files are course material: whoever may read the course (enrolled
 * learners, its facilitators, coordinators, admins) or edit it (the preview
 * shows its images) gets them; anyone else gets 404, as for a missing file.
 */
@Injectable()
export class MediaService {
  constructor(
    @InjectRepository(Course) private readonly courses: Repository<Course>,
    @InjectRepository(CourseMedia) private readonly media: Repository<CourseMedia>,
    private readonly readers: CourseAccessService,
    private readonly editors: AuthoringAccessService,
  ) {}

  /** Headers first (cheap), data only when the browser's copy is out of date. */
  async findMeta(viewer: Actor, slug: string, pathInMedia: string): Promise<MediaMeta> {
    const course = await this.courses.findOne({ where: { slug } });
    if (!course) throw new NotFoundException();
    const allowed = (await this.editors.mayEdit(viewer, course.id)) || (await this.readers.accessTo(viewer, course)).decision.read;
    if (!allowed) throw new NotFoundException();
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
