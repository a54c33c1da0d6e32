/**
 * Crisis detection: rule-based, deterministic, and run before anything else.
 *
 * A keyword list alone both misses and over-fires (negation, idioms, someone
 * asking *about* overdose risk), so each rule says what it is, whether a
 * first-person negation in front of it cancels it ("I'm not suicidal"), and
 * whether it is a bare topic that an informational question can be about
 * ("what is the risk of overdose after detox?"). Statements of intent or of an
 * emergency happening ("I want to die", "he's not breathing") are never
 * cancelled by question form. ../shared/research/domain.md section 1 has the
 * tiers and the evidence behind these choices.
 */
import { mayMatch, prefiltered } from './literals.js';
import { normalize } from './normalize.js';
import { editDistance } from './spelling.js';

/** What kind of emergency the words point to; decides the numbers shown first. */
export type CrisisKind = 'suicide' | 'overdose' | 'withdrawal' | 'violence';

/** A detected crisis. */
export interface Crisis {
  kind: CrisisKind;
  /** 'other' when the visitor writes about someone else (a loved one). */
  who: 'self' | 'other';
  /** Pills or a poisoning were mentioned: Poison Control belongs in the reply. */
  pills: boolean;
}

interface Rule {
  kind: CrisisKind;
  pattern: RegExp;
  /** A first-person negation just before the match cancels it. */
  negatable?: boolean;
  /** A bare topic word: a question *about* it, or a past event, is not a crisis. */
  topic?: boolean;
  /** Context the message must also hold for the rule to count ("passing out" after using). */
  requires?: RegExp;
}

const DRUG =
  '(?:pills?|tablets?|meds|xanax|oxys?|oxycodone|percs?|percocet|vicodin|bars|klonopin|valium|ativan|ambien|tylenol|benzos?|sleeping pills|fentanyl|fent|heroin|dope|methadone|suboxone|painkillers|pain pills|opioids|opiates)';
const USED = /\b(?:used|using|took|taken|snorted|shot up|smoked|drank|drinking|high|pills?|dose|relapsed|xanax|benzos?|heroin|fentanyl|fent|oxy)\b/;
const STOPPED = /\b(?:stopp?ed|stopping|quit|quitting|ran out|run out|withdrawal|withdrawing|detox|detoxing|coming off|came off|cold turkey|last drink|without (?:a )?drink)\b/;
const SELF = '(?:my ?self|my ?own ?self|him ?self|her ?self|them ?selves|them ?self|themselves)';
const LIFE = '(?:my|his|her|their) (?:own )?life';
const INTEND =
  '(?:want|wants|wanted|wanting|going|gonna|plan|plans|planning|planned|thinking|think|thinks|thought|ready|about|trying|tried|try|decided|talks|talking|talked|keeps|keep)';

