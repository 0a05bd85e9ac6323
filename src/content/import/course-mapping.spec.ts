import { courseRecord, moduleRecords, storedQuestions } from './course-mapping';
import type { CourseSettings, ParsedCourse, ParsedModuleVersion } from '../parsing';

const settings: CourseSettings = {
  title: { es: 'Curso', en: 'Course' }, summary: { es: 'Resumen', en: 'Summary' }, topic: 'children', hours: 3, languages: ['es', 'en'],
  passMark: 70, certificate: 'participation', preTest: true, postTest: false, completion: { modules: true, quizzes: false, postTest: false },
  quiz: { maxAttempts: 2, grading: 'last', shuffle: false, timeLimitMinutes: 10, showAnswers: false }, participation: null,
};

function version(language: 'es' | 'en', minutes: number): ParsedModuleVersion {
  return {
    key: '01-uno', language, title: `Uno ${language}`, minutes, order: 1, quizSettings: { ...settings.quiz, maxAttempts: 5 }, lessonHtml: '<p>x</p>',
    questions: [{ id: 'q1', type: 'single', promptHtml: '<p>?</p>', line: 9, options: [{ id: 'a', textHtml: 'Sí', correct: true }, { id: 'b', textHtml: 'No', correct: false, feedbackHtml: 'No.' }] }],
    sourceText: `text ${language}`, sourceHash: `hash-${language}`, objectives: [{ id: 'o1', text: `Objetivo ${language}` }],
  };
}

describe('course mapping', () => {
  it('maps course.md settings onto the course row, with the pass mark in the quiz defaults', () => {
    expect(courseRecord(settings, { text: 'course.md', hash: 'h' })).toEqual({
      title: { es: 'Curso', en: 'Course' }, summary: { es: 'Resumen', en: 'Summary' }, topic: 'children', hours: 3, languages: ['es', 'en'],
      passMark: 70, certificateType: 'participation', hasPreTest: true, hasPostTest: false, completionRule: { modules: true, quizzes: false, postTest: false },
      quizDefaults: { maxAttempts: 2, grading: 'last', shuffle: false, timeLimitMinutes: 10, showAnswers: false, passMark: 70 },
      sourceHash: 'h', sourceText: 'course.md',
    });
  });

  it('maps modules (minutes from the main language) and the assessment, in the course languages order', () => {
    const course: ParsedCourse = {
      slug: 'curso', settings, mediaFiles: [], courseSourceHash: 'folder', tools: [], estimatedMinutes: 30,
      modules: [{ key: '01-uno', order: 1, versions: { en: version('en', 40), es: version('es', 30) } }],
      assessment: { es: { title: 'Evaluación', questions: [], sourceText: 'a', sourceHash: 'ha' } },
    };
    const [lesson, assessment] = moduleRecords(course);
    expect(lesson).toMatchObject({ key: '01-uno', kind: 'lesson', position: 1, minutes: 30, files: { es: '01-uno.es.md', en: '01-uno.en.md' } });
    expect(lesson.versions.map((v) => v.language)).toEqual(['es', 'en']);
    expect(lesson.versions[0].quizSettings).toEqual({ ...settings.quiz, maxAttempts: 5, passMark: 70 });
    expect(assessment).toMatchObject({ key: 'assessment', kind: 'assessment', files: { es: 'assessment.es.md' } });
    expect(assessment.versions[0]).toMatchObject({ title: 'Evaluación', lessonHtml: '', quizSettings: { ...settings.quiz, passMark: 70 } });
  });

  it('stores questions without parser details or undefined keys, so equal questions serialise equally', () => {
    const [stored] = storedQuestions(version('es', 1).questions);
    expect(JSON.stringify(stored)).toBe('{"id":"q1","type":"single","promptHtml":"<p>?</p>","options":[{"id":"a","textHtml":"Sí","correct":true},{"id":"b","textHtml":"No","correct":false,"feedbackHtml":"No."}]}');
  });
});
