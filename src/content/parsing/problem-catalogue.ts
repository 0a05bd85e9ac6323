import type { Severity } from './content.types';

type Params = Record<string, string | number>;

interface ProblemDefinition {
  severity: Severity;
  message: (params: Params) => string;
}

const ALLOWED_LINKS = 'links may be http:, https:, mailto:, a module file (02-name.md), a tool (tools/name.md) or a media file (media/name.png)';

/**
 * Every problem the content checker can report, in one place: the code is a
 * stable identifier (the web editor and content/README.md refer to it), the
 * severity decides whether the course can be imported, and the message is
 * the English text printed by content:check.
 */
export const PROBLEM_CATALOGUE = {
  // Files and folders
  'course.bad-slug': { severity: 'error', message: (p) => `Course folder name "${p.slug}" may only use lowercase letters, digits and dashes` },
  'course.unreadable': { severity: 'error', message: (p) => `The course folder could not be read: ${p.reason}` },
  'course.missing-course-file': { severity: 'error', message: () => 'The course folder has no course.md with the course settings' },
  'course.no-modules': { severity: 'error', message: () => 'The course has no modules: add files named like 01-introduccion.es.md' },
  'file.bad-name': { severity: 'error', message: (p) => `File name "${p.name}" is not valid: ${p.hint}` },
  'file.ignored': { severity: 'warning', message: (p) => `"${p.name}" is not a course file and is not under media/, so it is ignored` },
  'file.not-utf8': { severity: 'error', message: () => 'The file is not UTF-8 text; save it with UTF-8 encoding' },

  // Front matter (course.md, modules, assessments)
  'front-matter.missing': { severity: 'error', message: () => 'The file must start with front matter: a --- line, the settings, and another --- line' },
  'front-matter.unclosed': { severity: 'error', message: () => 'The front matter that starts here is never closed with a --- line' },
  'front-matter.bad-yaml': { severity: 'error', message: (p) => `The settings are not valid YAML: ${p.reason}${p.hint ? ` (${p.hint})` : ''}` },
  'front-matter.not-a-mapping': { severity: 'error', message: () => 'The front matter must be a list of "key: value" settings' },
  'front-matter.unknown-key': {
    severity: 'error',
    message: (p) => `Unknown setting "${p.key}"${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''} (allowed here: ${p.allowed})`,
  },
  'front-matter.missing-key': { severity: 'error', message: (p) => `Required setting "${p.key}" is missing or empty` },
  'front-matter.wrong-type': { severity: 'error', message: (p) => `"${p.key}" must be ${p.expected}; it is ${p.actual}` },
  'front-matter.out-of-range': {
    severity: 'error',
    message: (p) => `"${p.key}" must be ${p.range}; it is ${p.value}`,
  },
  'front-matter.bad-value': { severity: 'error', message: (p) => `"${p.key}" must be one of ${p.allowed}; it is "${p.value}"` },

  // Course settings
  'course.no-languages': { severity: 'error', message: () => '"languages" must list at least one language: es, en' },
  'course.duplicate-language': { severity: 'error', message: (p) => `"languages" lists "${p.language}" twice` },
  'course.completion-needs-post-test': {
    severity: 'error',
    message: () => 'completion.post_test is true but post_test is false: offer the post-test or stop requiring it',
  },
  'course.hours-mismatch': {
    severity: 'warning',
    message: (p) => `hours is ${p.hours}, but the text of the course takes about ${p.computedHours} hours (${p.minutes} minutes: modules, pre-test and post-test); the certificate shows hours, so make them agree`,
  },
  'course.nothing-required': {
    severity: 'warning',
    message: () => 'completion requires nothing (modules, quizzes and post_test are all false), so every enrolled learner completes the course at once',
  },

  // Modules
  'module.missing-language': { severity: 'error', message: (p) => `Module "${p.key}" has no "${p.language}" version: add ${p.expectedFile}` },
  'file.undeclared-language': {
    severity: 'warning',
    message: (p) => `This file is in "${p.language}", which course.md does not list in "languages", so it is ignored`,
  },
  'module.order-mismatch': {
    severity: 'error',
    message: (p) => `order is ${p.order} here but ${p.otherOrder} in ${p.otherFile}; every language of a module must use the same order`,
  },
  'module.duplicate-order': { severity: 'error', message: (p) => `order ${p.order} is already used by ${p.otherFile}; each module needs its own position` },
  'module.quiz-settings-mismatch': {
    severity: 'error',
    message: (p) => `quiz.${p.setting} is ${p.value} here but ${p.otherValue} in ${p.otherFile}; quiz settings must match in every language because attempts are shared`,
  },
  'module.quiz-settings-without-quiz': { severity: 'warning', message: () => 'quiz settings are given but the module has no ::: quiz block' },
  'module.no-quiz': {
    severity: 'warning',
    message: () => 'The module has no ::: quiz block although course.md requires passing the module quizzes (completion.quizzes: true)',
  },
  'module.minutes-ignored': {
    severity: 'warning',
    message: () => '"minutes" is ignored: the minutes of a module are now computed from its text and questions; delete this line',
  },
  'module.no-objectives': {
    severity: 'warning',
    message: (p) => `The module states no learning objectives: add "objectives:" with ${p.min} to ${p.max} lines like  o1: "Explain ..." and tag each question, e.g. ### q1 (single) [o1]`,
  },
  'module.objective-count': { severity: 'warning', message: (p) => `The module has ${p.count} learning objective(s); state ${p.min} to ${p.max}` },
  'module.objectives-mismatch': {
    severity: 'error',
    message: (p) => `The objectives here are ${p.ids} but ${p.otherIds} in ${p.otherFile}; every language of a module must use the same objective ids`,
  },
  'objective.bad-id': { severity: 'error', message: (p) => `Objective id "${p.id}" may only contain letters, digits and dashes (e.g. o1)` },
  'objective.no-question': {
    severity: 'error',
    message: (p) => `No quiz question assesses objective "${p.objective}": tag at least one question with [${p.objective}], or remove the objective`,
  },
  'lesson.empty': { severity: 'warning', message: () => 'The lesson has no text outside the quiz' },
  'lesson.too-long': { severity: 'warning', message: (p) => `The lesson has ${p.words} words (more than ${p.max}); consider splitting it into two modules` },
  'lesson.raw-html': { severity: 'warning', message: (p) => `HTML is not allowed: "${p.html}" will be shown as plain text` },
  'lesson.level-1-heading': {
    severity: 'warning',
    message: () => 'Start headings at ## (the page shows the module title as the main heading); this # heading will be shown as ##',
  },
  'lesson.text-after-quiz': { severity: 'warning', message: () => 'Text after the quiz block is shown with the lesson, before the quiz; put the quiz at the end of the file' },

  // Quiz blocks
  'quiz.multiple-blocks': { severity: 'error', message: (p) => `Only one ::: quiz block is allowed per file; the first one starts on line ${p.firstLine}` },
  'quiz.unclosed': { severity: 'error', message: () => 'This ::: quiz block is never closed with a ::: line' },
  'quiz.unknown-block': { severity: 'error', message: (p) => `Unknown block "${p.marker}": the only block is ::: quiz` },
  'quiz.stray-close': { severity: 'error', message: () => 'This ::: line does not close any ::: quiz block' },
  'quiz.no-questions': { severity: 'error', message: () => 'The quiz block has no questions; each question starts with a heading like ### q1 (single)' },
  'quiz.text-before-first-question': {
    severity: 'error',
    message: () => 'Text in the quiz block before the first question would be lost; start each question with ### id (type)',
  },
  'quiz.wrong-heading-level': { severity: 'error', message: (p) => `Questions start with ### (three #), not ${p.marks}` },

  // Questions
  'question.missing-type': { severity: 'error', message: (p) => `Question heading "${p.heading}" needs an id and a type, like ### q1 (single)` },
  'question.bad-id': { severity: 'error', message: (p) => `Question id "${p.id}" may only contain letters, digits and dashes (at most ${p.max} characters)` },
  'question.duplicate-id': { severity: 'error', message: (p) => `Question id "${p.id}" is already used on line ${p.firstLine}` },
  'question.unknown-type': { severity: 'error', message: (p) => `Unknown question type "${p.type}": use single, multiple or truefalse (or unica, multiple, vf)` },
  'question.no-prompt': { severity: 'error', message: (p) => `Question "${p.id}" has no text between its heading and its options` },
  'question.too-few-options': {
    severity: 'error',
    message: (p) => `Question "${p.id}" has ${p.count} option(s); it needs ${p.min} to ${p.max}, written as "- [x] text" or "- [ ] text"`,
  },
  'question.too-many-options': { severity: 'error', message: (p) => `Question "${p.id}" has ${p.count} options; at most ${p.max} are allowed` },
  'question.truefalse-needs-two-options': { severity: 'error', message: (p) => `True/false question "${p.id}" must have exactly 2 options; it has ${p.count}` },
  'question.no-correct-option': { severity: 'error', message: (p) => `Question "${p.id}" has no correct option: mark at least one with - [x]` },
  'question.too-many-correct': {
    severity: 'error',
    message: (p) => `Question "${p.id}" is ${p.type} but ${p.count} options are marked [x]; mark exactly one, or make it a multiple question`,
  },
  'question.bad-option-marker': { severity: 'error', message: (p) => `"${p.text}" is not a valid option: write "- [x] text" (correct) or "- [ ] text" (incorrect)` },
  'question.empty-option': { severity: 'error', message: (p) => `Option ${p.option} of question "${p.id}" has no text` },
  'question.duplicate-option': { severity: 'warning', message: (p) => `Options ${p.option} and ${p.otherOption} of question "${p.id}" have the same text` },
  'question.missing-objective': {
    severity: 'error',
    message: (p) => `Question "${p.id}" does not say which objective it assesses: add a tag after the type, e.g. ### ${p.id} (single) [${p.example}]`,
  },
  'question.unknown-objective': { severity: 'error', message: (p) => `Question "${p.id}" is tagged [${p.tag}], which is not an objective of this module (objectives: ${p.allowed})` },
  'question.bad-assessment-tag': {
    severity: 'error',
    message: (p) => `Question "${p.id}" is tagged [${p.tag}]; in the pre/post-test a tag names the module number and the objective, e.g. [01:o1]`,
  },
  'question.unknown-module-objective': {
    severity: 'error',
    message: (p) => (p.reason === 'module'
      ? `Question "${p.id}" is tagged [${p.tag}], but the course has no module number ${p.module}`
      : `Question "${p.id}" is tagged [${p.tag}], but module ${p.module} has no objective "${p.objective}"`),
  },
  'question.unexpected-text': {
    severity: 'error',
    message: (p) => `Text after the options of question "${p.id}" must be option feedback (indented "  > ...") or start with "Explicación:" / "Explanation:"`,
  },
  'question.explanation-before-options': { severity: 'error', message: (p) => `The explanation of question "${p.id}" must come after its options` },
  'question.empty-explanation': { severity: 'warning', message: (p) => `The explanation of question "${p.id}" is empty` },
  'question.feedback-not-indented': {
    severity: 'warning',
    message: (p) => `Indent option feedback by two spaces ("  > ..."); this line was read as feedback for option ${p.option}`,
  },

  // Item writing: cues that let a learner answer without knowing the content (see the guide for thresholds)
  'quiz.correct-option-longest': {
    severity: 'warning',
    message: (p) => `The correct option is the longest one in ${p.count} of the ${p.total} single-choice questions of this quiz (${p.ids}); learners learn to pick the longest answer: make distractors as long and as precise as the key`,
  },
  'quiz.true-false-unbalanced': {
    severity: 'warning',
    message: (p) => `${p.count} of the ${p.total} true/false questions of this quiz have the answer "${p.answer}"; keep each answer between 30% and 70% so guessing one way does not pay`,
  },
  'question.all-or-none-of-the-above': {
    severity: 'warning',
    message: (p) => `Option ${p.option} of question "${p.id}" is "all/none of the above", which can be answered by spotting one true or one false option; write a real alternative`,
  },
  'quiz.repeated-option': {
    severity: 'warning',
    message: (p) => `Option ${p.option} of question "${p.id}" has the same text as an option of question "${p.otherId}"; one question can give away the other`,
  },
  'question.uneven-options': {
    severity: 'warning',
    message: (p) => `The options of question "${p.id}" differ wildly in length (${p.shortest} to ${p.longest} characters); the odd one out stands out: make them comparable`,
  },

  // Languages of one module or assessment
  'translation.question-missing': { severity: 'error', message: (p) => `Question "${p.id}" is in this file but not in ${p.otherFile}; every language needs the same question ids` },
  'translation.type-mismatch': { severity: 'error', message: (p) => `Question "${p.id}" is ${p.type} here but ${p.otherType} in ${p.otherFile}` },
  'translation.option-count-mismatch': { severity: 'error', message: (p) => `Question "${p.id}" has ${p.count} options here but ${p.otherCount} in ${p.otherFile}` },
  'translation.correct-mismatch': {
    severity: 'error',
    message: (p) => `Question "${p.id}" marks options ${p.correct} as correct here but ${p.otherCorrect} in ${p.otherFile}; options are matched by position`,
  },
  'translation.objective-mismatch': {
    severity: 'error',
    message: (p) => `Question "${p.id}" is tagged [${p.objective}] here but [${p.otherObjective}] in ${p.otherFile}; a question assesses the same objective in every language`,
  },
  'translation.question-order-mismatch': { severity: 'warning', message: (p) => `Questions are in a different order than in ${p.otherFile}` },

  // Pre-test and post-test
  'assessment.missing': { severity: 'error', message: (p) => `pre_test or post_test is true, so the course needs ${p.expectedFile}` },
  'assessment.no-quiz': { severity: 'error', message: () => 'The assessment needs one ::: quiz block with its questions' },
  'assessment.too-few-questions': { severity: 'error', message: (p) => `The assessment has ${p.count} questions; the pre-test and post-test need at least ${p.min}` },
  'assessment.unused': { severity: 'warning', message: () => 'pre_test and post_test are both false, so this assessment is not used' },
  'assessment.text-outside-quiz': { severity: 'warning', message: () => 'Text outside the ::: quiz block of an assessment is not shown to learners' },

  // Printable tools
  'tool.missing-language': { severity: 'error', message: (p) => `Tool "${p.key}" has no "${p.language}" version: add ${p.expectedFile}` },
  'tool.quiz-not-allowed': { severity: 'error', message: () => 'A tool is a printable page and cannot have a ::: quiz block; put questions in a module' },
  'tool.empty': { severity: 'warning', message: () => 'The tool has no text' },
  'tool.too-long': { severity: 'warning', message: (p) => `The tool has ${p.words} words (more than ${p.max}), so it may not print on one sheet; shorten it or split it in two tools` },

  // Links and images
  'link.empty': { severity: 'error', message: () => 'A link or image has no address' },
  'link.disallowed-scheme': { severity: 'error', message: (p) => `Link "${p.href}" uses "${p.scheme}:", which is not allowed; ${ALLOWED_LINKS}` },
  'link.not-allowed': { severity: 'error', message: (p) => `Link "${p.href}" is not allowed; ${ALLOWED_LINKS}` },
  'link.missing-module': { severity: 'error', message: (p) => `Link "${p.href}" points to module "${p.key}", which this course does not have` },
  'link.missing-media': { severity: 'error', message: (p) => `Link "${p.href}" points to ${p.path}, which is not in the course folder` },
  'link.missing-tool': { severity: 'error', message: (p) => `Link "${p.href}" points to tool "${p.key}", which this course does not have (tools/${p.key}.<language>.md)` },
  'link.tool-with-language': {
    severity: 'warning',
    message: (p) => `Link to a tool without the language: write ${p.suggested} (each learner gets their own language)`,
  },
  'link.module-with-language': {
    severity: 'warning',
    message: (p) => `Link to a module without the language: write ${p.suggested} (each learner gets their own language)`,
  },
  'image.not-media': { severity: 'error', message: (p) => `Image "${p.src}" must be a file under media/ or an http(s) address` },
  'image.external': {
    severity: 'warning',
    message: (p) => `Image "${p.src}" is loaded from another site; copy it into media/ so it keeps working and learners' visits are not shared`,
  },
  'image.missing-alt': { severity: 'warning', message: (p) => `Image "${p.src}" has no description: write one in ![description](...) for learners who use screen readers` },

  // Media files
  'media.too-large': { severity: 'error', message: (p) => `${p.path} is ${p.sizeMb} MB; media files may be at most ${p.maxMb} MB` },
  'media.bad-extension': { severity: 'error', message: (p) => `${p.path}: ".${p.extension}" files are not allowed; allowed: ${p.allowed}` },
  'media.empty': { severity: 'error', message: (p) => `${p.path} is empty` },
  'media.unsafe-svg': { severity: 'error', message: (p) => `${p.path} contains scripts or event handlers, which are not allowed in SVG images` },
  'media.unused': { severity: 'warning', message: (p) => `${p.path} is not linked from any module or assessment` },
} satisfies Record<string, ProblemDefinition>;

export type ProblemCode = keyof typeof PROBLEM_CATALOGUE;