const RULES: Rule[] = [
  // Suicide and self-harm: statements of intent are never negated by question form.
  { kind: 'suicide', pattern: new RegExp(`\\b(?:kill|killing|kil|end|ending|hurt|hurting|harm|harming|cut|cutting|burn|burning|burned|burnt|hang|hanging|shoot|shooting|starve|starving) ${SELF}\\b`), negatable: true },
  { kind: 'suicide', pattern: /\b(?:rather be dead|rather die|done with life|done living|tired of living|tired of life|sick of living|point (?:of|in) (?:living|life|going on)|reason to go on)\b/ },
  { kind: 'suicide', pattern: /\b(?:will not|wont|not going to) be (?:around|here) (?:much longer|for long|anymore|tomorrow)\b/ },
  { kind: 'suicide', pattern: /\b(?:pain|hurting|suffering|it all) to (?:stop|end) (?:for good|forever|permanently)\b/ },
  { kind: 'suicide', pattern: /\b(?:i am|i feel like|i am just|i am only) (?:a |such a )?burden\b/ },
  { kind: 'suicide', pattern: /\bnot sure (?:if|whether) (?:i|he|she) (?:want|wants) to (?:live|be alive|be here|go on)\b/ },
  { kind: 'suicide', pattern: /\b(?:want|going|need|urge) to cut\b|\bcutting again\b|\bstarted cutting\b/ },
  { kind: 'suicide', pattern: /\b(?:hope|wish|want|pray|sleep and) (?:that )?(?:i|he|she)? ?(?:never|not|do not|does not|will not|wont) wake up\b/ },
  { kind: 'suicide', pattern: /\bso (?:i|he|she|they) (?:do not|does not|will not|wont|never|would not|dont) wake up\b/ },
  { kind: 'suicide', pattern: /\bto end it\b/ },
  { kind: 'suicide', pattern: /\b(?:texted|sent|said|wrote|left|posted) (?:me |us |everyone )?(?:a )?goodbye\b/ },
  { kind: 'suicide', pattern: /\bhow (?:many|much)\b(?: \w+){0,6} (?:is |are |would be )?(?:too much|too many|lethal|deadly|enough to)\b/, requires: new RegExp(`\\b${DRUG}|vodka|alcohol|liquor|drugs?\\b`) },
  { kind: 'suicide', pattern: new RegExp(`\\b(?:end|ending|take|taking|took) ${LIFE}\\b`), negatable: true },
  { kind: 'suicide', pattern: new RegExp(`\\b${INTEND} (?:to |of |about |on )?(?:\\w+ ){0,2}(?:die|dying|be dead|end it all|end it|end everything|end things|not be here)\\b`), negatable: true },
  { kind: 'suicide', pattern: /\bend (?:it all|everything)\b/ },
  { kind: 'suicide', pattern: /\b(?:do|does) not want to (?:live|be alive|be here|wake up|exist|go on)\b/ },
  { kind: 'suicide', pattern: /\b(?:no longer|never) want(?:s)? to (?:live|be alive|be here|wake up|exist)\b/ },
  { kind: 'suicide', pattern: /\b(?:no|nothing|no point|no reason) (?:left )?to live(?: for)?\b/ },
  { kind: 'suicide', pattern: /\b(?:can not|cant|could not) (?:go on|keep going|do this anymore|take it anymore|live like this)\b/ },
  { kind: 'suicide', pattern: /\b(?:not worth living|life is not worth|better off (?:dead|without me|without him|without her|if i was gone|if i were gone))\b/ },
  { kind: 'suicide', pattern: /\b(?:wish|hope) (?:i|he|she|they) (?:was|were|would be|could be|could just be)? ?(?:dead|gone|never wake up|would not wake up|not wake up)\b/ },
  { kind: 'suicide', pattern: /\b(?:want|wish|hope)s? (?:someone|somebody|something) (?:would |to |could )?kill (?:me|him|her)\b/ },
  { kind: 'suicide', pattern: /\bsuicid(?:e|al|ally)\b/, negatable: true, topic: true },
  { kind: 'suicide', pattern: /\b(?:self harm|self harming|selfharm)\b/, negatable: true, topic: true },
  { kind: 'suicide', pattern: /\b(?:lethal|fatal|deadly) (?:dose|amount)\b/ },
  { kind: 'suicide', pattern: /\bhow (?:many|much) (?:\w+ ){0,4}(?:to|would) (?:die|kill|overdose|od|not wake up|never wake up)\b/ },
  { kind: 'suicide', pattern: /\b(?:wrote|writing|write|left) (?:a |my |his |her )?(?:suicide |goodbye )?note\b(?=.*\b(?:goodbye|die|end|suicide|kill)\b)/ },
  // Overdose and not breathing: a medical emergency.
  { kind: 'overdose', pattern: /\b(?:overdosed|overdosing|oded|oding|odding|(?:i|he|she|they|just|has|have|had|might have|may have|think|thinks) (?:overdose|od|odd)d?)\b/, negatable: true },
  { kind: 'overdose', pattern: /\b(?:overdoses?|od)\b/, negatable: true, topic: true },
  { kind: 'overdose', pattern: /\b(?:is not|isnt|not|stopped|barely|can not|cant|trouble|hard time) breath(?:ing|e)\b/ },
  { kind: 'overdose', pattern: /\b(?:unresponsive|unconscious|turning blue|blue lips|lips are blue|lips turning blue|foaming at the mouth|not responding|will not respond|wont respond|not moving)\b/ },
  { kind: 'overdose', pattern: /\b(?:passing out|passed out|pass out|blacking out|about to pass out|heart is racing|chest hurts|can not feel my)\b/, requires: USED },
  { kind: 'overdose', pattern: /\b(?:will not|wont|can not|cant|could not|wouldnt|would not) (?:wake (?:him|her|them|up)|get (?:him|her|them) to wake)\b/ },
  { kind: 'overdose', pattern: new RegExp(`\\b(?:took|take|taken|swallowed|ate|taking|downed) (?:a |the |all (?:of )?|too many |a bunch of |a handful of |a whole |an entire |the whole |a lot of |extra |double )+(?:\\w+ ){0,3}(?:${DRUG}|bottle)\\b`) },
  { kind: 'overdose', pattern: /\b(?:need|give|gave|giving|used|use) (?:narcan|naloxone)\b/ },
  // Dangerous withdrawal: seizures, hallucinations, delirium, severe shaking.
  { kind: 'withdrawal', pattern: /\b(?:having (?:a )?(?:seizure|seizures|fit|fits|convulsions)|seizing|convulsing|is fitting)\b/, negatable: true },
  { kind: 'withdrawal', pattern: /\b(?:seizure|seizures|convulsions)\b/, negatable: true, topic: true },
  { kind: 'withdrawal', pattern: /\b(?:hallucinating|hallucinations|seeing things|hearing things|seeing bugs|hearing voices|delirium tremens|delirium|the dts|dts)\b/, negatable: true, topic: true },
  { kind: 'withdrawal', pattern: /\b(?:severe|bad|badly|uncontrollabl[ey]|violent|violently|really bad|cant stop) (?:shaking|shakes|tremors|trembling)\b/, negatable: true, topic: true },
  { kind: 'withdrawal', pattern: /\bshaking (?:so |really |very )?(?:bad|badly|hard|uncontrollably)\b/, negatable: true, topic: true },
  { kind: 'withdrawal', pattern: /\b(?:high fever|confused|confusion|disoriented|twitching|about to seize|going to seize|seize|sweating buckets|heart pounding)\b/, requires: STOPPED },
  // Harm to someone else: 911.
  { kind: 'violence', pattern: /\b(?:going to|gonna|want to|will) (?:kill|hurt|shoot|stab) (?:him|her|them|someone|somebody|my \w+)\b(?! feelings)/, negatable: true },
];

