/**
 * Words that carry no topic in a visitor's question.
 *
 * lunr 2.3.9's English list (copied: it is not exported) plus chat filler.
 * Deliberately kept out: long, first, work, week, hours, many, much, need,
 * start, cost: they carry the meaning of "how long", "detox first", "how much".
 */
const LUNR_ENGLISH =
  'a able about across after all almost also am among an and any are as at be because been but by can cannot could dear did do does either else ever every for from get got had has have he her hers him his how however i if in into is it its just least let like likely may me might most must my neither no nor not of off often on only or other our own rather said say says she should since so some than that the their them then there these they this tis to too twas us wants was we were what where which while whom will with would yet you your';

const CHAT_FILLER =
  'whats hows wheres hi hello hey thanks thank please pls plz ok okay um uh hmm question questions mean really actually anyone something thing things im ive id u ur ya yeah yes yep kind sort lot tell know want wanna gonna gotta ' +
  'wtf lol omg idk tbh btw rn yall guys basically literally honestly kinda sorta anyway anything everything whatever stuff pretty lately nobody anybody somebody also still even ever wondering wonder curious hear heard hearing ' +
  'wat wut wht hw try trying tried figure usually exactly roughly whole here way';

export const STOP_WORDS: ReadonlySet<string> = new Set(`${LUNR_ENGLISH} ${CHAT_FILLER}`.split(' '));
