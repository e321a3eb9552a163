// The structural English clause model of the compliance check (issue 9, round 10).
//
// The phrase patterns of compliance.ts were tuned sentence by sentence and catch little more than
// the wording they were tuned on (0.55-0.61 recall on replies by writers who never saw them). A
// promise is a shape, not a phrase: WHO (the bank; the client or the client's money; the product)
// is said, with WHAT certainty, to do WHAT (recover; not lose; be safe; be paid back; earn 4%).
// So this model reads a sentence clause by clause and finds, in each clause,
//   (a) the holder: the bank (we, I, the branch), the client (you), the client's money (principal,
//       capital, savings) or the product (it, the fund, the NAV, prices);
//   (b) the modality: a future or a certainty (will, is going to, bound to, I promise, trust me, a
//       present tense with a date: "it recovers by spring") versus a hedge (may, could, hope, if,
//       whether, depends, nobody can say);
//   (c) the polarity, with its scope: a negator between the holder and the verb negates the verb
//       ("you won't lose"); one before the holder negates the whole statement ("we cannot promise
//       you won't lose", "no one can say it will recover");
//   (d) the class of the outcome verb: recovery, loss, safety, making good, a return with a number.
// and combines them: certainty + recovery = certain-outcome; certainty + a negated loss, or the
// safety of the client's money asserted = no-loss-promise; the bank + making good, not hedged and
// not left to due process = compensation-promise; the client + a return verb + a number =
// benchmark-as-return.
//
// It works on the normalised text (compliance.ts's normaliseQuick), lower-cased here letter by
// letter so offsets stay those of the text, and returns spans; checkText drops a span that is
// quoted and distanced or denied later in its sentence (the helpers of compliance.ts), then reports
// it like any pattern's. The phrase patterns stay: they carry the banned words, the superlatives
// and the odd forms; this model carries the classes.
//
// Round 11 added classes the verb model does not reach (no loss as a universal or a record, a loss
// denied to exist, recovery as a certainty noun, ellipsis and short answers to questions, guarantors,
// yields stated as the client's, making good in other words) and englishNotAPromise, the veto on
// meta-language (history, quoted terms, others' claims corrected, questions answered no) that
// compliance.ts also applies to its English phrase patterns.

import type { ComplianceRule } from "./compliance";

export interface ClauseHit {
  rule: ComplianceRule;
  index: number;
  end: number;
}

// ---- sentences and clauses ----

interface Span { s: number; e: number }

/** A sentence ends at . ! ? or a line break ("." not in 4.5%, p.a., Mr., e.g.). */
function sentences(t: string): Span[] {
  const out: Span[] = [];
  let s = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    let end = c === "!" || c === "?" || c === "\n";
    if (c === ".") {
      const next = t[i + 1] ?? " ";
      end = /\s|["”’')]/.test(next) && !/\b(?:p\.a|e\.g|i\.e|etc|approx|vs|mr|mrs|ms|dr|no|st)$/.test(t.slice(Math.max(0, i - 6), i));
    }
    if (end) { if (i > s) out.push({ s, e: i }); s = i + 1; }
  }
  if (t.length > s) out.push({ s, e: t.length });
  return out;
}

// A clause ends at , ; : a dash or a bracket (not the "," of 10,000), and starts again at the
// words that turn a sentence (but, although): a hedge or a negation in one clause does not reach
// into the next ("don't worry, you won't lose" is a promise).
const CLAUSE_BREAK = /[;:()—–]|,(?!\d{3})| - |\b(?<!(?:nowhere|anything|all|nothing) )(?:but|although|though|whereas|however|except|yet)\b/g;
function clauses(t: string, sp: Span): Span[] {
  const out: Span[] = [];
  const text = t.slice(sp.s, sp.e);
  let s = 0;
  for (const m of all(CLAUSE_BREAK, text)) {
    const i = m.index!;
    if (i > s) out.push({ s: sp.s + s, e: sp.s + i });
    s = i + (/^[a-z]/.test(m[0]) ? 0 : m[0].length);
    if (/^[a-z]/.test(m[0])) s = i; // the turning word starts the next clause
  }
  if (text.length > s) out.push({ s: sp.s + s, e: sp.e });
  return out.filter((c) => /[a-z]/.test(t.slice(c.s, c.e)));
}

// ---- the parts of a clause ----

// Phrases that look like negators or hedges and are neither: blanked (same length) before the
// clause is read. "Don't worry", "no doubt", "no matter what" reassure; "not only" adds.
const NEUTRAL = /\b(?:don't|do not|no need to|not to|never) (?:you )?(?:worry|panic|fret|stress|be afraid|be scared|lose sleep)\b|\bnothing to (?:worry|fear|stress) about\b|\bno (?:need to )?(?:worries|stress|panic)\b|\bnever mind\b|\bno doubt(?: about it)?\b|\bwithout (?:a |any )?(?:shadow of (?:a )?)?(?:doubt|question)\b|\bno question(?: about it)?\b|\bno matter what\b|\bnot only\b|\bno problem\b|\bnot a problem\b|\bno contest\b|\bno ifs,? (?:and|or) buts\b|\bnot a (?:single )?(?:penny|cent) less\b|\b(?:no|not) less than\b|\bexpects? (?=with (?:full|complete|total|absolute) confidence)|\b(?:i|we) (?:wish|want|would like|'d like) to (?=(?:re)?assure|confirm|inform|let you know|tell you|remind)|\b(?:if|as long as|so long as|provided(?: that)?)\s+(?:you|u)\s+(?:just\s+|simply\s+|only\s+)?(?:hold|stay|keep|wait|sit tight|give it|don't sell|do not sell|don't redeem|do not redeem|stick|ride|remain|hang on|leave it)(?:\s+(?:it|on|in|invested|tight|with it|to maturity|until maturity|till maturity|the course|it out|(?:for )?(?:a few|\w+|\d+) (?:more )?(?:months?|years?|quarters?)|a while|time))*\b/g;
// Staff told what they may say ("you may say", "RMs can tell clients that"): the modal is the permission, not a hedge.
const TOLD_TO_SAY = /\b(?:you|rms?|staff|agents?|advisers?|advisors?|we|they|colleagues|branches) (?:may|can|could|should) (?:(?:say|reply|answer|respond)(?: with)?|offer|reassure (?:\w+ ){0,4}?(?:clients|customers|investors|them)(?: that)?|tell (?:them|him|her|clients|customers|investors|the client|the customer)|inform (?:\w+ ){0,3}?(?:clients|customers|investors|them)(?: that)?)\b/g;
const blank = (s: string) => s.replace(NEUTRAL, (m) => " ".repeat(m.length)).replace(TOLD_TO_SAY, (m) => " ".repeat(m.length))
  // "can't possibly lose": the adverb strengthens the negation, it is no hedge.
  .replace(/\b(can't|cannot|couldn't|could not|can not) possibly\b/g, (m, w: string) => w + " ".repeat(m.length - w.length));