/** Idioms that use crisis words without meaning them; removed before matching. */
const IDIOMS =
  /\b(?:dying to (?:know|see|try|hear|find out|ask|get|start|meet)|kill(?:ing)? (?:time|it|the time)|killing me|to die for|dead (?:tired|end|battery|phone)|die (?:of|from) (?:embarrassment|laughter|boredom|shame)|(?:mom|dad|mother|father|boss|wife|husband|he|she|they|parents) (?:will|would|is going to|are going to|gonna) kill me)\b/g;

const NEGATION =
  /\b(?:not|never|no|no longer|nor|without|neither|am not|i am not|do not|does not|did not|have not|has not|had not|will not|would not|would never|never been)(?: \w+){0,3} $/;
const PSEUDO_NEGATION = /\b(?:not sure|no idea|can not stop|could not stop|not saying|no one knows|do not know if|not sure if)\b/;

const INFORMATIONAL =
  /(?:^|\b)(?:what|whats|how|why|is|are|can|could|does|do|will|should|would|when|which|tell me|explain|info|information)\b.*\b(?:risk|risks|riskier|signs?|symptoms?|chance|chances|rate|rates|prevent|prevention|dangerous|danger|dangers|happens?|cause|causes|common|likely|mean|means|treat|treats|treated|handle|handles|help with|deal with|about|after|during|if|normal|safe|possible)\b/;
const PAST = /\b(?:last (?:year|month|summer|winter|spring|fall)|years? ago|months? ago|in (?:19|20)\d\d|used to|history of|back in|when i was|in the past|a while ago|previously|died (?:of|from)|passed away|lost (?:him|her|them|my \w+) to)\b/;
const PRESENT = /\b(?:right now|just now|tonight|today|again|currently|keeps|this morning|this evening|at the moment)\b/;

const OTHER_PERSON =
  /\b(?:my (?:son|sons|daughter|daughters|husband|wife|partner|boyfriend|girlfriend|bf|gf|mom|mother|mum|dad|father|brother|sister|friend|best friend|kid|kids|child|boy|girl|cousin|uncle|aunt|grandson|granddaughter|grandma|grandpa|fiance|fiancee|roommate|loved one|spouse|parent|parents|nephew|niece|teen|teenager|stepson|stepdaughter|coworker|client|patient)|he|hes|she|shes|they|theyre|him|his|her|hers|their|them|someone|somebody)\b/;
/** The crisis phrase itself is about the writer. */
const FIRST_PERSON_ACT = /\b(?:myself|my ?self|my life|my own life)\b/;
/** The crisis phrase is about someone else. */
const THIRD_PERSON_ACT = /\b(?:him|her|them|his|their|himself|herself|themselves|themself)\b/;
/** "I" right before the phrase: the writer is its subject. */
const I_SUBJECT = /\b(?:i|i am|i have|i have been|i just|i think i|i feel|i feel like|i keep|i really)\s*$/;

const PILLS =
  /\b(?:pills?|tablets?|bottle|meds|medication|xanax|oxy|oxys|oxycodone|percocet|percs|vicodin|tylenol|acetaminophen|ibuprofen|benzos?|klonopin|valium|ativan|ambien|sleeping pills|bars|fentanyl pills?)\b/;

