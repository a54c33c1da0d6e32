/**
 * tests/fixtures/knowledge-broken and every problem in it, shared by the
 * validate and CLI tests.
 */
import { MAX_ANSWER_WORDS, MIN_ALTERNATES } from '../../src/kb/validate.js';

export const BROKEN = 'tests/fixtures/knowledge-broken';
const FAQ = `${BROKEN}/faq`;

/**
 * Every problem in tests/fixtures/knowledge-broken: `file:line` and a piece
 * of the message. Paths are relative to the working folder (vitest runs from
 * the project root), exactly as the CLI prints them.
 */
export const EXPECTED: Array<[string, string]> = [
  // read: front matter and fields
  [`${FAQ}/malformed-front-matter.md:4`, 'malformed front matter line: expected `key: value`, found `this line has no colon`'],
  [`${FAQ}/no-front-matter.md:1`, 'front matter missing'],
  [`${FAQ}/unclosed-front-matter.md:1`, 'front matter is not closed'],
  [`${FAQ}/wrong-fields.md:3`, '`question` must be one line of text'],
  [`${FAQ}/wrong-fields.md:10`, '`tags` must be a list'],
  [`${FAQ}/wrong-fields.md:11`, 'unknown field `author`'],
  // read: synonyms.txt
  [`${BROKEN}/synonyms.txt:5`, 'expected `word = expansion, expansion`'],
  [`${BROKEN}/synonyms.txt:8`, 'expected `word = expansion, expansion`'],
  // validate: each entry
  [`${FAQ}/answer-too-long.md:10`, `answer is 134 words; keep it to ${MAX_ANSWER_WORDS} or fewer`],
  [`${FAQ}/bad-id-format.md:2`, 'id `Bad_Id` must be lowercase words joined by hyphens'],
  [`${FAQ}/duplicate-two.md:2`, 'id `duplicate-one` does not match the file name: name the file `duplicate-one.md`'],
  [`${FAQ}/duplicate-two.md:2`, `duplicate id \`duplicate-one\`: also used in ${FAQ}/duplicate-one.md:2`],
  [`${FAQ}/headings-and-images.md:10`, 'headings are not allowed in an answer'],
  [`${FAQ}/headings-and-images.md:12`, 'images are not allowed in an answer'],
  [`${FAQ}/missing-answer.md:10`, 'missing answer'],
  [`${FAQ}/missing-question.md:1`, 'missing `question`'],
  [`${FAQ}/raw-html-and-links.md:12`, 'raw HTML is not allowed in an answer'],
  [`${FAQ}/raw-html-and-links.md:14`, 'link `javascript:'],
  [`${FAQ}/too-few-alternates.md:1`, `only 2 alternate phrasings: add at least ${MIN_ALTERNATES}`],
  [`${FAQ}/unknown-placeholder.md:10`, 'unknown placeholder `{{address}}`: use one of {{center}}, {{phone}}'],
  [`${FAQ}/unknown-placeholder.md:12`, 'unknown placeholder `{{hours}}`'],
  [`${FAQ}/wrong-fields.md:1`, 'missing `question`'],
  // validate: across entries
  [`${FAQ}/phrasing-collision-b.md:6`, `phrasing "whats an IOP?" collides with ${FAQ}/phrasing-collision-a.md:5`],
  [`${FAQ}/stop-words-only.md:7`, 'phrasing "what is it" has no searchable words'],
  [`${FAQ}/unknown-related.md:10`, 'related id `no-such-entry` does not exist'],
  [`${FAQ}/unknown-related.md:11`, 'an entry cannot be related to itself'],
  // validate: synonyms
  [`${BROKEN}/synonyms.txt:6`, '`day program` must be one word'],
  [`${BROKEN}/synonyms.txt:7`, '`iop` is already defined on line 2'],
];

/** True when a formatted problem is the expected one at `location`. */
export function isExpected(formatted: string, [location, message]: [string, string]): boolean {
  return formatted.startsWith(`${location}: `) && formatted.includes(message);
}