// Certainty said about the statement, anywhere in its sentence.
const BOOSTER = /\b(?:zero doubt|(?:we|you and i) both know|like clockwork|no doubt in my mind|(?:it's|it is|that's|that is) a (?:certainty|given|sure thing|done deal|foregone conclusion)|(?:you can )?(?:count|bank) on it|take it to the bank|mark (?:this|it) down|confirm plus chop|confirm chop|with (?:full|complete|total|absolute) confidence|full confidence|(?:re)?assure you|regardless of (?:the )?(?:market|what|how|nav)|definitely|definately|surely|certainly|for sure|for certain|undoubtedly|absolutely|100 ?%|100 percent|a hundred percent|guaranteed|no doubt|without (?:a |any )?(?:shadow of (?:a )?)?doubt|no question|mark my words|trust me|take it from me|believe me|rest assured|(?:i|we) (?:can )?promise|promise you|(?:i|we) (?:can )?(?:guarantee|assure you|confirm)|assure you|you have my word|my word|(?:i|we)(?:'m| am|'re| are) (?:sure|certain|confident|positive|telling you)|i'm telling you|i tell you|i bet|i'd bet|stake my|as sure as|sure thing|dead cert|no matter what|whatever happens|inevitabl[ey]|without fail|sooner or later|only a matter of time|no two ways about it|(?:you can |u can )?(?:count|bank|rely) on (?:that|this)(?! \w)|pencil (?:it|that|this) in|always|invariably|bound to|sure to|certain to|guaranteed to|can't fail to|cannot fail to|no way (?:it|this|that|the \w+) (?:won't|doesn't|isn't|can't))(?![a-z])/;
// A hedge or a condition: the statement is a possibility, a question or a view, not a promise.
const HEDGE = /\b(?:may|might|could|should|would|maybe|perhaps|possibly|possible|hope|hopes|hoping|hopefully|wish|likely|unlikely|probably|(?:expect|expects|expected|expecting|predict|predicts|forecast|forecasts)(?= (?:that|it|the|a|an|to|this|prices|markets|rates|bonds|you|u|when|whether|what|how)\b)|if|whether|unless|depends?|depending|assum(?:e|es|ing)|estimate[sd]?|think(?! of (?:it|this|that|the|these|those)\b)|thinks|believe(?! me)|believes|feel|guess|suppose|usually|often|typically|historically|tend to|tends to|in theory|not sure|uncertain|(?:nobody|no one)(?= (?:\w+ )?(?:knows?|can|could|is (?:able|sure|certain)|predicts?|tells?|says?|guarantees?|promises?))|opinion|view|scenario|illustrat\w*|relatively|fairly|reasonably|generally|comparatively)\b|\bchance\b(?<!\b(?:no|zero|not a|nary a) chance)/;
// Negating a promise, anywhere in the sentence: the sentence disowns what it says.
const DISOWN = /\b(?:can't|cannot|can not|could not|couldn't|won't|will not|unable to|not able to|not in a position to|not allowed to|not permitted to|never) (?:\w+ )?(?:promise|guarantee|assure|say|tell|predict|know|confirm|commit)\b|\bno (?:guarantee|promise|assurance|certainty|one knows|one can)\b|\bnot (?:guaranteed|a promise|promised|a forecast|certain)\b|\bnobody (?:can|knows|could)\b|\bno one (?:can|knows|could)\b/;
// Speech reported, asked or believed by someone: a mention, not the writer's own promise.
const REPORTED = /\b(?:told|tells|said|says|say|heard|asked|asks|ask|mentioned|claim(?:s|ed)?|wrote|messaged|texted|believed|thought|assumed|rumou?r\w*|suggest(?:s|ed)?|described|quoted|insisted|impression|promised|implied|was told|were told|question|states|stated|alleg\w*|according to|complain(?:s|ed)?|recalls?|recalled)\b/;
// An outer negator (before the holder): the whole statement is negated ("no one can promise it
// will recover"). "No way" and its kin deny the opposite outcome instead (see IMPOSSIBLE).
const NEGATOR = /\b(?:not|no|never|cannot|nobody|none|nothing|neither|nor|without|unable|hardly|isnt|arent|wasnt|werent|dont|doesnt|didnt|cant|wont|couldnt|wouldnt|shouldnt)\b|n't\b|\bno one\b/;
const IMPOSSIBLE_G = /\b(?:no|zero|not a|not any|little|without any) (?:way|chance|risk|danger|possibility|scenario|prospect|circumstances?|situation|case|world)\b|\b(?:impossible|not possible|can't possibly|cannot possibly|can't see|cannot see|can't imagine)\b/g;
const IMPOSSIBLE = new RegExp(IMPOSSIBLE_G.source);
// Words that make the holder the grammatical object or a question: "did they tell you it would".
const QUESTION = /\?/;

// The holders.
const CLIENT = /\b(?:you|u|ya|ye)\b/g;
// Longer names first: the alternation takes the first that matches ("this nav", not "this").
const ASSET = /\b(?:(?:funds|products|markets|bonds) like (?:this|these|ours)|these (?:funds|products)|(?:the|this|that|your|ur|its|our) (?:unit |net )?(?:fund|product|nav|value|price|market|markets|portfolio|investment|holding|position|plan|note|units?|bond market|bonds?|valuation|asset value|share price|money|savings|capital|principal|balance|account|returns?|one|thing)|(?:your|ur) (?:hk\$|us\$|\$|rmb ?)?[\d,.]+k?|(?:our|the|these|those|such|bank|bank wealth|wealth) (?:\w+ )?(?:products|funds|plans|notes)|(?:every|each|per|for every) (?:hk\$|us\$|\$|rmb ?)?[\d,.]+k?(?: (?:you|u) (?:put in|invest))?|these|those|they|it|this|that|things|everything|markets|prices|bonds)\b/g;
const MONEY = /\b(?:your|ur) (?:(?:original|initial|full|whole|entire) )?(?:hk\$|us\$|\$|rmb ?|cny ?)?\d[\d,.]*k?\b|\b(?:(?:your|ur|the|my|his|her|their) )?(?:(?:original|initial|full|whole|entire) )?(?:principal|capital|money|investment|savings|funds|nest egg|stake|deposit|(?:hk\$|us\$|\$|rmb ?|cny ?)[\d,.]+k?)\b|\b(?:what|the money|everything|all) (?:you|u) (?:put in|invested|paid|started with)\b/g;
const LOSS_NOUN = /\b(?:the|this|that|your|its) (?:(?:whole|entire|current|recent|present|temporary|little|small|paper|unrealised|unrealized) )?(?:dip|drop|fall|loss|losses|decline|drawdown|slump|correction|paper loss|shortfall)\b/g;
const BANK = /\b(?:(?:the|our|my) (?:[a-z-]+ )?(?:bank|branch|team|company|firm|manager|department|desk|office|group)|we|i|us|management|head office)\b/g;

// The modality between the holder and its verb.
const FUTURE = /(?:'ll|\bwill|\bshall|\b(?:is|are|'s|'re|am|'m) (?:going to|gonna|set to|about to|bound to|sure to|certain to|guaranteed to|destined to|on (?:its|the|track|course) (?:way )?to)|\bgoing to|\bgonna|\bbound to|\bsure to|\bcertain to|\bguaranteed to|\b(?:is|are) (?:\w+ly )?(?:designed|structured|built|engineered) to|\bhas to|\bhave to|\bmust|\bcan only|\bcan't fail to|\bcannot fail to)\b/;
const LOCAL_HEDGE = /\b(?:may|might|could|should|would|can|probably|possibly|perhaps|likely|hopefully|eventually\b(?=.*\b(?:may|might|could)))\b/;
// A present tense with a date makes a forecast: "it recovers by spring", "you're in profit next year".
const WHEN = /\b(?:by|before|within|come|until|in) (?:the )?(?:end of |next |this |a |two |three |six |few |couple of |\d+ |\w+ )?(?:week|month|quarter|year|spring|summer|autumn|fall|winter|christmas|new year|chinese new year|maturity|q[1-4]|year[- ]end|time)s?\b|\bnext (?:week|month|quarter|year|spring|summer|autumn|winter)\b|\bsoon\b|\bshortly\b|\bin no time\b|\beventually\b|\bin the end\b/;

// Recovery verbs that say as much about a queue, a form or a mood: a recovery only in a market context.
const WEAK_RECOVERY = /^(?:ris|rose|grow|gain|pick|turn|(?:be|is|are|'s) (?:back|up)|(?:be|is going to be) (?:just )?(?:fine|ok|okay|all right|alright)|come|comes|coming|came|climb|(?:go|goes|going|gone) (?:back )?up|head|revers|sort|right|be higher|go higher|move higher)/;
const VAGUE_HOLDER = /^(?:it|this|that|these|those|they|things|everything|this one|that one|this thing)$/;
const MARKET_CONTEXT = /\b(?:nav|navs|price|prices|value|valuation|fund|funds|market|markets|portfolio|loss|losses|lost|dip|drop|fall|fell|down|bonds?|rates?|yields?|purchase|bought|paid|entry|investment|holding|units|profit|green|black|red|recover\w*|rebound\w*|money|principal|capital|savings|sell|selling|sold|redeem\w*|redemption|hold on|sit tight|maturity|low|lower|crash\w*|cris[ie]s|downturns?|sell-?offs?|recessions?|cycles?|matter of (?:time|waiting)|waiting game)\b|\d\.\d/;
// The outcome classes. Each is a verb phrase, matched in a clause after its holder.
const RECOVERY = /\b(?:recover(?:s|ed|ing)?(?! (?:the|your|my) (?:cost|fee|document|file|password|account details|data))|rebound(?:s|ed|ing)?|(?:rocket|shoot|spring|jump|snap|surge|soar|zoom|claw)(?:s|ed|ing)? (?:back|up)|bounc(?:e|es|ed|ing)(?: back)?|(?:come|comes|coming|came) (?:(?:straight|right|all the way) )?(?:back|good|right)(?! to (?:you|u|me|us|the)\b| (?:in(?! the end| the long run)|on|at|with|tomorrow|later|next)\b)|climb(?:s|ed|ing)?(?: back)?|(?:rise|rises|rising|rose)(?: again| back)?(?! (?:and|or) fall)|(?:go|goes|going|gone) (?:straight |right )?(?:back )?(?:up|higher)(?! (?:and|or) (?:down|lower))|head(?:s|ed|ing)? (?:(?:straight|right|all the way) )?(?:back|up|higher)|(?:get|gets|getting|got|earn|earns|make|makes|made|win|wins|won) (?!(?:\w+ ){0,3}?(?:calls?|ring|reply|replies|answers?|response|e-?mails?|letters?|messages?|texts?|updates?|word|forms?|documents?|paperwork|statements?|receipts?|cards?|passport|id|cop(?:y|ies)|feedback|confirmation|results?|decision|keys?|call-back|callback) back\b)(?:\w+ ){0,5}?back(?! (?:to (?:you|u|me|us)|in touch|with|on track))|have (?:all (?:of )?)?(?:your|ur|the) (?:money|investment|capital|principal|savings|losses?)(?: \w+)? back|break(?:s|ing)? even|recoup(?:s|ed)?|regain(?:s|ed)?|turn(?:s|ed|ing)? (?:around(?! (?:your|the|a|an|this|that|my|our|it)\b)|positive|a profit|green)|pick(?:s|ed|ing)? (?:back )?up|revers(?:e|es|ed)|(?:disappear|vanish|unwind)(?:s|ed)?|(?:go|goes) away|be (?:gone|erased|wiped out|temporary|short-lived)|(?:be|is|are|'s|'re) (?:\w+ )?(?:back )?(?:in|into) (?:the )?(?:profit|black|green|positive territory)|(?:back )?in the (?:black|green|money)|in profit|be (?:\w+ )?(?:laughing|quids in|sitting pretty|smiling)|(?:be|is|are|'s|'re) (?:\w+ly )?(?:back )?above|(?:be|is|are|'s|'re) (?:\w+ )?(?:clear of|over|past) (?:your|the|what (?:you|u)) (?:\w+ )?(?:purchase|entry|buying|cost|paid|original|initial)|(?:be|is|are|'s) back(?! (?:in touch|to (?:you|u|work|me)|with|at|on (?:the )?(?:phone|shelf|sale|offer)|in (?:your|the|my) (?:account|hands|office)))|(?:be|is|'s) (?:back )?up(?! to (?:you|u|date|speed)| for| on (?:the )?(?:app|website|site|portal)| and running)|(?:be|is|are) worth more|(?:be|is|are|get|gets) restored|(?:be |is |'s )?trading (?:\w+ly )?(?:back )?above|return(?:s)? above|(?:going|heading|go) nowhere but up|(?:be|is going to be) (?:just )?(?:fine|ok|okay|all right|alright)|see (?:the |your |its |it )?(?:\w+ )?(?:return|recover|rebound|come back|bounce back|go up|rise|climb)|(?:return|returns|returning) to (?:par|its|the|your|their|where|what|profit|positive|\d)|on (?:its|the|their) way (?:back|up)|end(?:s)? (?:the year |up )?(?:higher|in profit|ahead|in the (?:green|black))|(?:grow|grows|growing)|(?:gain|gains)(?! (?:access|a sense|insight|experience))|make (?:a |some |good |decent )?(?:profit|money|gains?)|(?:be|come out) ahead|right itself|sort itself out|go higher|move higher|trend higher|be higher|be up|(?:be|get|gets|getting|is|are|'s|'re|climb|climbs|dig|digs) (?:\w+ )?out of the (?:hole|red|woods)|out of the hole|(?:be|get|gets|is|are|'s|'re) (?:\w+ )?back (?:to (?:even|square one|par|breakeven|where (?:you|it|they|we) (?:started|bought|were|was|began))|where (?:you|it|they) (?:started|bought(?: it| in)?|were|was))|(?:be|is|are) whole again|(?:be|is|are) (?:worth|back to) (?:at least |more than )?what (?:you|u) (?:paid|put in|invested)|(?:make|makes|made|making) up (?:\w+ ){0,4}?(?:the|your|this|that|its|all the|every bit of the) (?:\w+ )?(?:loss|losses|drop|fall|dip|decline|ground|shortfall|drawdown)|end(?:s)? (?:the year |up )?(?:in positive territory|positive|in the plus)|end(?:s)? the (?:year|quarter|month|term) (?:up|higher|ahead)|evaporat(?:e|es|ed)|melt(?:s|ed)? away|(?:be|is|are) (?:all |just |long )?(?:history|behind (?:you|us)|(?:a |an )?(?:bad |distant |faint |vague )?memory|water under the bridge|forgotten|(?:a |just a |only a |merely a )?(?:blip|hiccup)|(?:only |just |merely )?(?:temporary|short-lived))|correct(?:s|ed)? (?:itself|themselves)|right(?:s|ed)? (?:itself|themselves)|sort themselves out|(?:go|goes|going|head|heads|heading|get|gets|getting|be) (?:straight |right )?back (?:up )?to (?:\d|(?:your|its|the|their) (?:\w+ )?(?:purchase|entry|original|initial|buying|starting) (?:price|level|value|cost|nav)))\b/g;
const LOSS = /\b(?:los(?:e|es|ing)(?! (?:track|touch|sight|contact|patience|access|heart|hope|sleep|your (?:place|seat|spot))\b)(?! (?:\w+ ){0,2}?more than)|lose out|disappear(?:s)?|vanish(?:es)?|go(?:es)? missing|evaporat(?:e|es)|fall(?:s|ing)?(?! (?:in line|into place|short of (?:your )?expectations|on|to|under|within|through|due|behind on|into (?:the|a|line)))|drop(?:s|ping)?|declin(?:e|es|ing)|shrink(?:s|ing)?|(?:go|goes|going) (?:down|lower|below|under|anywhere|backwards?)|dip(?:s|ping)? (?:below|under)|sink(?:s|ing)?|(?:be|is|are|'s|'re) (?:a |one )?(?:single )?(?:cent|penny|dollar|yuan|dime|bit|thing) (?:down|short|worse off|poorer|out of pocket|behind)|ends? (?:up )?(?:\S+ ){0,3}?(?:below|lower|down|in the red|with less|behind|short|out of pocket|worse off|losing|poorer)|(?:be|is|are|'s|'re) (?:at risk|exposed|vulnerable|lost|out of pocket|worse off|in the red|eroded|reduced|wiped out|hurt|dented|down|in danger|in jeopardy|touched|affected)|(?:at (?:any |the slightest |real )?risk|in danger|in jeopardy|out of pocket|worse off|in the red)|(?:ends?|turns? out|goes|go) (?:badly|wrong)|(?:take|takes|taking|took) (?:a |any )?(?:\w+ )?(?:hit|loss|haircut|knock|beating)|(?:see|suffer|suffers|incur|face|book|make|have|realise|realize|result in|results in|lead to|leads to|cause|causes|mean|means|involve|involves|end in|bring) (?:\S+ ){0,4}?(?:loss(?:es)?|drop)\b|come out (?:behind|worse|with less|short|down)|(?:get|receive|walk away with|come away with|end up with) (?:back )?less|(?:be|is) less than|happen to)\b/g;
const SAFE = /\b(?:is|are|'s|'re|will be|'ll be|remains?|stays?|will (?:stay|remain)|(?:is|are) going to (?:be|stay)|(?:is|are) kept|sits?) (?:\S+ ){0,2}?(?:safe|secure|secured|safeguarded|protected|intact|untouched|untouchable|whole|preserved|fine|ok|okay|sound|covered|ring-?fenced|shielded|insulated|sheltered|rock[- ]solid|ironclad|watertight|bulletproof|in safe hands|in good hands|out of harm's way|going nowhere|not going anywhere|all there|fully there)\b(?! to\b)/g;
const COMP = /\b(?:restor(?:e|es|ing) (?:your|ur|the) (?:\w+ )?(?:holding|investment|value|money|capital|principal|units|balance)\b(?! access)|compensat(?:e|es|ing)(?! (?:you )?for (?:the |any |this |that )?(?:[\w$]+ ){0,4}?(?:delay|inconvenience|wait|waiting|time|trouble|late|fee|fees|charge|charges|error|mistake))|offer(?:s|ed|ing)? (?:you |u )?(?:\w+ )?(?:compensation|reimbursement|a refund|redress|a payout|a goodwill payment)|(?:pay|give|gives) (?:you |u )?(?:\w+ )?(?:compensation|a refund|a goodwill payment)|(?:take|takes|accept|accepts|bear|bears) (?:full )?responsibility for (?:your|the|any|all) (?:\w+ )?loss(?:es)?|reimburs(?:e|es|ing)(?! (?:you )?(?:for )?(?:the |your |any |that )?(?:[\w$]+ ){0,4}?(?:fee|fees|charge|charges|cost|costs|postage|courier|parking|expenses?|taxi)\b)|refund(?:s|ing)? (?:you|your|the|any|all|whatever|what|it|that|every)(?! (?:[\w$]+ ){0,4}?(?:fee|fees|charge|charges|cost|costs|postage|courier)\b)|make(?:s)?[- ]good|(?:make(?:s)? (?:you|u|it|things|this) (?:whole|right|good)|(?:put|puts|set|sets) (?:it|this|that|things) right)(?! by (?:review|look|investigat|explain|check|handl|listen|call|talk|meet|apologi)\w*)|make(?:s)? it up to (?:you|u)|make(?:s)? up (?:for )?(?:the |your |any |all |whatever |what |that |this |it |every )?(?:\w+ )?(?:loss|losses|difference|shortfall|gap|drop|decline|deficit|you lost|it\b|that\b)|(?:cover|covers|absorb|absorbs|bear|bears|eat|eats|swallow|foot|shoulder|take|takes|pick up|picks up|picked up|settle|square|offset|offsets|cancel out|take care of|takes care of|deal with|sort out|handle) (?:up )?(?:for )?(?:(?:part|some|most|half|much|a (?:big |large |good )?(?:part|chunk|portion|share|bit)) of )?(?:the |your |their |any |all |whatever |what |that |this |every )?(?:full |entire |whole )?(?:\w+(?:'s|s')? )?(?:loss|losses|shortfall|difference|gap|drop|decline|deficit|hit|dip|fall|slide|bill|tab|you(?:'ve)? lost|you lose|(?:\d+% )?(?:you're|you are) down|cost of (?:the |your )?(?:loss|losses|drop|decline|fall))|(?:absorb|absorbs|eat|swallow) (?:it|that|this)\b|top(?:s)? (?:you|u|it|your \w+|the \w+) up|top(?:s)? up (?:you|u|your|the|any|what|whatever|it)|(?:pay|pays|hand|hands|give|gives) (?:you |u )?(?:(?:part|some|most|half|all|a bit|a portion|a share) of (?:it|that|this|the (?:loss|difference|money|shortfall)) )?back|pay(?:s)? (?:you |u )?(?:back|the difference|the shortfall|the gap|for the loss|what you lost|for what you lost|your loss)|repay(?:s)? (?:you|u|your|the|what)|covers? (?:you|u|clients|customers)\b(?! (?:in|at|on)\b)|(?:credit|payment|amount|sum|bonus|rebate|voucher|coupon|top-up)s? (?:\w+ )?(?:equal to|matching|to match|that matches|covering|worth) (?:the |your |their |what )?(?:paper |full |entire )?(?:drop|loss|losses|difference|shortfall|decline|you lost)|make sure (?:that )?(?:you|u)(?:'re| are| will be|r)? (?:\w+ )?(?:whole|compensated|reimbursed|refunded|repaid|paid back|covered)|make sure ur (?:\w+ )?(?:whole|compensated|reimbursed|refunded|covered)|(?:give|gives|return|returns|get|gets) (?:you |u )?(?:your |ur |the )?(?:money|loss|losses|difference|shortfall|it|that|what you lost)(?: \w+){0,2}? back|(?:return|returns) (?:what you lost|the difference|your loss)|credit(?:s)? (?:you|u|your account)(?: \w+){0,3}? (?:with )?(?:the difference|the loss(?:es)?|your loss(?:es)?|what you(?:'ve)? lost|the (?:full |whole |entire |exact )?(?:amount|money|sum) you(?:'ve)? lost|the shortfall|\d)|settle the difference|square (?:it|things|this) (?:off|up)|(?:throw|throws|chip|chips|kick|kicks|put|puts|chuck|chucks|add|adds) in (?:the |your |any |what |whatever )?(?:\w+ )?(?:difference|shortfall|gap|loss|losses|you(?:'ve)? lost)|square (?:you|u) up|sorts? (?:you|u) out)/g;
const COMP_PASSIVE = /\b(?:loss|losses|shortfall|difference|gap|drop|decline|decrease|reduction|deficit|dips?|falls?|hit|what you lost|the money you lost|any \w+ you (?:suffer|lose|make))\b(?:[^,;.!?]|\.(?=\d)){0,30}?\b(?:will|'ll|shall|is going to|are going to|gets?|get|is|are)\s+(?:be\s+)?(?:fully\s+|all\s+|simply\s+)?(?:covered|made up|made good|reimbursed|refunded|compensated|absorbed|paid back|repaid|topped up|borne by (?:us|the bank|the branch|me)|taken care of|on us|on the bank|on me|(?:met|settled|paid|handled|absorbed|made good|cushioned|softened|offset|borne|picked up|covered|made up|topped up) by (?:us|me|the bank|the branch|our bank|our branch|head office|the group))\b/g;
const CLIENT_PAID = /\b(?:you|u)(?:'ll| will|'re going to| are going to| shall)\s+(?:\w+\s+)?(?:be|get)\s+(?:fully\s+|properly\s+|personally\s+)?(?:compensated|reimbursed|refunded|repaid|paid back|made whole|your (?:losses|loss) (?:back|refunded|covered)|your money refunded)\b/g;
// Making good left to due process (a review, a complaint, the rules) is honest: redress is decided
// there, not promised here.
const DUE_PROCESS = /\b(?:review|reviews|investigat\w+|complaint|finds?|found|upheld|ruling|ruled|decision|determin\w+|established|proven|shown|mis-?sold|mis-?selling|unsuitable|liable|at fault|fault|error|mistake|entitled|eligible|rules|regulations?|regulator|ombudsman|mediation|court|arbitration|assessment|outcome|procedure|process|policy|terms)\b/;
const DUE_PROCESS_IF = new RegExp(`\\b(?:if|whether|unless|once|when|should|in case|in the event|subject to|pending|depending on|where)\\b[^,;]*${DUE_PROCESS.source}`);
// "... if you drop the complaint": making good as the price of silence is no due process but a bargain.
const BARGAIN = /\b(?:if|as long as|provided|once|so long as) (?:you|u) (?:agree to )?(?:drop|withdraw|pull|retract|don't (?:file|escalate|pursue|report)|do not (?:file|escalate|pursue|report)|stop|keep (?:it|this) (?:quiet|between us)|sign)\b|\boff the record\b|\bbetween (?:you and me|us)\b/;
const leftToDueProcess = (sentence: string) => !BARGAIN.test(sentence) && DUE_PROCESS_IF.test(sentence);
const COMP_HEDGE = /\b(?:may|might|could|would|possible|possibly|consider|considering|discuss|explore|request|requests|requested|ask|asks|asked|apply|claim|claims|wish|want|wants|hope|hoping|whether|if (?:you|u) (?:want|wish|like|ask|request))\b/;

// "4% is what you'll get", "that's the return you can count on", "which is what lands in your account":
// the number stated earlier in the sentence, the client made its receiver.
const WHAT_YOU_GET = /\b(?:is|'s|are|that's|thats|which is|this is|that is)\s+(?:exactly |precisely |just |basically |simply )?(?:what|the (?:return|yield|rate|amount|income|interest|money|figure|number)(?: that)?)\s+(?:(?:you|u)(?:'ll| will|'re| are| can| shall)?\s*(?:going to |gonna )?(?:be )?(?:actually )?(?:get|gets|getting|receiv\w*|earn\w*|pocket\w*|make|making|be paid|paid|collect\w*|count on|expect|take home|walk away with|end up with|see)|(?:lands|goes|ends up|winds up|gets paid(?: out)?|is paid(?: out)?|will be paid(?: out)?|(?:will be |gets |is )?(?:credited|deposited|transferred)|comes|arrives)\s+(?:in(?:to)?|to)\s+(?:you|u|your)|(?:we|i|the bank|the product|it)(?:'ll| will| are going to| is going to| shall)?\s+(?:pay|give|credit|hand|send)(?: out)? (?:to )?(?:you|u))\b/g;
const HARM_DENIED = /\b(?:can't|cannot|can not|cant|won't|wont|will not|will never|never|isn't going to|is not going to|doesn't|does not|couldn't)\s+(?:\w+\s+)?(?:touch|affect|hurt|dent|reduce|erode|eat into|harm|impact|threaten|put at risk|endanger|wipe out|shrink)\s+(?:your |the |ur )?(?:\w+ )?(?:principal|capital|money|savings|investment)\b/g;
const NO_DOWNSIDE = /\b(?:no|zero|nil|without any)\s+(?:real |actual |possible )?(?:downside|risk (?:to|for) (?:you|u|your \w+)|(?:chance|possibility|risk) of (?:a |any )?loss)\b/g;
const COMP_PURPOSE = /\bto (?:(?:soften|cushion|ease|lessen|take the sting out of) (?:the |this |that )?(?:blow|pain|hit|sting|loss)|compensate(?: you)?(?: for)?|make up for|offset|make it up to (?:you|u)|make (?:you|it|things) (?:whole|right)|cover (?:what you lost|your loss(?:es)?|the loss(?:es)?|the (?:drop|decline|difference|shortfall)))\b/g;
const RETURN_FIXED = /\b(?:your|ur)\s+(?:\w+\s+)?(?:return|yield|income|payout|interest|coupon|gain|profit)s?\s+(?:(?:from|on) (?:this|the|your) \w+\s+)?(?:will be|'ll be|is going to be|is set to be|shall be)\s+(?:\S+\s+)?(?:\d[\d.]*\s*(?:%|percent)|(?:one|two|three|four|five|six|seven|eight|nine) (?:point \w+ )?percent)|(?:\d[\d.]*\s*(?:%|percent)|(?:one|two|three|four|five|six|seven|eight|nine) (?:point \w+ )?percent)(?:\s+\S+){0,2}?\s+(?:is|are|will be)\s+(?:still\s+)?(?:coming|going|heading|paid|credited) (?:to you|to u|your way|into your account|to your account)|\b(?:your|ur)\s+(?:annuali[sz]ed |annual |expected |target |fixed )?(?:return|yield|rate|income|interest|payout|coupon)s?\s+(?:(?:from|on) (?:this|the|your) \w+\s+)?(?:is|are|will be|'s|stays|remains)\s+(?:\S+\s+)?(?:locked(?: in)?|fixed|guaranteed|assured|secured|set)\s+(?:at\s+)?(?:\d[\d.]*(?:\s*-\s*\d[\d.]*)?\s*(?:%|percent)|(?:one|two|three|four|five|six) (?:point \w+ )?percent)|\b(?:your|ur|the|that|this)\s+(?:(?:fixed|full|annual|whole|agreed|promised|guaranteed|target) )?\d[\d.]*\s*(?:%|percent)(?:\s+(?:a year|p\.?a\.?|annual(?:ly)?|return|yield))?\s+(?:is|are|will be|stays|remains)\s+(?:\S+\s+)?(?:locked in|locked|fixed|guaranteed|assured|secured|yours|in the bag)\b/g;
// A superlative measured against the whole market: "the lowest risk of any product", "the safest on the market".
const SUPERLATIVE_SCOPE = /\b(?:the )?(?:lowest|safest|strongest|best|highest (?:return|yield|income)s?|most (?:secure|reliable|stable|solid|dependable|trusted|profitable)|least risky)\b(?:\s+\S+){0,3}?\s+(?:of any|of all|in the (?:market|country|industry|city|region|world)|on the market|anywhere|available anywhere)\b/g;
// The client covered against a loss: "you're fully covered against any loss".
const CLIENT_COVERED = /\b(?:(?:you|u)(?:'re| are|'ll be| will be| remain| stay)|(?:your|ur|the) (?:\w+ )?(?:capital|principal|money|savings|investment|holding)(?: is| are| will be| remains| stays))\s+(?:\S+\s+)?(?:covered|protected|insured|shielded|safe|hedged)\s+(?:against|from)\s+(?:any |all )?(?:loss(?:es)?|downside|drops?|falls?|declines?)\b/g;
// The principal paid back in full: "your principal will be returned in full", "holders will receive their subscribed amount".
const PRINCIPAL_BACK = /\b(?:(?:your|ur|the|their) (?:original |initial |full |entire |whole )?(?:principal|capital|investment|subscribed amount|subscription amount|invested amount|amount (?:you )?invested|original amount|initial amount|original sum|stake|savings|money))\s+(?:will|'ll|shall|is going to)\s+be\s+(?:\w+\s+)?(?:returned|repaid|paid back|given back|refunded)\b|\b(?:you|u|holders|clients|investors)\s+(?:will|'ll|shall|are going to|'re going to)\s+(?:\w+\s+)?(?:receive|get|be repaid|be paid)\s+(?:back\s+)?(?:all of\s+|the whole of\s+)?(?:your|ur|their|the)\s+(?:full |whole |entire |original |initial )?(?:principal|capital|subscribed amount|original investment|initial investment|investment|money)(?:\s+back)?\b/g;
// Settlement, not recovery: money paid back to an account after a redemption, at that day's NAV
// ("your money will be returned to your account within three working days", "at the NAV of that day").
export const SETTLEMENT = /\b(?:(?:to|in|into) (?:your|the|ur) (?:bank |settlement |fund |investment )?(?:account|card)|after (?:the |your )?(?:redemption|transfer|settlement|switch)|(?:working|business) days?|t\+\d|at (?:the|that|this) (?:day's |date's )?(?:nav|net asset value|value|price)|at (?:the )?(?:prevailing|current|then|market) (?:nav|value|price)|based on the nav|which may be (?:below|lower|less)|redemption (?:amount|proceeds|value))\b/;
// Keeping the client's assets apart from the bank's is custody, not a promise about their value.
const CUSTODY = /\b(?:custod\w*|segregat\w*|separate(?:ly)? from|ring-?fenced from|insolven\w*|bankrupt\w*|deposit insurance|insured up to)\b/;
// A fee refunded is not a loss made good.
// Compensation for a delay or the trouble, not for the loss.
export const NOT_LOSS = /^\s+(?:you\s+)?for (?:the |any |this |your )?(?:delay|inconvenience|wait|waiting|time|trouble|late)/;
export const FEE = /^(?:\s+\S+){0,3}?\s+(?:fees?|charges?|commissions?|courier|postage|overcharge|costs? of (?:the )?(?:courier|postage|call|delivery))\b/;
// A number that is a return: 4.5%, four percent, 3,800 yuan, HK$24,000, 420 per 10,000.
const RETURN_NUMBER = /\b\d{1,3}(?:,\d{3})+\b|\b(?!(?:19|20)\d\d\b)\d{3,}\b(?!\s*(?:working |business )?(?:days|hours))|\d[\d,.]*\s*(?:%|percent|per ?cent|k\b|yuan|rmb|dollars?|hkd|cny|usd)|(?:hk\$|us\$|\$|rmb ?|cny ?|¥)\s?\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)(?: point \w+)? (?:percent|per ?cent)\b|\d[\d,.]* (?:a|per|on|for|each) (?:every )?(?:year|annum|month|(?:hk\$|\$)?(?:10,000|ten thousand|10k|100k))/;
const RETURN_TO_CLIENT = /\b(?:are entitled to|'re entitled to|will be entitled to|be entitled to|are due|'re due|get|gets|getting|earn|earning|receive|receiving|pocket|pocketing|make|making|collect|collecting|take home|bank|net|clear|walk away with|end up with|be paid|be getting|be earning|be receiving|are getting|are earning|'re getting|'re earning|pull in|rake in|bring in|enjoy|lock in|be looking at|are looking at|'re looking at|count on(?: getting| earning| receiving)?|expect(?= \d| (?:a |an )?(?:steady |fixed |solid )?\d)|rely on(?: getting)?|bank on(?: getting)?|expect to (?:get|earn|receive|make)|are guaranteed|'re guaranteed|are assured|'re assured|be guaranteed|have (?:earned|made|received|pocketed|collected)|have an? (?:extra|additional)|see an? (?:extra|additional))\b/g;
const RETURN_FROM_ASSET = /\b(?:pay|pays|paying|deliver|delivers|delivering|yield|yields|yielding|give you|gives you|earn you|earns you|generate|generates|produce|produces|bring you|brings you|hand you|hands you|credit you|credits you|put|puts|offer|offers|offering|earn|earns|is earning|are earning|make|makes|return|returns|is returning)\b/g;
const RETURN_HEDGE = /\b(?:may|might|could|would|if|whether|unless|depends?|depending|estimate[sd]?|projected|illustrat\w*|example|scenario|assum\w+|historical|historically|past|last year|returned|yielded|delivered|paid out|was|were|up to|not guaranteed|no guarantee|not a promise|not what|not the return|loss|less|fee|fees|charge|penalty|refund|tax|cost)\b|-\d/;

// ---- round 11: classes of promise the verb model above does not reach ----
const NUM_SRC = RETURN_NUMBER.source;
// A universal "nobody loses": "nobody loses money on bank products", "no client who held to term has lost a cent".
const NOBODY_LOSES = /\b(?:nobody|no one|no-one|no (?:client|customer|investor|holder|one of (?:our|my|the) (?:clients|customers|investors))|none of (?:our|my|the|its|these) (?:clients|customers|investors|holders)|not (?:one|a single)(?: (?:client|customer|investor|person|one))?(?: of (?:our|my|the) (?:clients|customers|investors)| of (?:mine|ours))?)(?:\s+(?:who|that|holding|owning|in|with)(?:\s+[a-z0-9'.-]+){1,6}?)?(?:\s+(?:in (?:this|the|our) \w+|here|with us))?\s+(?:has |have |had |will |is going to |'s |'ll )?(?:ever |really |actually |yet |once )?(?:los(?:e|es|t)(?= (?:money|a (?:penny|cent|dollar|thing)|anything|out|their|on|a single|any|so much as|even a|one (?:cent|penny)|\w+ (?:money|principal|capital))|\s*[,.;!]|$)|(?:come|came|comes) out (?:behind|worse|with less|short|down)|end(?:s|ed)? up (?:losing|behind|worse off|with less|down|out of pocket|in the red)|(?:walk|walks|walked|come|comes|came|end|ends|ended|go|goes|went) (?:away|out|home|up) with less|(?:got|gets|get|received|receives) (?:back )?less|been out of pocket)\b/g;
// A record of no client losing: "we have never had a client lose money in this series".
const NEVER_HAD_LOSER = /\bnever (?:had|seen|known|met) (?:a|any|one|a single) (?:\w+ )?(?:client|customer|investor|holder|person)s? (?:who |that )?(?:\w+ )?(?:lose|lost|loses|come out behind|end up (?:behind|worse off|with less))\b/g;
// "There's no (real) loss", "it isn't a real loss": the client's loss denied to exist.
const THERE_NO_LOSS = /\bthere(?:'s| is| will be|'ll be| would be)\s+(?:no|zero|never (?:a|any)|not (?:a|any)(?: single)?)\s+(?:(?:real|actual|true|permanent|genuine|lasting|final) )?loss(?:es)?\b(?! (?:protection|guarantee|cover|limit|of (?:access|data|service|contact)))|\bthere(?: won't| will not|'ll never| will never) be (?:a|any) (?:(?:real|actual|permanent|final) )?loss(?:es)?\b|\b(?:it|this|that)(?:'s| is)\s+(?:not|never)\s+(?:a |really a )?(?:real|true|actual|genuine|permanent) loss\b|\bno (?:real|actual|true|permanent|genuine) loss\b|\b(?:means|equals|guarantees|ensures|spells) (?:zero|no|nil) (?:\w+ )?loss(?:es)?\b/g;
// Recovery as a certainty noun: "recovery is certain", "a rebound is only a matter of time"; "not a question of if, only of when".
const RECOVERY_CERTAIN = /\b(?:(?:a|the|its|your|this|that|any) )?(?:(?:full|quick|strong|eventual|complete|v-shaped) )?(?:recovery|rebound|bounce-?back|bounce back|comeback|turnaround|upturn|rally)\s+(?:here |from here )?(?:is|'s|will be|remains)\s+(?:\w+ )?(?:certain|guaranteed|assured|inevitable|a given|a certainty|a sure thing|a done deal|a foregone conclusion|locked in|in the bag|(?:just|only|simply) a matter of time|a matter of when|on its way|coming)\b|\b(?:isn't|is not|not|never) (?:a question|a matter) of (?:if|whether)\b|\b(?:question|matter) of when,? not (?:if|whether)\b|\bonly (?:a question |a matter )?of when\b/g;
// A guarantor behind the product: "head office has a backstop", "the bank stands behind this product", "secured by the bank".
const GUARANTOR = /\b(?:the bank|our bank|the group|our group|the (?:parent|holding) (?:group|company|bank)|(?:our )?head office|headquarters|the issuer|the guarantor|the state|the government|we|i)\s+(?:\w+\s+)?(?:stands?|stood|will stand|is standing) (?:firmly |fully |squarely |right |100% )?behind (?:this|the|your|it|our|its|you|every (?:cent|penny|dollar|yuan)|all (?:of )?(?:your|the|what)|what (?:you|u))\b|\b(?:has|have|'s|provides?|offers?|gives?|there(?:'s| is)|with) (?:a |an )?(?:\w+ )?(?:backstop|safety net|bailout|guarantee (?:in place|behind it|on (?:it|this))|(?:full )?backing)\b|\b(?:secured|backed|guaranteed|underwritten|backstopped|covered) (?:\w+ )?by (?:the bank|us|our bank|(?:our )?head office|the group|the (?:parent|holding) (?:group|company|bank)|the state|the government|me|the issuer|the guarantor)\b/g;
// The worst case a return of the money: "worst case you get your money back", "the worst that happens is you break even".
const WORST_CASE = /\b(?:you|u)\s+(?:just |simply |only )?(?:get|gets|walk away with|end up with|take home|keep|receive|come out with)\s+(?:back )?(?:exactly |precisely |just |only )?(?:your|ur|the|all your|what you|what u)(?: \w+){0,3}? (?:back|put in|invested|paid|started with)\b|\b(?:you|u)\s+(?:just |only )?break(?:s)? even\b|\b(?:zero|no) (?:return|interest|gain|profit)\b/g;
// The recovery said once and then again by ellipsis: "it has always bounced back, and it will this time too".
const ELLIPSIS = /\b(?:it|they|the fund|the nav|prices|the market|markets|the price)(?:'ll| will| is going to|'s going to|'re going to| are going to)\s+(?:\w+ly\s+|still\s+)?get (?:back )?there\b|\b(?:it|they|this one|this|the fund|the nav|prices|the market|markets|bonds)(?:'ll| will| is going to| are going to|'s going to|'re going to| is gonna|'s gonna)\s+(?:\w+ly\s+)?(?:do (?:it|so|the same)\s+)?(?:again|too|this time(?: too| as well)?|as well|once more|no different)\b|\bit'll do it again\b|\b(?:your|ur|this|the) (?:\w+ )?(?:holding|fund|product|investment|position|units|portfolio|one)(?:'ll| will| is going to)\s+(?:be no (?:exception|different)|follow suit|do the same)\b/g;
// A loss, as a gerund or a noun, denied to happen: "losing money on this is just not something that happens".
const LOSS_DENIED = /\b(?:losing (?:money|out|your (?:money|principal|capital|savings)|a (?:penny|cent))|(?:a|any|real) loss(?:es)?|losses|loss of (?:principal|capital))\b(?:[^.;!?,]){0,30}?\b(?:(?:is|are)(?: just| simply)? (?:not (?:something that happens|a thing|an option|on the cards|going to happen|in the cards|possible)|impossible|never (?:going to happen|an issue|a possibility)|out of the question|off the table)|(?:simply |just )?(?:never|doesn't|does not|don't|do not|won't|will not|can't|cannot) (?:ever )?(?:happen|occur|arise))\b/g;
// No rival better: "no other bank's product performs better", "nothing on the market is safer".
const SUPERLATIVE_NONE = /\b(?:there's|there is|you(?:'ll| will)? (?:won't|will not|will never|'ll never|never|can't|cannot) find)\s+(?:nothing|no (?:other )?(?:[a-z]+ ){0,2}?(?:products?|funds?|plans?|investments?|options?|banks?|deals?)|(?:a|any|anything) (?:\w+ )?)\s*(?:(?:on the market|out there|anywhere|in the market|around|in town)\s+)?(?:with|offering|that offers|that gives|giving|paying|that pays|that's|that is)?\s*(?:a |an )?(?:better|safer|higher|stronger|more (?:secure|reliable|stable|attractive))\b|\b(?:no other|no|nothing|none|not a single)\s+(?:other\s+)?(?:[a-z]+(?:'s)?\s+){0,2}?(?:products?|funds?|banks?|investments?|plans?|options?|ones?|thing)\s+(?:(?:on the market|out there|in the market|anywhere|around)\s+)?(?:performs?|does|is|are|pays?|yields?|returns?|comes?|gets?|offers?)\s+(?:any\s+)?(?:better|safer|more (?:secure|reliable|stable)|higher|close)\b|\bnothing (?:on the market |out there )?(?:performs|does|pays|is) (?:better|safer|more secure)\b|\b(?:nothing|no (?:other )?(?:[a-z]+(?:'s)? ){0,2}?(?:product|fund|bank|investment|plan|option)s?)\s+(?:(?:on the market|out there|in the market|anywhere|around|else)\s+)?(?:can |could )?(?:beats?|outperforms?|matches|comes? close(?: to)?|rivals?|tops?)\b/g;
// A fall denied its permanence: "prices like these never stay down for long", "dips like this don't last".
const STAY_DOWN_DENIED = /\b(?:never|don't|do not|won't|will not|can't|cannot|doesn't|does not|isn't going to|aren't going to)\s+(?:\w+\s+)?(?:stay|stays|remain|remains|keep|be kept|last|lasts|linger)\s+(?:(?:down|low|lower|there|in the red|depressed|(?:below|under|beneath) (?:\w+ )?(?:par|water|cost|\d[\d.]*)|underwater|at (?:these|this|such) levels?)\b|(?:for )?(?:long|forever)\b|[.!,;]|$)/g;
// At worst the money back: "you will get out at least what you put in".
const AT_LEAST_BACK = /\b(?:get|gets|receive|walk away with|come out with|end up with|take home|get out|have)\s+(?:back\s+|out\s+)?(?:at least|at the very least|a minimum of|minimum)\s+(?:what|the (?:amount|money|sum)|all (?:of )?what|the full amount|every (?:cent|penny)|your (?:\w+ )?(?:principal|capital|money|investment)|(?:hk\$|us\$|\$|rmb ?)?\d[\d.,]*k?(?= back\b| at maturity\b))\b/g;
// A record of recovery as a promise: "this product has never once failed to get back to par".
const NEVER_FAILED = /\b(?:never|not once)\s+(?:once\s+|yet\s+|ever\s+)?(?:failed|fails|failing) to (?:recover|rebound|bounce(?: back)?|come back|get back|return|climb back|make (?:it|that|the loss(?:es)?) back|break even|pay out)\b/g;
// The bank making sure of no loss: "we'll make sure you don't end up out of pocket".
const ENSURE_NO_LOSS = /\b(?:we|i|the bank|the branch|our team)(?:'ll| will| shall| are going to|'re going to| can)?\s+(?:\w+\s+)?(?:make sure|ensure|see to it|guarantee)(?: that)? (?:you|u|your (?:\w+ )?(?:money|principal|capital|savings|investment))\s+(?:don't|do not|won't|will not|never|doesn't|does not)\s+(?:\w+\s+)?(?:end up (?:\w+ )?(?:out of pocket|worse off|short|behind|down|with less|losing)|lose|come out (?:behind|worse|short|with less)|suffer|take a (?:hit|loss))\b/g;
// The product as a deposit: "your money is as good as in a fixed deposit", "it's just like a deposit".
const DEPOSIT_LIKE = /\b(?:as good as|as safe as|as secure as|no different (?:from|to|than)|the same as|equivalent to|(?:is|'s|are|works|think of it|treat it)\s+(?:just |exactly |basically |practically |pretty much )?(?:like|as))\s+(?:having it |putting it |keeping it |money |it )?(?:in |being in )?(?:a |an |your )?(?:fixed |bank |time |term |savings )?(?:deposits?|savings account|bank account|fixed deposit)\b/g;
// The client left with the money whole: "you'll walk out of this with your capital intact".
const MONEY_INTACT = /\bwith (?:your|ur|all (?:of )?your) (?:\w+ )?(?:capital|principal|money|savings|investment|stake) (?:still |fully |completely |totally )?(?:intact|whole|untouched|unscathed|in one piece|safe and sound)\b|\bkeeps? (?:your|ur) (?:\w+ )?(?:capital|principal|money|savings) (?:fully |completely )?(?:intact|whole|untouched)\b/g;
// The product repaying in full: "these notes always repay in full at maturity".
const REPAYS_FULL = /\b(?:repays?|repaying|pays? (?:back|out)|redeems?|returns?) (?:(?:your|the|all) (?:\w+ )?(?:capital|principal|money|investment) )?(?:in full|at par|100 ?%|the full (?:amount|principal|capital))\b/g;
// The product described as beyond failure: "a copper-bottomed investment", "a sure-fire bet".
const FAILSAFE = /\b(?:copper-bottomed|cast-iron|iron-?clad|watertight|bullet-?proof|fail-?safe|fool-?proof|can't-miss|sure-?fire|one-way) (?:investment|product|plan|bet|deal|note|fund|option|thing|choice|returns?|guarantee|income|win)\b/g;
// A gain guaranteed without a figure: "I can guarantee you'll get a return".
const GUARANTEE_GAIN = /\b(?:i|we) (?:can |will |do )?(?:guarantee|promise|assure|swear to)(?: you)?(?: that)? (?:you|u)(?:'ll| will)? (?:get|earn|make|see|receive|have|come out with|walk away with) (?:a |some |positive |decent |good |nice )?(?:return|profit|gain|money|income|interest|something (?:back|out of it))s?\b/g;
// The product called protected: "it's a protected product".
const PROTECTED_PRODUCT = /\b(?:it|this|that|this one)(?:'s| is)\s+(?:a |an )?(?:fully |100% )?(?:protected|capital-protected|principal-protected|guaranteed|risk-free|no-risk|riskless) (?:product|fund|plan|investment|note|deposit|one|thing|bet)\b/g;
// The principal paid back whole, in any tense: "your capital comes back in full".
const PRINCIPAL_IN_FULL = /\b(?:your|ur|the) (?:\w+ )?(?:capital|principal|money|investment|stake)\s+(?:comes|will come|'ll come|is coming|gets paid|is paid|is returned|is repaid|gets returned|comes home)\s+(?:back\s+)?(?:to you\s+)?(?:in full|intact|whole|untouched|every cent|complete)\b|\b(?:principal|capital) and (?:interest|returns?|income|yield|coupon)s?\s+(?:are |will be |both |all |alike |fully |100% ){0,3}(?:safe|secure|guaranteed|protected|covered|assured)\b/g;
// Making good in other words: "out of our pocket", "we've applied for compensation for your loss",
// "so the gains offset this dip".
const COMP_OTHER = /\b(?:comes?|will come|'ll come|is paid|gets paid|goes) out of (?:our|my|the bank's|the branch's|the company's) (?:own )?pocket\b|\bat (?:our|my|the bank's|the branch's) (?:own )?expense\b|\bleave (?:the|your|any|this|that) (?:\w+ )?(?:loss|losses|shortfall|gap|difference|drop)(?: part)? (?:to|with) (?:us|me|the bank|the branch)\b|\b(?:we|i|the bank|the branch)(?:'ll| will| shall)\s+(?:\w+\s+)?(?:square|settle) (?:it|things|this|that|up) with (?:you|u)\b|\b(?:we|i|the bank|the branch|head office|the issuer)(?:'ve| have| has)?\s+(?:\w+\s+)?(?:applied for|requested|arranged|secured|obtained|approved|got|lined up|set up|put in for) (?:a |an |the |some )?(?:special |goodwill |one-off |partial |full )?(?:compensation|reimbursement|refund|payout|goodwill payment|redress)\b|\bso (?:that )?(?:the |its |your |any |those )?(?:\w+ )?(?:gains?|returns?|income|interest|coupons?|profits?|bonus|extra|upside)\s+(?:will |can |'ll )?(?:offset|offsets|make up for|makes up for|cover|covers|cancel out|cancels out|wipe out|wipes out|recoup|recoups|make good)\b/g;
// A yield stated as the client's: "your yield is 4.2%, paid at maturity", "the annual yield you'll pocket is 4.1%",
// "the benchmark of 3.6% is effectively your return".
const YIELD_IS = new RegExp(`\\b(?:your|ur) (?:\\w+ )?(?:yield|return|income|interest|payout|coupon)s?\\s+(?:is|'s|will be|comes to|works out (?:at|to))\\s+(?:a |an )?(?:solid |steady |fixed |full |flat |an annual |annual )?(?:${NUM_SRC})|\\bthe (?:\\w+ )?(?:yield|return|income|interest|payout|coupon)s? (?:that )?(?:you|u)(?:'ll| will| are going to| can| shall)? (?:\\w+ )?(?:get|receive|earn|pocket|collect|take home|make|see|be paid|walk away with)\\s+(?:\\w+\\s+){0,3}?(?:is|are|will be|comes to|amounts to)\\s+(?:\\w+\\s+)?(?:${NUM_SRC})|(?:${NUM_SRC})[^.;!?]{0,40}?\\b(?:is|'s|are)\\s+(?:effectively |basically |in effect |essentially |simply |just |really |practically |actually |in practice )?(?:your|ur) (?:\\w+ )?(?:return|yield|income|interest|payout|profit|gain)\\b`, "g");
const YIELD_FUTURE = /\b(?:paid|pays|at maturity|on maturity|a year|p\.?a\b|per annum|annual(?:ly|i[sz]ed)?|each year|every year|like a deposit|fixed|guaranteed|effectively|basically|in effect|essentially)\b/;
const YIELD_PAST = /\b(?:so far|to date|since|currently|last|was|were|ytd|year-to-date|negative|minus|down|realised|realized|fell|lost|historical|past|benchmark (?:is|was) not)\b|-\s?\d/;
// "... and you won't be the first", "you won't either": the no-loss record extended to the client.
const YOU_NEITHER = /\b(?:you|u) (?:won't|will not|shan't) (?:either|be the first|be an exception|be the exception|be any different)\b|\b(?:neither|nor) will (?:you|u)\b|\bthe same (?:goes )?for (?:you|u)\b/g;

// ---- round 12: classes read across the clauses of a sentence ----
// A rhetorical question that leaves no room for a loss: "Why would a state-owned bank ever let your
// money disappear?", "Do you really think we'd sell you something that could lose your money?",
// "When has a bond fund like this ever failed to recover?".
const RQ_LET = /\b(?:why|how) (?:on earth |in the world )?(?:would|could|will|should) (?:we|i|the bank|our bank|any bank|a bank|(?:a|an|the) (?:[a-z-]+ ){1,2}bank|a bank (?:like|this size|of)\b[^?]{0,20}?|they|anyone|anybody|head office|the (?:government|state|group))\s+(?:ever |possibly |really |even |just )?(?:let|allow|leave|want)\b/g;
const RQ_THINK = /\b(?:do|would|did|can) (?:you|u) (?:really |honestly |seriously |actually |truly )?(?:think|believe|imagine|suppose|reckon) (?:that )?(?:we|i|the bank|a bank|our bank|(?:a|an) (?:[a-z-]+ ){1,2}bank)(?:'d| would|'ll| will| could| can)?\s+(?:ever |really |actually |knowingly )?(?:sell|give|offer|let|allow|put|recommend|risk|push|leave|gamble|lose)\b/g;
const RQ_EVER = /\b(?:when|since when) (?:has|have|did|does|do|had) (?:[\w'-]+ ){0,6}?ever (?:(?:once|actually|really) )?(?:lost|lose|failed to|not (?:recovered|come back|paid|bounced back)|gone (?:to zero|bust|under)|defaulted|let (?:\w+ )?down)\b|\b(?:who|which (?:client|customer|investor)s?) (?:has|have|'s) ever (?:actually |really )?(?:lost|come out behind|ended up (?:losing|behind|with less))\b|\bhow (?:can|could) (?:you|u) (?:possibly |ever |even )?(?:lose|go wrong)\b(?=[^?]{0,40}\b(?:with|when|given|backed|behind)\b)/g;
const RQ_STAY = /\bwhy (?:would|should|will) (?:it|the (?:price|nav|fund|market|value|product)|prices|markets|this (?:fund|product|one))\s+(?:ever )?(?:stay|remain|keep (?:falling|dropping|going down)|not (?:recover|come back|bounce back|go back up))\b/g;
const RQ_LOSS = /\b(?:los(?:e|es|t|ing)|loss|disappear|vanish|evaporate|go (?:down|to zero)|fall|sink|suffer|at risk|burn(?:ed|t)?|take a hit|down the drain|hurt)\b/;
// The answer after the question that grants the loss: "Do you think we'd sell you that? We would: every fund can lose."
const RQ_GRANTED = /\b(?:yes|yeah|unfortunately|sadly|actually|in fact|can|could|may|might|does|did|would|happens?|happened|no guarantee|not guaranteed|risks?)\b/;
// History as the guarantee of a target: "the target return is 4.5% and we always hit our targets",
// "our target is 6% and we have never missed one", "the fund targets 4%, so you can count on that figure".
const TARGET_WORD = /\b(?:targets?|targeting|targeted|benchmarks?|aims? (?:for|at)|aiming|expected (?:return|yield)|reference (?:yield|return|rate)|projected|objective|goal|yields?|returns?|coupon|pays?)\b/;
const TARGET_RECORD = /\b(?:we|they|the (?:team|managers?|fund|product|desk|bank)|it|this (?:team|fund|product)|our (?:team|managers?|funds?|products?|series|desk))\s+(?:\w+ )?(?:always|invariably|consistently|reliably)\s+(?:hit|hits|meet|meets|deliver|delivers|achieve|achieves|reach|reaches|make|makes|pay|pays|beat|beats|get|gets|do|does)\b|\b(?:never|not once)\s+(?:(?:yet|once|ever)\s+)?(?:missed|miss|misses|failed to (?:hit|meet|deliver|reach|achieve|pay))\b|\bwithout fail\b|\b(?:haven't|have not|hasn't|has not) (?:once |ever |yet )?(?:missed|failed)(?: (?:it|one|them|a (?:target|payment)))?(?: yet)?\b/g;
const TARGET_RELY = /\b(?:count|bank|rely) on (?:that|it|this|those|these|the (?:figure|number|rate|return|yield|income|\d[\d.]*\s*%)|getting|receiving|earning|that (?:figure|number|rate|return|yield))\b|\btake (?:it|that|this) to the bank\b|\bpencil (?:it|that|this) in\b|\b(?:as good as|practically|basically) (?:in your pocket|in the bag|yours|paid)\b|\bin the bag\b/g;
const TARGET_HEDGE = /\b(?:may|might|could|would|if|unless|whether|hope|hoping|not guaranteed|no guarantee|not a (?:promise|guarantee)|but|however|though|past|previous|previously|historical|historically|last (?:year|time)|was|were|used to)\b/;
// The number of one clause made the client's in the next: "the reference yield is 3.9%, which is your return at maturity".
const WHICH_IS_YOURS = /\b(?:which|that|this|so that|and that|and this)(?:'s| is| will be| becomes| equals)\s+(?:effectively |basically |in effect |essentially |simply |just |really |exactly |precisely |in practice )?(?:your|ur) (?:\w+ )?(?:return|yield|income|interest|payout|profit|gain|take-home)s?\b/g;
// A floor claimed: "it can't go any lower", "from here it's only up", "the bottom is in".
const FLOOR = /\b(?:can't|cannot|can not|won't|will not|isn't going to|is not going to|couldn't)\s+(?:possibly\s+|really\s+|realistically\s+)?(?:go|fall|get|drop|sink)\s+(?:any\s+)?(?:lower|further|deeper)\b|\b(?:only|all) up from here\b|\bfrom here (?:on,? )?(?:it's|it is|it can only be|things are|it's all) (?:only |all )?up\b|\bthe bottom is (?:in|behind us)\b|\b(?:has|have|'s|'ve) (?:already )?(?:hit|touched|reached|found) (?:rock )?bottom\b|\b(?:has|have|'s|'ve) (?:already )?bottomed(?: out)?\b/g;
const FLOOR_HEDGE = /\b(?:may|might|could|would|if|whether|unless|think|thinks|believe|believes|hope|hopefully|probably|likely|seems?|appears?|perhaps|maybe|analysts?|nobody|no one|not sure|too early)\b/;
// A goodwill payment offered for the loss: "let me sort you out with a goodwill credit that covers most
// of what you've lost", "I can arrange an ex gratia payment if you drop the complaint".
const GOODWILL = /\b(?:goodwill|ex[- ]gratia|one-off|courtesy) (?:payment|credit|gesture|sum|amount|top-up|refund|cheque|check|transfer|contribution|compensation|bonus|settlement)s?\b/g;
const GOODWILL_ACT = /(?:\b(?:we|i|the bank|the branch|head office)(?:'ll| will| can| shall|'m going to|'re going to| am going to| are going to|'d be happy to| are happy to|'m happy to| would like to| want to)|\blet (?:me|us)|\b(?:i|we)(?:'ve| have) (?:arranged|approved|secured|got|lined up|put through))\b/g;
const SENTENCE_CLASSES = [GOODWILL, RQ_LET, RQ_THINK, RQ_EVER, RQ_STAY, TARGET_RECORD, TARGET_RELY, WHICH_IS_YOURS, FLOOR];

/** The round-12 classes of one sentence [sp.s, sp.e); `next` the sentence after (an answer), `prev` the start of the one before. */
function sentenceClassFindings(t: string, sp: Span, next: Span | undefined, prevStart: number, found: Map<RegExp, RegExpExecArray[]>, cursor: Map<RegExp, number>, out: ClauseHit[]): void {
  // The matches inside the sentence: the sentences come in text order, so a cursor per regex keeps it linear.
  const inside = (re: RegExp) => {
    const ms = found.get(re)!;
    let k = cursor.get(re) ?? 0;
    while (k < ms.length && ms[k].index < sp.s) k++;
    cursor.set(re, k);
    const r: RegExpExecArray[] = [];
    for (let j = k; j < ms.length && ms[j].index < sp.e; j++) if (ms[j].index + ms[j][0].length <= sp.e) r.push(ms[j]);
    return r;
  };
  if (!SENTENCE_CLASSES.some((re) => inside(re).length)) return;
  const sentence = t.slice(sp.s, sp.e);
  const head = (i: number) => t.slice(Math.max(sp.s, i - 200), i);
  const disowned = DISOWN.test(sentence);
  if (t[sp.e] === "?") {
    const answer = next ? t.slice(next.s, next.e) : "";
    if (RQ_GRANTED.test(answer) || DISOWN.test(answer)) return;
    for (const [re, rule] of [[RQ_LET, "no-loss-promise"], [RQ_THINK, "no-loss-promise"], [RQ_EVER, "no-loss-promise"], [RQ_STAY, "certain-outcome"]] as const) {
      for (const m of inside(re)) {
        const i = m.index, e = i + m[0].length;
        if (REPORTED.test(head(i)) || disowned) continue;
        if ((re === RQ_LET || re === RQ_THINK) && !RQ_LOSS.test(t.slice(e, sp.e))) continue;
        if (re === RQ_STAY && !MARKET_CONTEXT.test(t.slice(prevStart, next ? next.e : sp.e))) continue;
        const r: ComplianceRule = re === RQ_EVER && /\b(?:failed to|not (?:recovered|come back|bounced back))\b/.test(m[0]) ? "certain-outcome" : rule;
        out.push({ rule: r, index: i, end: e });
      }
    }
    return;
  }
  if (disowned) return;
  if (/\d|percent|per cent/.test(sentence)) {
    for (const re of [TARGET_RECORD, TARGET_RELY]) {
      for (const m of inside(re)) {
        const i = m.index, e = i + m[0].length;
        const before = t.slice(sp.s, i);
        // The target and its number before the record or the reliance, in the same sentence.
        if (!TARGET_WORD.test(before) || !RETURN_NUMBER.test(before)) continue;
        if (TARGET_HEDGE.test(sentence.replace(m[0], " ")) || REPORTED.test(head(i))) continue;
        if (/\b(?:not|never|no|don't|do not|can't|cannot|shouldn't|should not|wouldn't|won't)\s+(?:\w+\s+){0,2}$/.test(t.slice(Math.max(sp.s, i - 30), i)) && re === TARGET_RELY) continue;
        if (re === TARGET_RECORD && /\b(?:not|don't|do not|doesn't|does not|didn't)\s+(?:\w+\s+)?$/.test(t.slice(Math.max(sp.s, i - 20), i))) continue;
        if (re === TARGET_RELY && /\b(?:me|us|him|her)\b/.test(t.slice(e, e + 6))) continue;
        out.push({ rule: "benchmark-as-return", index: i, end: e });
      }
    }
    for (const m of inside(WHICH_IS_YOURS)) {
      const i = m.index, e = i + m[0].length;
      if (!RETURN_NUMBER.test(t.slice(sp.s, i)) || RETURN_HEDGE.test(sentence.replace(m[0], " ")) || REPORTED.test(head(i))) continue;
      out.push({ rule: "benchmark-as-return", index: i, end: e });
    }
  }
  for (const m of inside(GOODWILL)) {
    const i = m.index, e = i + m[0].length;
    const lead = t.slice(Math.max(sp.s, i - 120), i);
    const acts = all(GOODWILL_ACT, lead);
    if (!acts.length) continue;
    const act = acts[acts.length - 1];
    if (NEGATOR.test(lead.slice(act.index!)) || /\b(?:may|might|could|would|consider\w*|whether|request\w*|apply|applied|ask|asked|review\w*)\b/.test(sentence.replace(/\bwould like to\b/g, ""))) continue;
    if (leftToDueProcess(sentence) || REPORTED.test(head(i))) continue;
    const bargain = BARGAIN.test(sentence);
    if (!bargain && !/\b(?:loss|losses|lost|drop|down|shortfall|difference|dip|fall|hit|blow|red)\b/.test(sentence)) continue;
    out.push({ rule: "compensation-promise", index: i, end: e });
  }
  for (const m of inside(FLOOR)) {
    const i = m.index, e = i + m[0].length;
    const lead = t.slice(Math.max(sp.s, i - 120), i);
    if (NEGATOR.test(lead.slice(Math.max(lead.lastIndexOf(","), lead.lastIndexOf(";")) + 1)) || FLOOR_HEDGE.test(sentence) || REPORTED.test(head(i))) continue;
    if (!MARKET_CONTEXT.test(t.slice(prevStart, next ? next.e : sp.e)) && !/\bup\b/.test(sentence)) continue;
    out.push({ rule: "certain-outcome", index: i, end: e });
  }
}

const HOLD_AND = /^\s*(?:just\s+|simply\s+)?(?:hold|keep|stay|wait|sit tight|hang on|give it|stick with it|leave it)\b[^.;!?]{0,60}\band\s+(?:(?:you|u|it)(?:'ll| will)?\s+)?(?:sure|surely|definitely|certainly|for sure)?\s*(?:be\s+)?$/;
/** The next sentence a bare booster ("100%.", "Trust me.", "Guaranteed!"). */
function shortBooster(t: string, sp: Span | undefined): boolean {
  if (!sp) return false;
  const s = t.slice(sp.s, sp.e).trim();
  return s.length <= 30 && BOOSTER.test(s) && !NEGATOR.test(s);
}
const ANSWER_NO = /^\s*(?:not (?:going to|gonna) happen|(?:that |it )?(?:won't|will never|never) happen|not in a million years|no|nope|never|none|nobody|no one|zero|nil|not (?:at all|a chance|one|a (?:penny|cent|single \w+)|ever)|no (?:chance|way)|absolutely not|of course not|certainly not|definitely not|not likely|impossible)\b/;
const ANSWER_YES = /^\s*(?:yes|yeah|yep|yup|absolutely|definitely|certainly|of course|sure|100 ?%|for sure|without (?:a )?doubt|guaranteed|totally|completely|no doubt|you bet|trust me|(?:i|we) (?:can |do |will )?(?:promise|guarantee|assure)(?: you)?(?: that)?)\b/;
const Q_LOSS = /\b(?:lose|loses|losing|lost|loss|losses|go (?:down|lower)|fall|drop|less|worse|at risk|risk(?![- ]?free|less)|downside|go wrong|stay (?:this |so |that )?(?:low|down|in the red)|keep (?:falling|dropping|going down)|let (?:\w+ ){0,2}down|fail(?:ed|s)? (?:a |any )?(?:client|customer|investor)s?)\b/;
const Q_NOT_RECOVER = /\b(?:won't|will not|not|never|fail to|failed to|fails to|failing to|doesn't|isn't going to)\b[^?]{0,20}\b(?:recover|come back|bounce|rebound|go back up|get (?:it|my money|the money) back)\b/;
const Q_COMP = /\b(?:cover|covers|compensate|refund|reimburse|make up|make good|pay (?:me |us |it )?back|top (?:me |it )?up|absorb|bear|make (?:me|it) whole)\b/;
const Q_GOOD = /\b(?:recover|come back|bounce|rebound|get (?:\w+ ){0,3}back|break even|safe|secure|guaranteed|protected|profit|make money|be fine|be ok(?:ay)?)\b/;
/** A question about a loss answered "none", or about a recovery or safety answered "yes": a promise made by ellipsis. */
function answeredPromise(t: string, q: Span, a: Span): ClauseHit | undefined {
  const question = t.slice(q.s, q.e);
  const qStart = q.s + (question.length - question.trimStart().length);
  // An FAQ's or a transcript's label before the answer ("A: No.", "RM: Not at all.") is not part of it.
  const label = t.slice(a.s, a.e).match(/^\s*(?:a|answer|rm|agent|adviser|advisor|banker|staff|bank)\s*[:.-]\s*/i)?.[0].length ?? 0;
  a = { ...a, s: a.s + label };
  const answer = t.slice(a.s, a.e);
  // "Will I lose money? Not if you keep it." (the holding condition is blanked as no hedge: NEUTRAL)
  if (Q_LOSS.test(question) && /^\s*not\s*$/.test(answer))
    return { rule: "no-loss-promise", index: qStart, end: a.s + answer.indexOf("not") + 3 };
  if (answer.trim().split(/\s+/).length > 12 || /\b(?:but|may|might|could|would|if|depends?|unless|not sure|nobody knows|no one knows)\b/.test(answer)) return undefined;
  if (REPORTED.test(question) || DISOWN.test(question)) return undefined;
  // a question about the bank's own money ("Is the bank's own capital at risk?"), not the client's
  if (/\b(?:the bank's|bank's own|our own) (?:capital|balance sheet|money|funds)\b/.test(question)) return undefined;
  // Making good asked about: "Will the bank cover my loss? Yes." is a promise, "... No." is not.
  if (Q_COMP.test(question)) {
    return ANSWER_YES.test(answer) && !NEGATOR.test(answer) ? { rule: "compensation-promise", index: qStart, end: a.s + (answer.match(ANSWER_YES)![0].length) } : undefined;
  }
  // A question asking for a promise ("Can you promise me it won't fall below 1.1?"): "No, I can't" refuses it,
  // "I can promise you, yes" gives it.
  if (/\b(?:can|could|will|would) you (?:\w+ ){0,2}(?:promise|guarantee|confirm|assure|swear)\b|\bpromise me\b|\bguarantee (?:me|that)\b/.test(question)) {
    if (!ANSWER_YES.test(answer) || NEGATOR.test(answer)) return undefined;
    return { rule: Q_LOSS.test(question) ? "no-loss-promise" : "certain-outcome", index: qStart, end: a.s + (answer.match(ANSWER_YES)![0].length) };
  }
  const notRecover = Q_NOT_RECOVER.test(question);
  if ((notRecover || Q_LOSS.test(question)) && ANSWER_NO.test(answer))
    return { rule: notRecover ? "certain-outcome" : "no-loss-promise", index: qStart, end: a.s + (answer.match(ANSWER_NO)![0].length) };
  if (!notRecover && !Q_LOSS.test(question) && Q_GOOD.test(question) && !/\b(?:never|not|no)\b|n't\b/.test(question) && ANSWER_YES.test(answer) && !/\b(?:possible|possibly|perhaps|maybe)\b/.test(answer) && !/\b(?:not|never|no longer)\b|n't\b/.test(answer) && !/\bit (?:can|does|might|is possible)\b/.test(answer))
    return { rule: /\b(?:safe|secure|guaranteed|protected)\b/.test(question) ? "no-loss-promise" : "certain-outcome", index: qStart, end: a.s + (answer.match(ANSWER_YES)![0].length) };
  return undefined;
}

// ---- mentions of a promise, for the phrase patterns of compliance.ts as well ----
// A history or a term: "did exist before the 2018 rules", "was called ... before 2017", "old marketing language".
const HISTORY = /\b(?:did exist|existed|used to (?:be|exist|sell|offer|carry)|(?:was|were) (?:once |formerly |previously )?(?:called|named|labell?ed|marketed|sold|known|described|offered|issued|common|available|allowed|permitted|advertised)|(?:before|until|prior to|up to) (?:the )?(?:19|20)\d\d|phased out|discontinued|no longer|withdrawn|abolished|outlawed|(?:has|have) since been|old (?:marketing )?(?:language|wording|terms?|terminology|labels?|phrases?|slogans?))\b/;
const TERM_TALK = /\b(?:wording|phrase|phrasing|language|term|terminology|label|expression|words?|slogan|script|marketing|called|named|labell?ed|so-called|rumou?r|forbid\w*|prohibit\w*|banned|avoid\w*|dropped|replaced|in favour of|in favor of|misleading|not being straight|not honest|lying|dishonest)\b/;
// Someone else's promise, spoken of: "anyone promising you...", "your friend said...".
const OTHERS_SAY = /\b(?:anyone|anybody|someone|somebody|whoever|people|those|others|salespeople|an adviser|a salesperson|your (?:friend|neighbou?r|colleague|relative|brother|sister|son|daughter|wife|husband|cousin)|(?:a|the) (?:friend|neighbou?r|relative))\s+(?:who\s+)?(?:\w+\s+)?(?:promising|promises|promised|claiming|claims|claimed|saying|says|said|telling|tells|told|thinks|thought|believes)\b/;
// A belief reported and corrected by a short affirmative: "some clients think bank products can't lose money; they can."
const BELIEF = /\b(?:(?:some|many|most|a lot of|plenty of|a few|other)\s+)?(?:clients|people|investors|customers|savers|folks|others)\s+(?:still\s+|often\s+|sometimes\s+)?(?:believe|believed|think|thought|assume|assumed|say|said|feel|felt|imagine|expect|are told|were told|have heard|heard|insist)\b/;
const SHORT_CORRECTION = /^[^;.!?]*[;.!?,-]\s*(?:but\s+|in fact,?\s+|actually,?\s+|sadly,?\s+|unfortunately,?\s+)?(?:they|it|these|those|such products|bank products|it sometimes|they sometimes)\s+(?:can|do|does|will|could|might|are|is|may)(?:\s+(?:and (?:do|does|did)|lose|fall|drop|go down))?\s*(?:[.!]|$)/;
// Manners and idioms around a superlative word: "our best guess", "to the best of my knowledge".
const BEST_IDIOM = /^best (?:guess|estimate|judge?ment|efforts?|endeavou?rs?|practice|of (?:my|our) knowledge|wishes|regards|case|-case)\b/;
const DENIED_LATER = /\b(?:misunderstanding|misconception|not true|untrue|false|wrong|a myth|mistaken|not correct|not the case|nonsense|incorrect|not so|not being straight|not honest|lying)\b/;
/**
 * An English promise phrase at [i, e) of the normalised text that is a mention, not a promise: history
 * or a quoted term, someone else's claim called wrong, or a question answered "no".
 */
export function englishNotAPromise(text: string, i: number, e: number): boolean {
  const t = text.slice(Math.max(0, i - 300), Math.min(text.length, e + 300)).toLowerCase().replace(/[’‘`´]/g, "'");
  const off = Math.max(0, i - 300);
  const si = i - off, ei = e - off;
  // The sentence of the hit, cut at . ! ? and line breaks.
  let s = si; while (s > 0 && !/[.!?\n]/.test(t[s - 1]) ) s--;
  let en = ei; while (en < t.length && !/[.!?\n]/.test(t[en])) en++;
  const sentence = t.slice(s, en);
  const quoted = /["“”]/.test(t.slice(Math.max(s, si - 2), si + 1)) || /["“”]\s*$/.test(t.slice(s, si))
    || /(?:^|[\s(])'(?:[^']|(?<=[a-z])'(?=[a-z]))*$/.test(t.slice(s, si)) && /^(?:[^']|(?<=[a-z])'(?=[a-z]))*'(?=[\s.,;:!?)]|$)/.test(t.slice(si, en + 1));
  if (HISTORY.test(sentence)) return true;
  if (BEST_IDIOM.test(t.slice(si, si + 40))) return true;
  // Session 9: a term negated by its prefix ("non-guaranteed", "non-principal-guaranteed", "non principal
  // protected"), and "the best I can do is ...": what the bank can offer, not a ranking.
  if (/\bnon[- ]?(?:[a-z]+-)?$/.test(t.slice(Math.max(s, si - 16), si))) return true;
  if (/^best\b/.test(t.slice(si, ei)) && /\bthe\s+$/.test(t.slice(s, si)) && /^best\s+(?:i|we)\s+(?:can|could)\s+do\b/.test(t.slice(si, si + 20))) return true;
  // A ranking said of a deposit ("a deposit is the only product protected by deposit insurance").
  if (/^(?:the |our )?(?:only|safest|best|most|number one|lowest)\b/.test(t.slice(si, ei)) && /\b(?:deposits?|government bonds?|treasur\w*)\s+(?:is|are)\s+(?:\w+\s+){0,2}$/.test(t.slice(s, si))) return true;
  if (BELIEF.test(t.slice(s, si)) && SHORT_CORRECTION.test(t.slice(ei, ei + 80))) return true;
  if (quoted && TERM_TALK.test(sentence)) return true;
  if (OTHERS_SAY.test(t.slice(s, si)) && (DENIED_LATER.test(sentence) || quoted)) return true;
  // A question answered "no": "Is there anything that's a sure win? No - ...".
  if (t[en] === "?" && !Q_LOSS.test(sentence) && !Q_NOT_RECOVER.test(sentence) && ANSWER_NO.test(t.slice(en + 1, en + 40))) return true;
  return false;
}

/** Every match of a global `re` in `s`: exec on the one regex (String.matchAll clones it per call). */
function all(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) { out.push(m); if (!m[0]) re.lastIndex++; }
  return out;
}

// Every regex a clause is read with (englishClauseFindings runs each once over the whole text).
const CLASSES = [RECOVERY, LOSS, SAFE, COMP, COMP_PASSIVE, CLIENT_PAID, RETURN_TO_CLIENT, RETURN_FROM_ASSET, HARM_DENIED, NO_DOWNSIDE,
  COMP_PURPOSE, SUPERLATIVE_SCOPE, CLIENT_COVERED, PRINCIPAL_BACK, RETURN_FIXED, WHAT_YOU_GET,
  NOBODY_LOSES, NEVER_HAD_LOSER, THERE_NO_LOSS, RECOVERY_CERTAIN, GUARANTOR, WORST_CASE, ELLIPSIS, GUARANTEE_GAIN, PROTECTED_PRODUCT,
  PRINCIPAL_IN_FULL, COMP_OTHER, YIELD_IS, YOU_NEITHER, LOSS_DENIED, SUPERLATIVE_NONE, STAY_DOWN_DENIED, AT_LEAST_BACK, NEVER_FAILED,
  ENSURE_NO_LOSS, DEPOSIT_LIKE, MONEY_INTACT, REPAYS_FULL, FAILSAFE, ...SENTENCE_CLASSES];

/** The holder nearest before `at` in the clause [cs, at): where it starts and ends (start -1: none). */
function holderBefore(t: string, cs: number, at: number, res: RegExp[]): { start: number; end: number } {
  // A holder stands a few words before its verb: look back 160 characters at most (no quadratic
  // scan of a long run-on sentence).
  cs = Math.max(cs, at - 160);
  while (cs > 0 && /[a-z0-9$']/.test(t[cs - 1] ?? "") && at - cs < 200) cs--;
  const head = t.slice(cs, at);
  let best = -1, end = -1;
  for (const re of res) for (const m of all(re, head)) if (m.index! > best || m.index! === best && cs + best + m[0].length > end) { best = m.index!; end = cs + best + m[0].length; }
  return { start: best < 0 ? -1 : cs + best, end };
}

const sliceWords = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;

/** The English findings of the normalised text `text` (offsets into it). */
export function englishClauseFindings(text: string): ClauseHit[] {
  if (!/[a-z]/i.test(text)) return [];
  // Lower-case only A-Z: one unit for one unit, so the offsets stay the text's.
  const t = blank(text.replace(/[A-Z]/g, (c) => c.toLowerCase()).replace(/[’‘`´]/g, "'"));
  const out: ClauseHit[] = [];
  // Each class regex runs once over the whole text (most find nothing in a draft), and a clause
  // takes the matches that lie inside it: far cheaper than a run per clause.
  const found = new Map<RegExp, RegExpExecArray[]>();
  const inClause = (re: RegExp, c: Span): { 0: string; index: number }[] => {
    const ms = found.get(re)!;
    const inside: { 0: string; index: number }[] = [];
    for (const m of ms) if (m.index >= c.s && m.index + m[0].length <= c.e) inside.push({ 0: m[0], index: m.index - c.s });
    return inside;
  };
  // Where any class matches at all: a sentence without one is skipped before it is cut into clauses.
  const starts: number[] = [];
  for (const re of CLASSES) { const ms = all(re, t); found.set(re, ms); for (const m of ms) starts.push(m.index); }
  starts.sort((x, y) => x - y);
  let next = 0;
  let prevStart = 0, lastStart = 0, lastEnd = 0;
  const sents = sentences(t);
  // A question and its short answer (round 11): "Is there any chance it won't recover? None whatsoever."
  for (let k = 0; k + 1 < sents.length; k++) {
    const q = sents[k];
    if (t[q.e] !== "?" || /\n/.test(t.slice(q.e, sents[k + 1].s))) continue;
    const h = answeredPromise(t, q, sents[k + 1]);
    if (h) out.push(h);
  }
  let si = -1;
  const cursor = new Map<RegExp, number>();
  for (const sp of sents) {
    si++;
    // The sentence before counts as context: "When has this fund ever failed to recover? It always comes back."
    // (Not across a line break: a draft is checked line by line, and the whole must find the same.)
    prevStart = /\n/.test(t.slice(lastEnd, sp.s)) ? sp.s : lastStart; lastStart = sp.s; lastEnd = sp.e;
    while (next < starts.length && starts[next] < sp.s) next++;
    if (next >= starts.length || starts[next] >= sp.e) continue;
    const sentence = t.slice(sp.s, sp.e);
    sentenceClassFindings(t, sp, sents[si + 1] && !/\n/.test(t.slice(sp.e, sents[si + 1].s)) ? sents[si + 1] : undefined, prevStart, found, cursor, out);
    // A return needs a number in its sentence (benchmark-as-return's two readings).
    const numbered = /\d|percent|per cent/.test(sentence);
    const question = QUESTION.test(t[sp.e] ?? "");
    if (question) continue;
    // Read only when a clause of the sentence holds a candidate (most sentences of a draft hold none).
    let boostedV: boolean | undefined, disownedV: boolean | undefined;
    // A booster as the next sentence counts too: "These always come back. 100%."
    const nextSp = sents[si + 1] && !/\n/.test(t.slice(sp.e, sents[si + 1].s)) ? sents[si + 1] : undefined;
    const boosted = () => (boostedV ??= BOOSTER.test(sentence) || shortBooster(t, nextSp));
    const disowned = () => (disownedV ??= DISOWN.test(sentence));
    let sentenceHedgeV: boolean | undefined;
    const sentenceHedged = () => (sentenceHedgeV ??= HEDGE.test(sentence));
    const cls = clauses(t, sp);
    for (const c of cls) {
      const clause = t.slice(c.s, c.e);
      const hit = (rule: ComplianceRule, i: number, e: number) => out.push({ rule, index: i, end: e });
      // What stands before a point of the clause, and of the sentence: 200 characters are scope enough
      // for a negator or a reporting verb, and a bound keeps a run-on text linear.
      const before = (i: number) => t.slice(Math.max(c.s, i - 200), i);
      const said = (i: number) => REPORTED.test(t.slice(Math.max(sp.s, i - 200), i));
      let hedgedV: boolean | undefined, lossHedgeV: boolean | undefined;
      const hedged = () => (hedgedV ??= HEDGE.test(clause));
      // ---- certain-outcome: a recovery, with certainty, of the product or the client ----
      for (const m of inClause(RECOVERY, c)) {
        const vi = c.s + m.index!, ve = vi + m[0].length;
        // A loss that reverses or goes away has the loss as its holder: "the dip reverses within weeks".
        const reversal = /^(?:revers|disappear|vanish|unwind|evaporat|melt|go(?:es)? away|(?:be|is|are) (?:gone|erased|wiped|temporary|short|history|behind|all|just|long|only|merely|a |an |bad|distant|memory|water|forgotten|blip|hiccup))/.test(m[0]);
        const holder = holderBefore(t, c.s, vi, reversal ? [ASSET, CLIENT, LOSS_NOUN] : [ASSET, CLIENT]);
        let h = holder.start;
        // No holder after an imperative to hold: "Hold until New Year and sure out of the hole".
        if (h < 0 && HOLD_AND.test(t.slice(sp.s, vi)) && !hedged() && !sentenceHedged() && !disowned()) { hit("certain-outcome", sp.s, ve); continue; }
        // No holder after a bare certainty word: "wait lah, sure can come back one, don't sell".
        if (h < 0 && /^\s*(?:sure|confirm(?: plus chop)?|definitely|surely|certainly|100 ?%|guaranteed|for sure)\s+(?:can\s+|will\s+|got\s+|sure\s+)?$/.test(t.slice(c.s, vi))
          && MARKET_CONTEXT.test(t.slice(prevStart, sp.e)) && !disowned() && !sentenceHedged()) { hit("certain-outcome", c.s, ve); continue; }
        if (h < 0) continue;
        const end = holder.end;
        // A holder after a preposition is no subject ("your understanding of the product will grow"),
        // unless it names what the head before it measures ("the value of your fund will rise").
        // A bet on the holder's recovery: "I'd stake my job on this coming back by the summer".
        const vouchOn = /\b(?:bet|stake|wager|put (?:my|money)|swear|count|bank|rely)\b[^,;.]{0,30}\bon\s+$/.test(before(h)) && /^(?:coming|going|heading|climbing|bouncing|getting|rebounding|recovering|rising|being|ending|making|returning|trading)\b/.test(m[0]);
        if (!vouchOn && /\b(?:of|for|about|in|on|with|from|to|into|at|by)\s+$/.test(before(h))) {
          if (!/\b(?:the|its|your) (?:value|price|nav|unit price|net asset value|performance) of\s+$/.test(before(h))) continue;
          h = h - (/\b(?:the|its|your) (?:value|price|nav|unit price|net asset value|performance) of\s+$/.exec(before(h))![0].length);
        }
        if (/\bback\b/.test(m[0]) && SETTLEMENT.test(sentence)) continue;
        // A weak verb (rise, grow, pick up, be fine, come back) said of "it", "this", "you" is a
        // promise of recovery only where the sentence is about the market or the loss.
        const weak = WEAK_RECOVERY.test(m[0]);
        // (A date and a personal assurance make even "you'll be fine" a forecast: "you'll be fine by year-end, trust me".)
        if (weak && (VAGUE_HOLDER.test(t.slice(h, end)) || /^(?:you|u|ya|ye)$/.test(t.slice(h, end))) && !MARKET_CONTEXT.test(t.slice(prevStart, sp.e))
          && !/\b(?:guaranteed|bound|sure|certain|destined) to\b/.test(t.slice(end, vi))
          && !(WHEN.test(clause) && boosted()) && !shortBooster(t, nextSp)) continue;
        const local = t.slice(h, vi);
        const between = t.slice(end, vi);
        if (sliceWords(between) > 6) continue;
        const outer = before(h);
        // The progressive of a motion back is a future already: "it's 100% coming back", "is heading back to 1.50".
        const progressive = /^(?:'s|'re|\s+(?:is|are))\s*(?:\S+\s+){0,2}$/.test(between) && /^(?:coming|going|heading|climbing|bouncing|getting|rebounding|recovering|rising|moving|trading|on (?:its|the) way)\b/.test(m[0]);
        const future = FUTURE.test(between) || progressive || vouchOn && /^\s*$/.test(between);
        const inClauseBoost = BOOSTER.test(clause);
        const bare = /^(?:'s|'re|\s+(?:is|are))?\s*(?:\w+ly\s+|just\s+|all\s+|100%\s+|always\s+|invariably\s+)?$/.test(between);
        // A loss called temporary in the present is its reversal foretold: "the slump is a blip".
        const calledTemporary = reversal && bare && /^(?:is|are) /.test(m[0]) && /\b(?:temporary|short-lived|blip|hiccup)\b/.test(m[0]) && LOSS_NOUN.test(t.slice(h, end));
        LOSS_NOUN.lastIndex = 0;
        const present = !future && bare && /s\b|^(?:be|is|are|'s|'re)/.test(m[0]) && (WHEN.test(clause) || calledTemporary);
        if (!future && !present && !(boosted() && bare && !/ed\b/.test(m[0].split(" ")[0]))) continue;
        if (/\b(?:recovered|rebounded|bounced|climbed|rose|regained|recouped|came|got|made|won|earned|returned|reversed|turned|picked|headed|gone)\b/.test(m[0].split(" ")[0]) && !/(?:\bwill|'ll)(?: \w+)? have\b/.test(local)) continue;
        if (LOCAL_HEDGE.test(between.replace(/\bcan only\b|\bcan't fail to\b|\bcannot fail to\b/g, "")) || hedged()) continue;
        const localNeg = NEGATOR.test(between.replace(/\b(?:can't|cannot|can not) (?:fail to|help but)\b/g, ""));
        const impossible = IMPOSSIBLE.test(outer);
        if (localNeg && !impossible) continue; // "it won't recover soon"
        if (!localNeg && NEGATOR.test(outer)) continue; // "nobody can say it will recover"
        if (said(h)) continue;
        // A hedge elsewhere in the sentence undoes a plain forecast; a booster in this clause stands.
        if ((sentenceHedged() || disowned()) && !(inClauseBoost && !disowned())) continue;
        hit("certain-outcome", h, ve);
      }
      // ---- no-loss-promise: a loss negated, with its holder the client or the client's money ----
      for (const m of inClause(LOSS, c)) {
        const vi = c.s + m.index!, ve = vi + m[0].length;
        const quantified = /\b(?:none of (?:your|ur|the|that) (?:\w+ )?(?:money|principal|capital|savings|investment|funds|units|stake)|not (?:even )?(?:a|one) (?:single )?(?:cent|penny|dollar|yuan|bit|dime)|nothing(?: bad)?)\b(?:[^,;.!?]|[,.](?=\d)){0,40}$/.exec(before(vi));
        const holder = quantified ? undefined : holderBefore(t, c.s, vi, [CLIENT, MONEY, ASSET]);
        const h = holder ? holder.start : Math.max(c.s, vi - 200) + quantified!.index!;
        if (h < 0) continue;
        // "it won't go below the minimum", "nothing will be lost if you close the app": a vague holder
        // loses money only in a sentence about the market or the loss.
        if ((quantified ? /^nothing/.test(quantified[0]) : VAGUE_HOLDER.test(t.slice(h, holder!.end))) && !MARKET_CONTEXT.test(t.slice(prevStart, sp.e))) continue;
        // "you won't lose your place / your appointment": what is lost must be money.
        if (/^los/.test(m[0]) && /^\s+(?:your|ur|the|my) (?!(?:\w+ )?(?:money|principal|capital|savings|investment|funds?|stake|shirt|value|cash|deposit)\b)/.test(t.slice(ve, ve + 40))) continue;
        const local = t.slice(h, vi);
        if (sliceWords(local) > 9) continue;
        const outer = before(h);
        const impossible = IMPOSSIBLE.test(t.slice(c.s, vi));
        // The negator must govern the loss verb: "is not ring-fenced and can shrink" negates the first verb only.
        const scope = local.split(/\b(?:and|but|or|so|yet)\b/).pop()!;
        const localNeg = quantified ? true : /\b(?:not|never|cannot|no|wont|cant|dont|isnt)\b|n't\b/.test(scope.replace(IMPOSSIBLE_G, " "));
        if (!localNeg && !impossible) continue;
        if (localNeg && impossible) continue; // "no chance it won't fall": not a promise of no loss
        if (/\b(?:may|might|could|should|would)\b(?!\s+(?:not\s+)?possibly)/.test(local) && !/\bcould(?:n't| not) possibly\b/.test(local)) continue;
        if (!impossible && NEGATOR.test(outer)) continue; // "we cannot promise you won't lose"
        if (!impossible && (lossHedgeV ??= HEDGE.test(clause.replace(/\bif (?:you|u) (?:hold|stay|keep|wait|don't|do not|just)\b.*/, "")))) continue;
        if (/\b(?:if|whether|unless)\b/.test(outer)) continue;
        if (said(h)) continue;
        if (disowned() && !BOOSTER.test(clause)) continue;
        // "the NAV won't fall" is a promise; "it doesn't fall in a day" (a present habit) is not.
        // A present "doesn't go below what you put in" measures the loss against the client's money: a promise too.
        const belowCost = /^\s*(?:below|under|beneath|lower than)\s+(?:what (?:you|u) (?:put in|paid|invested)|(?:your|ur|the) (?:\w+ )?(?:principal|purchase|entry|cost|original|initial|amount)|par|cost)/.test(t.slice(ve, ve + 50)) || /(?:below|under)$/.test(m[0]) && /^\s*(?:what (?:you|u) (?:put in|paid|invested)|(?:your|ur) (?:\w+ )?(?:principal|purchase|entry|cost|original|initial))/.test(t.slice(ve, ve + 50));
        if (!quantified && !impossible && !/(?:'ll|will|won't|wont|going to|gonna|can't|cant|cannot|can not|never|couldn't|shall|isn't|is not|aren't|are not|'re not|'s not)/.test(local)
          && !(belowCost && /\b(?:doesn't|does not|don't|do not)\b/.test(local))) continue;
        if (/happen to$/.test(m[0]) && !/^\s*(?:your|the|ur) (?:money|principal|capital|savings|investment)/.test(t.slice(ve))) continue;
        hit("no-loss-promise", h, ve);
      }
      // ---- no-loss-promise: the client's money asserted safe ----
      for (const m of inClause(SAFE, c)) {
        const vi = c.s + m.index!, ve = vi + m[0].length;
        const h = holderBefore(t, c.s, vi, [MONEY]).start;
        const hAsset = h < 0 ? holderBefore(t, c.s, vi, [ASSET]).start : -1;
        if (CUSTODY.test(clause) || SETTLEMENT.test(clause)) continue;
        // "covered by the prospectus" describes; "covered by us" promises.
        if (/covered$/.test(m[0]) && /^\s+by\b(?! (?:us|me|the bank|the branch|our bank|our branch)\b)/.test(t.slice(ve))) continue;
        const start = h >= 0 ? h : hAsset;
        if (start < 0) continue;
        const local = t.slice(start, vi);
        if (sliceWords(local) > 6) continue;
        // A product called safe: only a flat "safe/secure", not "protected" (a category) or "fine".
        if (h < 0 && !/\b(?:safe|secure)\b/.test(m[0])) continue;
        if (/\b(?:not|never|no|isn't|aren't|won't)\b|n't\b/.test(m[0] + local)) continue;
        if (/\b(?:may|might|could|should|would|relatively|fairly|reasonably|generally|comparatively|usually|only)\b/.test(m[0] + local)) continue;
        const outer = before(start);
        if (NEGATOR.test(outer) || /\b(?:if|whether|unless)\b/.test(outer) || said(start)) continue;
        if (disowned() || HEDGE.test(clause.replace(/\bif (?:you|u) (?:hold|stay|keep|wait)\b.*/, ""))) continue;
        if (/\b(?:deposit insurance|insured up to|up to)\b/.test(clause)) continue;
        hit("no-loss-promise", start, ve);
      }
      // ---- compensation-promise: the bank making good the loss ----
      for (const m of inClause(COMP, c)) {
        const vi = c.s + m.index!, ve = vi + m[0].length;
        const bank = holderBefore(t, c.s, vi, [BANK]);
        const h = bank.start;
        if (h < 0) continue;
        const bankEnd = bank.end;
        if (NEGATOR.test(m[0])) continue; // "the bank bears no loss"
        if (/^refund/.test(m[0]) && FEE.test(t.slice(vi + 6, vi + 60)) && !/\b(?:loss|losses|lost|drop|decline|difference|shortfall)\b/.test(clause)) continue;
        const local = t.slice(h, vi);
        if (sliceWords(local) > (/(?:'ll|\bwill|\bcan)\b[^,;]*\bto $/.test(local) ? 16 : 9)) continue;
        const outer = before(h);
        if (NEGATOR.test(local) || NEGATOR.test(outer)) continue;
        // A decision, a future or a present: "we'll cover", "the bank has agreed to", "the bank covers".
        const decided = /(?:'ll|\bwill|\bshall|\bgoing to|\bgonna|\b(?:agree[sd]?|decided|arranged|undertaken|promised|committed)(?: \w+ly)? to|\bprepared to|\bready to|\bwilling to|\bundertakes? to|\bintends? to|\b(?:has |have )?offer(?:s|ed)? to|\bdecided to|\bpromise to|\bcommit(?:ted)? to|\bplans? to|\barranged? to|\bhappy to|\bcan|\blet (?:us|me)|\bwe'd like to|\bhave approved|\bhas approved|\b(?:has|have|keeps?|set aside|sets aside|put aside) (?:a |an )?(?:\w+ )?(?:reserve|budget|fund|provision|pool|pot)s?|\b(?:have|has|'ve|'s) (?:applied|asked|arranged|secured|obtained|approved|got) (?:for )?(?:a |an |the |some )?(?:\w+ )?)\b/.test(local)
          || /^\s+(?:\w+ly\s+|just\s+)?$/.test(t.slice(bankEnd, vi)) && /s\b/.test(m[0].split(" ")[0]);
        // "I've arranged for the bank to refund you": the decision stands before the bank.
        // "I'll get head office to reimburse", "I'll have the branch make you whole": the decision is the writer's.
        const causative = /(?:\b(?:we|i)(?:'ll| will| can| shall|'m going to| am going to|'re going to| are going to)|\blet (?:me|us))\s+(?:\w+\s+)?(?:get|have|ask|make|push|persuade|talk|lean on)\s+$/.test(before(h));
        if (!decided && !causative && !(/\b(?:arranged|agreed|organi[sz]ed|made sure|asked|got) (?:for|with) $/.test(before(h)) && /\bto\s*$/.test(local))) continue;
        // "square you up", "sort you out": making good only where a loss is talked of.
        if (/^(?:square|sort)/.test(m[0]) && !/\b(?:loss|losses|lost|drop|down|shortfall|difference|dip|fall|hit|blow|red)\b/.test(sentence)) continue;
        if (/\b(?:could|would|may|might|should)\b/.test(local)) continue;
        if (COMP_HEDGE.test(t.slice(sp.s, ve))) continue;
        if (leftToDueProcess(sentence)) continue;
        if (said(h) || disowned()) continue;
        hit("compensation-promise", h, ve);
      }
      for (const re of [COMP_PASSIVE, CLIENT_PAID]) {
        for (const m of inClause(re, c)) {
          const i = c.s + m.index!, e = i + m[0].length;
          if (NEGATOR.test(m[0]) || NEGATOR.test(before(i)) || /\b(?:could|would|may|might)\b/.test(m[0])) continue;
          if (COMP_HEDGE.test(t.slice(sp.s, e)) || disowned() || said(i)) continue;
          if (leftToDueProcess(sentence)) continue;
          if (/\bborne by (?:investors?|clients?|you)\b/.test(m[0])) continue;
          hit("compensation-promise", i, e);
        }
      }
      // ---- benchmark-as-return: a return with a number, as what the client gets ----
      if (numbered) {
        for (const [re, holders] of [[RETURN_TO_CLIENT, [CLIENT]], [RETURN_FROM_ASSET, [ASSET]]] as const) {
          for (const m of inClause(re, c)) {
            const vi = c.s + m.index!, ve = vi + m[0].length;
            let h = holderBefore(t, c.s, vi + 1, [...holders]).start;
            // The imperative speaks to the client: "count on getting 3.5% a year".
            if (h < 0 && /^(?:count on|bank on|rely on|expect)/.test(m[0]) && !before(vi).trim()) h = vi;
            if (h < 0 || h > vi + 1) continue;
            const local = t.slice(h, vi);
            if (sliceWords(local) > 5) continue;
            const after = t.slice(ve, Math.min(c.e, ve + 48));
            const num = RETURN_NUMBER.exec(after);
            if (!num) continue;
            const e = ve + num.index! + num[0].length;
            const outer = before(h);
            if (NEGATOR.test(outer) || NEGATOR.test(t.slice(h, e))) continue;
            if (RETURN_HEDGE.test(clause) || /\b(?:if|whether|unless|would|could|may|might)\b/.test(sentence) || disowned()) continue;
            if (said(h)) continue;
            hit("benchmark-as-return", h, e);
          }
        }
      }
      // The client's money as the object of a harm denied: "the dip can't touch your principal".
      // A downside denied as a noun: "there's zero downside for you", "no risk to your capital".
      for (const re of [HARM_DENIED, NO_DOWNSIDE]) {
        for (const m of inClause(re, c)) {
          const i = c.s + m.index!, e = i + m[0].length;
          const outer = before(i);
          if (NEGATOR.test(outer.replace(/\b(?:there's|there is|there are)\b/g, "")) || /\b(?:if|whether|unless|may|might|could|would)\b/.test(clause) || disowned()) continue;
          if (said(i)) continue;
          hit("no-loss-promise", i, e);
        }
      }
      // A purpose of making good, with the bank acting on it: "to compensate for the drop, we will
      // waive your fees", "we'll credit points to cover what you lost".
      for (const m of inClause(COMP_PURPOSE, c)) {
        const i = c.s + m.index!, e = i + m[0].length;
        const act = /\b(?:we|i|the bank|the branch|our team)(?:'ll| will| can| shall|'re going to| are going to| have decided to| have agreed to)\s+(?!not\b)/.exec(sentence);
        if (!act || NEGATOR.test(sentence.slice(act.index, act.index + act[0].length + 12))) continue;
        if (/\b(?:cannot|can't|won't|will not|not allowed|not able|unable|against the rules|may|might|could|would)\b/.test(sentence) || COMP_HEDGE.test(sentence) || disowned() || leftToDueProcess(sentence)) continue;
        if (said(i)) continue;
        hit("compensation-promise", i, e);
      }
      for (const [re, rule] of [[SUPERLATIVE_SCOPE, "superlative"], [CLIENT_COVERED, "no-loss-promise"], [PRINCIPAL_BACK, "no-loss-promise"]] as const) {
        for (const m of inClause(re, c)) {
          const i = c.s + m.index!, e = i + m[0].length;
          if (NEGATOR.test(before(i) + m[0].replace(/^the lowest|^least/, "")) || /\b(?:if|whether|unless|may|might|could|would|minus|less|after (?:fees|losses|costs))\b/.test(clause) || disowned()) continue;
          if (said(i)) continue;
          if (rule === "no-loss-promise" && (SETTLEMENT.test(sentence) || CUSTODY.test(clause))) continue;
          hit(rule, i, e);
        }
      }
      // A return fixed for the client: "your annualised return is locked in at 3.5%", "your 3.5% is locked in".
      for (const m of inClause(RETURN_FIXED, c)) {
        const i = c.s + m.index!, e = i + m[0].length;
        if (NEGATOR.test(before(i) + m[0]) || /\b(?:if|whether|unless|may|might|could|would)\b/.test(sentence) || disowned()) continue;
        if (said(i)) continue;
        hit("benchmark-as-return", i, e);
      }
      if (numbered) {
        for (const m of inClause(WHAT_YOU_GET, c)) {
          const i = c.s + m.index!, e = i + m[0].length;
          const head = t.slice(sp.s, i);
          if (!RETURN_NUMBER.test(head) && !/\b(?:benchmark|yield|return|rate)\b/.test(head)) continue;
          if (!/\d|percent|per cent/.test(head)) continue;
          if (NEGATOR.test(before(i)) || /\bnot\b/.test(m[0])) continue;
          if (/\b(?:if|whether|unless|would|could|may|might|depends?|estimate[sd]?|historical|past|illustrat\w*|example|scenario)\b/.test(sentence) || disowned()) continue;
          if (REPORTED.test(head)) continue;
          hit("benchmark-as-return", i, e);
        }
      }
      // ---- round 11 classes: each a promise on its own, dropped when negated before it in its
      // clause, hedged or made a condition in its clause, reported, or disowned in its sentence ----
      const plain = (i: number, opts: { neg?: boolean; hedge?: RegExp } = {}) => {
        if (NEGATOR.test(before(i).replace(/\b(?:no need to|nothing to)\b/g, ""))) return false;
        if ((opts.hedge ?? /\b(?:may|might|could|would|if|whether|unless|hope|hoping|hopefully|perhaps|maybe|possibly|likely|probably|depends?|depending)\b/).test(clause)) return false;
        if (said(i) || disowned()) return false;
        return true;
      };
      // The classes that need nothing but `plain`: every match is a finding of the rule.
      const plainHits = (re: RegExp, rule: ComplianceRule) => {
        for (const m of inClause(re, c)) {
          const i = c.s + m.index!;
          if (plain(i)) hit(rule, i, i + m[0].length);
        }
      };
      plainHits(NOBODY_LOSES, "no-loss-promise");
      plainHits(NEVER_HAD_LOSER, "no-loss-promise");
      for (const m of inClause(THERE_NO_LOSS, c)) {
        const i = c.s + m.index!, e = i + m[0].length;
        if (!plain(i) || CUSTODY.test(clause)) continue;
        hit("no-loss-promise", i, e);
      }
      for (const m of inClause(RECOVERY_CERTAIN, c)) {
        const i = c.s + m.index!, e = i + m[0].length;
        const ifWhen = /\b(?:if|whether|when)\b/.test(m[0]);
        // "recovery is not certain": the negator inside the form; "a question of if" needs a recovery talked of.
        if (/^(?:(?:a|the|its|your|this|that|any) )?(?:\w+ )?(?:recovery|rebound|bounce|comeback|turnaround|upturn|rally)/.test(m[0]) ? NEGATOR.test(m[0]) : !MARKET_CONTEXT.test(t.slice(prevStart, sp.e))) continue;
        if (!plain(i, ifWhen ? { hedge: /\b(?:may|might|could|would|unless|hope|perhaps|maybe|possibly|likely|probably|depends?)\b/ } : {})) continue;
        hit("certain-outcome", i, e);
      }
      for (const m of inClause(LOSS_DENIED, c)) {
        const i = c.s + m.index!, e = i + m[0].length;
        if (!plain(i) || /\bnot (?:impossible|out of the question)\b/.test(m[0])) continue;
        hit("no-loss-promise", i, e);
      }
      for (const m of inClause(STAY_DOWN_DENIED, c)) {
        const i = c.s + m.index!, e = i + m[0].length;
        // Said of the product, the price or the fall ("the dip won't last"), in a sentence about the market.
        const hd = holderBefore(t, c.s, i + 1, [ASSET, LOSS_NOUN, /\b(?:dips?|drops?|falls?|losses|slumps?|corrections?|drawdowns?|declines?)\b/g]);
        if (hd.start < 0 || sliceWords(t.slice(hd.end, i)) > 4) continue;
        if (/^(?:it|this|that|they|these|those|things)$/.test(t.slice(hd.start, hd.end)) && !MARKET_CONTEXT.test(t.slice(prevStart, sp.e))) continue;
        if (!plain(hd.start)) continue;
        hit("certain-outcome", hd.start, e);
      }
      for (const m of inClause(AT_LEAST_BACK, c)) {
        const i = c.s + m.index!, e = i + m[0].length;
        const hd = holderBefore(t, c.s, i, [CLIENT]);
        if (hd.start < 0 || sliceWords(t.slice(hd.end, i)) > 4 || !plain(hd.start) || SETTLEMENT.test(sentence)) continue;
        hit("no-loss-promise", hd.start, e);
      }
      plainHits(NEVER_FAILED, "certain-outcome");
      plainHits(ENSURE_NO_LOSS, "no-loss-promise");
      for (const m of inClause(DEPOSIT_LIKE, c)) {
        const i = c.s + m.index!, e = i + m[0].length;
        if (!plain(i)) continue;
        // Deposit likeness said of the product or the money, not of a deposit compared ("unlike", "deposits are ...").
        if (/\bunlike\b|\bdeposit insurance\b/.test(sentence) || holderBefore(t, c.s, i, [ASSET, MONEY, CLIENT]).start < 0 && !/^(?:think|treat)/.test(m[0].replace(/^(?:is|'s|are|works)\s+/, ""))) continue;
        hit("no-loss-promise", i, e);
      }
      for (const m of inClause(MONEY_INTACT, c)) {
        const i = c.s + m.index!, e = i + m[0].length;
        let hd = holderBefore(t, c.s, i, [CLIENT]);
        if (hd.start < 0) hd = holderBefore(t, c.s, i, [ASSET]);
        if (hd.start < 0 || !plain(hd.start) || SETTLEMENT.test(sentence)) continue;
        if (!/(?:'ll|\bwill|\bgoing to|\bgonna|\bshall|\bcan't|\bnever|\balways|\bkeeps?)\b/.test(t.slice(hd.start, e))) continue;
        hit("no-loss-promise", hd.start, e);
      }
      for (const m of inClause(REPAYS_FULL, c)) {
        const i = c.s + m.index!, e = i + m[0].length;
        const hd = holderBefore(t, c.s, i, [ASSET]);
        if (hd.start < 0 || sliceWords(t.slice(hd.end, i)) > 3 || !plain(hd.start) || SETTLEMENT.test(sentence)) continue;
        // A repayment at par said of a deposit or a government bond is the comparison.
        if (/\b(?:deposits?|government|treasur\w*)\b/.test(t.slice(Math.max(c.s, hd.start - 30), i))) continue;
        hit("no-loss-promise", hd.start, e);
      }
      for (const m of inClause(SUPERLATIVE_NONE, c)) {
        const i = c.s + m.index!, e = i + m[0].length;
        // "no product is safer than a deposit" ranks the deposit, not ours.
        if (/\b(?:deposits?|government bonds?|treasur\w*|cash)\b/.test(sentence) || !plain(i)) continue;
        hit("superlative", i, e);
      }
      for (const m of inClause(GUARANTOR, c)) {
        const i = c.s + m.index!, e = i + m[0].length;
        // A deposit or a government bond backed by the state is the comparison, not the promise.
        if (/\b(?:deposits?|bonds?|treasur\w*|insurance|scheme)\b/.test(t.slice(c.s, i)) || /\binsurance\b/.test(clause)) continue;
        if (/\bi\b|\bwe\b/.test(m[0].slice(0, 3)) && !/\b(?:product|fund|principal|capital|money|investment|it|this)\b/.test(t.slice(e - 12, e))) continue;
        if (NEGATOR.test(m[0]) || !plain(i)) continue;
        hit("promise-words", i, e);
      }
      for (const m of inClause(WORST_CASE, c)) {
        const i = c.s + m.index!, e = i + m[0].length;
        if (!/\bworst\b/.test(t.slice(prevStart, e))) continue;
        if (/\b(?:could|may|might|lose|losing|less than)\b/.test(t.slice(prevStart, sp.e))) continue;
        if (said(i) || disowned()) continue;
        hit("no-loss-promise", i, e);
      }
      for (const m of inClause(ELLIPSIS, c)) {
        const i = c.s + m.index!, e = i + m[0].length;
        if (!/\b(?:recover\w*|rebound\w*|bounc\w*|c[oa]mes? back|climb\w*|claw\w*|rise|rises|rose|risen|got back|gone back up|went back up|corrects? itself|rights? itself|sorts? itself out)\b/.test(t.slice(prevStart, i))) continue;
        if (!plain(i)) continue;
        hit("certain-outcome", i, e);
      }
      for (const m of inClause(GUARANTEE_GAIN, c)) {
        const i = c.s + m.index!, e = i + m[0].length;
        if (NEGATOR.test(m[0]) || !plain(i)) continue;
        hit("promise-words", i, e);
      }
      plainHits(FAILSAFE, "promise-words");
      plainHits(PROTECTED_PRODUCT, "promise-words");
      for (const m of inClause(PRINCIPAL_IN_FULL, c)) {
        const i = c.s + m.index!, e = i + m[0].length;
        if (!plain(i) || SETTLEMENT.test(sentence) || CUSTODY.test(clause)) continue;
        hit("no-loss-promise", i, e);
      }
      for (const m of inClause(COMP_OTHER, c)) {
        const i = c.s + m.index!, e = i + m[0].length;
        if (NEGATOR.test(m[0]) || !plain(i, { hedge: /\b(?:may|might|could|would|if|whether|unless|consider|considering|discuss|explore)\b/ })) continue;
        // Out of our pocket / so the gains offset: said of a loss and a bank that acts.
        if (/^(?:comes?|will|'ll|is|gets|goes|at)\b/.test(m[0]) && !/\b(?:loss|losses|lost|drop|decline|shortfall|difference|dip|down)\b/.test(sentence)) continue;
        if (/^so\b/.test(m[0]) && !/\b(?:we|i|the bank|the branch)\b/.test(sentence)) continue;
        if (leftToDueProcess(sentence)) continue;
        hit("compensation-promise", i, e);
      }
      if (numbered) {
        for (const m of inClause(YIELD_IS, c)) {
          const i = c.s + m.index!, e = i + m[0].length;
          if (NEGATOR.test(m[0]) || !plain(i) || YIELD_PAST.test(sentence) || RETURN_HEDGE.test(clause.replace(/\b(?:was|were|past|last year|historical|historically)\b/g, ""))) continue;
          if (/^(?:your|ur) /.test(m[0]) && !YIELD_FUTURE.test(sentence)) continue;
          hit("benchmark-as-return", i, e);
        }
      }
      for (const m of inClause(YOU_NEITHER, c)) {
        const i = c.s + m.index!, e = i + m[0].length;
        const ctx = t.slice(prevStart, i);
        if (!/\b(?:los(?:e|es|t|ing)|loss|out of pocket|behind|worse off)\b/.test(ctx) || !/\b(?:nobody|no one|never|not one|no client|none|not a single)\b/.test(ctx)) continue;
        if (said(i) || disowned()) continue;
        hit("no-loss-promise", i, e);
      }
    }
  }
  // A mention called untrue in the same clause ("the idea that it cannot lose is simply wrong").
  return out.filter((h) => !CALLED_UNTRUE.test(t.slice(h.end, spanEndOfSentence(t, h.end))) && !MENTION.test(t.slice(Math.max(0, h.index - 40), h.index))
    && !englishNotAPromise(t, h.index, h.end));
}

const CALLED_UNTRUE = /^[^.!?]*\b(?:is|are|was|were|would be)\s+(?:simply |just |completely |totally |plainly |absolutely )?(?:wrong|untrue|false|not true|incorrect|a myth|misleading|not the case|not correct|not accurate|inaccurate)\b/;
// The statement is the object of a noun of claim: "the idea that", "the belief that", "saying that".
const MENTION = /\b(?:the (?:idea|claim|notion|belief|suggestion|impression|assumption|view|promise|assurance|statement) that|saying that|to say that|to say|to claim|to suggest|to promise|to tell (?:you|u|clients?))\s+$/;
function spanEndOfSentence(t: string, i: number): number {
  const m = /[.!?\n](?:\s|$)/.exec(t.slice(i));
  return m ? i + m.index! : t.length;
}