/** Words a panicked or hurried visitor misspells, corrected at edit distance 1. */
const LEXICON = [
  'suicide', 'suicidal', 'overdose', 'overdosed', 'overdosing', 'seizure', 'seizures', 'seizing',
  'withdrawal', 'delirium', 'unconscious', 'unresponsive', 'breathing', 'hallucinating', 'hallucinations',
  'myself',
];

const SLANG: Array<[RegExp, string]> = [
  [/\bkms\b/g, 'kill myself'],
  [/\bkys\b/g, 'kill yourself'],
  [/\bunalive (myself|me)\b/g, 'kill myself'],
  [/\bunalive\b/g, 'kill myself'],
  [/\bsewerslide\b/g, 'suicide'],
  [/\bsuicde|sucide|suiside|suicid\b/g, 'suicide'],
  [/\bwanna\b/g, 'want to'],
  [/\bgonna\b/g, 'going to'],
  [/\bim\b/g, 'i am'],
  [/\bu\b/g, 'you'],
  [/\bnot breating|not breething\b/g, 'not breathing'],
];

/** De-leet and normalise the way crisis rules expect: k1ll -> kill, $uicide -> suicide. */
export function crisisText(text: unknown): string {
  const raw = typeof text === 'string' ? text : text == null ? '' : String(text);
  const deLeet = raw.replace(/[$@0-9]+/g, (run, offset: number, whole: string) => {
    const touchesLetter = /[a-z]/i.test(whole[offset - 1] ?? '') || /[a-z]/i.test(whole[offset + run.length] ?? '');
    return touchesLetter ? run.replace(/\$/g, 's').replace(/@/g, 'a').replace(/1/g, 'i').replace(/3/g, 'e').replace(/0/g, 'o') : run;
  });
  let s = normalize(deLeet).replace(/([a-z])\1{2,}/g, '$1$1');
  for (const [pattern, replacement] of SLANG) s = s.replace(pattern, replacement);
  return s
    .split(' ')
    .map((w) => {
      if (w.length < 5 || LEXICON.includes(w)) return w;
      for (const known of LEXICON) if (editDistance(w, known, 1) <= 1) return known;
      return w;
    })
    .join(' ');
}

function negated(before: string): boolean {
  return NEGATION.test(before) && !PSEUDO_NEGATION.test(before);
}

// The widget checks a message before the knowledge base has arrived and
// answer() checks it again; the second check of the same text is free.
let last: { text: unknown; crisis: Crisis | null } | null = null;

/**
 * Finds a crisis in what the visitor wrote.
 *
 * @param text the visitor's message (any length, any content)
 * @returns the crisis, or null when the words are not one
 */
export function detectCrisis(text: unknown): Crisis | null {
  if (!last || last.text !== text) {
    const crisis = findCrisis(text);
    last = { text, crisis: crisis && Object.freeze(crisis) };
  }
  return last.crisis;
}

// Per rule, strings one of which any match holds (literals.ts). Most
// messages hold none for any rule, and a rule that cannot match is neither
// run nor compiled: compiling all of them cost a first question tens of
// milliseconds on a slow phone.
/** The rules' patterns, each with the strings one of which a match needs. */
export const crisisRules = prefiltered('crisis', RULES.map((rule) => rule.pattern));

function findCrisis(text: unknown): Crisis | null {
  const s = crisisText(text).replace(IDIOMS, ' ');
  if (!s) return null;
  const checks = crisisRules();
  let informational: boolean | undefined;
  let past: boolean | undefined;
  for (let i = 0; i < RULES.length; i++) {
    if (!mayMatch(checks[i].need, s)) continue;
    const rule = RULES[i];
    const m = rule.pattern.exec(s);
    if (!m) continue;
    informational ??= INFORMATIONAL.test(s);
    past ??= PAST.test(s) && !PRESENT.test(s);
    const before = s.slice(Math.max(0, m.index - 40), m.index);
    if (rule.negatable && negated(before)) continue;
    if (rule.topic && (informational || past)) continue;
    if (rule.requires && !rule.requires.test(s)) continue;
    if (!rule.topic && past && !/\b(?:die|dying|kill|end)\b/.test(m[0])) continue;
    const other =
      THIRD_PERSON_ACT.test(m[0]) || (OTHER_PERSON.test(s) && !FIRST_PERSON_ACT.test(m[0]) && !I_SUBJECT.test(before));
    return { kind: rule.kind, who: other ? 'other' : 'self', pills: PILLS.test(s) };
  }
  return null;
}
