/**
 * What a visitor wants when they are not asking an FAQ question: small talk
 * (hello, thanks, bye, "are you a bot?") or a person ("talk to someone",
 * "call me", "how do I enroll", "I need help for my son").
 */
import { mayMatch, prefiltered } from './literals.js';
import { normalize } from './normalize.js';

/** Small talk the assistant answers briefly instead of searching. */
export type SmallTalk = 'greeting' | 'thanks' | 'goodbye' | 'identity';

const SMALL_TALK: Array<[SmallTalk, RegExp]> = [
  ['identity', /^(?:are you (?:a |an )?(?:bot|robot|ai|real|human|real person|person|computer|machine)|is this (?:a )?(?:bot|robot|real person|human|automated|ai)|who (?:am i talking to|are you)|what are you)$/],
  ['greeting', /^(?:hi|hii|hello|hey|heya|hiya|yo|howdy|greetings|good (?:morning|afternoon|evening)|hi there|hello there|hey there)$/],
  ['thanks', /^(?:thanks|thank you|thank u|thx|ty|tysm|thanks a lot|thank you so much|thanks so much|many thanks|appreciate it|i appreciate it|ok thanks|okay thanks|ok thank you|great thanks|cool thanks|that helps|that helped|perfect|awesome|great)$/],
  ['goodbye', /^(?:bye|goodbye|good bye|bye bye|see you|see ya|later|cya|that is all|thats all|that is it|im done|i am done|have a good (?:day|night|one)|good night|take care)$/],
];

const GREETING_PREFIX = /^(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening))(?: there)? /;

/** The small-talk intent of a whole message, or null when it says more than that. */
export function smallTalk(text: unknown): SmallTalk | null {
  const s = normalize(text);
  for (const [kind, pattern] of SMALL_TALK) if (pattern.test(s)) return kind;
  return null;
}

/** The message without a leading greeting: "hi, what is iop" asks "what is iop". */
export function withoutGreeting(text: string): string {
  const s = normalize(text);
  return GREETING_PREFIX.test(s) ? s.replace(GREETING_PREFIX, '') : text;
}

const WANTS_PERSON = [
  /\b(?:talk|speak|chat|speaking|talking) (?:to|with) (?:a |an |the |some |your )?(?:someone|somebody|person|human|real person|live person|staff|admissions|counselor|counsellor|nurse|doctor|agent|representative|rep|people|actual person|anyone)\b/,
  /\b(?:call me|call me back|callback|call back|give me a call|have someone call|can someone call|someone call me|phone me|ring me|contact me|reach out to me|get a call)\b/,
  /\b(?:real person|live person|human being|live agent|a human|an agent|representative|operator|actual human|real human)\b/,
  /\b(?:want|need|prefer|rather have) (?:a |an |to talk to a |to speak to a )?(?:person|human|people)\b/,
  /\b(?:connect|transfer|put) (?:me|us) (?:with|to|through to)\b/,
  /\b(?:get|have|receive) (?:a )?(?:phone call|call back|callback|call from)\b/,
  /\b(?:number i can call|number to call|who (?:do|can|should) i call)\b/,
  /\bsign (?:me|us|him|her|them|my \w+(?: \w+)?) up\b/,
  /\bbook (?:me|us|him|her|an?|my)\b/,
  /\bready to (?:do this|go|start|begin|get help|get started|commit|come in|sign up|enroll)\b/,
  /\bget (?:me|him|her|them|my \w+(?: \w+)?) (?:enrolled|signed up|admitted|into (?:your|the|this) program|into treatment|into iop|in to see|started)\b/,
  /\bhelp my (?:son|daughter|husband|wife|partner|boyfriend|girlfriend|mom|mother|dad|father|brother|sister|friend|kid|child) please\b|\bplease help my\b/,
  /\b(?:how (?:do|can|would) (?:i|we|he|she|my \w+) (?:enroll|enrol|sign up|get started|start|register|apply|get in|get admitted|be admitted|join|begin|book|schedule))\b/,
  /\b(?:want|ready|like|need|wish) to (?:enroll|enrol|sign up|get started|start treatment|start the program|start iop|register|apply|get admitted|be admitted|join the program|get help|book|schedule (?:an|a) (?:appointment|assessment|intake))\b/,
  /\b(?:i need help|we need help|need help for my|need help with my|get help for my|help for my (?:son|daughter|husband|wife|partner|mom|mother|dad|father|brother|sister|friend|kid|child|boyfriend|girlfriend|loved one))\b/,
  /\b(?:schedule|book|set up|make) (?:an |a )?(?:appointment|assessment|intake|consultation|evaluation)\b/,
];

// Nearly every question is not one of these: skipping the rules whose words
// it lacks spares compiling them all on a first question (as in crisis.ts).
/** The rules' patterns, each with the strings one of which a match needs. */
export const personRules = prefiltered('person', WANTS_PERSON);

/** True when the visitor asks for a person or to begin treatment. */
export function wantsPerson(text: unknown): boolean {
  const s = normalize(text);
  return personRules().some(({ pattern, need }) => mayMatch(need, s) && pattern.test(s));
}
