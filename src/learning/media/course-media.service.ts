import { Injectable, NotFoundException } from '@nestjs/common';
import { type Actor, AuthoringAccessService } from '../../content/authoring/authoring-access.service';
import { MediaMeta, MediaService } from '../../content/media/media.service';
import { PublishedContentService } from '../../content/published-content.service';
import { CourseAccessService } from '../course-access.service';

/**
 * Media files are course material: whoever may read the course (enrolled
 * learners, its facilitators, coordinators, admins) or edit it (the preview
 * shows its images) gets them; anyone else gets 404, as for a missing file.
 */
@Injectable()
export class CourseMediaService {
  constructor(
    private readonly content: PublishedContentService,
    private readonly media: MediaService,
    private readonly readers: CourseAccessService,
    private readonly editors: AuthoringAccessService,
  ) {}

  async findMeta(viewer: Actor, slug: string, pathInMedia: string): Promise<MediaMeta> {
    const course = await this.content.courseBySlug(slug);
    if (!course) throw new NotFoundException();
    const allowed = (await this.editors.mayEdit(viewer, course.id)) || (await this.readers.accessTo(viewer, course)).decision.read;
    if (!allowed) throw new NotFoundException();
    return this.media.findMeta(course.id, pathInMedia);
  }

  loadData(mediaId: number): Promise<Buffer> {
    return this.media.loadData(mediaId);
  }
}
