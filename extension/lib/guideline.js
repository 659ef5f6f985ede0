/**
 * Walks the guideline offline, in the shape GET /api/v1/guideline returns.
 *
 * Mirrors the server's engine (server/guideline/engine.py, Guideline.walk) so that the answers
 * lead to the same next question or outcome with or without the server; tests/js checks that
 * both agree on every path. The server stays the source of truth whenever it can be reached.
 */

/** The answers do not fit the tree: an unknown question, an answer off the path, not a yes/no. */
export class AnswerError extends Error {
  constructor(message) {
    super(message);
    this.name = "AnswerError";
  }
}

function presentQuestion(q) {
  return { id: q.id, text: q.text, help: q.help ?? null, prefill: q.prefill ?? null };
}

function matches(when, answers) {
  return Object.entries(when || {}).every(([qid, value]) => answers[qid] === value);
}

function presentOutcome(guideline, oid, answers) {
  const o = guideline.outcomes[oid];
  const addenda = (guideline.addenda || []).filter((a) => matches(a.when, answers)).map((a) => a.text);
  return {
    id: oid,
    title: o.title,
    advice: o.advice,
    addenda,
    reporting: Boolean(o.reporting),
    show_chain_partners: Boolean(o.show_chain_partners),
    follow_up: Boolean(o.follow_up),
    emergency: o.emergency ?? null,
    drafts: o.drafts ?? [],
  };
}

/** A tip meant for some harm categories only is left out when the post is of another one. */
function tipFits(tip, category) {
  return !category || !Array.isArray(tip.categories) || tip.categories.length === 0
    || tip.categories.includes(category);
}

/**
 * Where the answers so far lead: {complete, next_question, outcome, path, optional_questions,
 * tips, donts}, exactly as POST /api/v1/advice answers. `category` (the post's harm category,
 * when known) leaves out tips written for other kinds of harm.
 */
export function walk(guideline, answers = {}, category = null) {
  const questions = guideline.questions;
  for (const [qid, value] of Object.entries(answers)) {
    if (!Object.hasOwn(questions, qid)) {
      throw new AnswerError(`unknown question '${qid}'; known: ${Object.keys(questions).join(", ")}`);
    }
    if (typeof value !== "boolean") {
      throw new AnswerError(`answer to '${qid}' must be true or false, not ${JSON.stringify(value)}`);
    }
  }

  const path = [];
  let node = guideline.start;
  while (Object.hasOwn(questions, node)) {
    path.push(node);
    if (!Object.hasOwn(answers, node)) break;
    node = answers[node] ? questions[node].yes : questions[node].no;
  }

  const optionalDefs = guideline.optional_questions || {};
  const optional = Object.entries(optionalDefs)
    .filter(([qid, opt]) => !path.includes(qid) && matches(opt.after, answers))
    .map(([qid]) => qid);
  for (const qid of Object.keys(answers)) {
    if (!path.includes(qid) && !optional.includes(qid)) {
      throw new AnswerError(`question '${qid}' is not on the path of these answers (path: ${path.join(" > ")})`);
    }
  }

  const donts = guideline.donts.map((d) => ({ id: d.id ?? null, text: d.text }));
  const optionalQuestions = optional.map((qid) => ({
    id: qid,
    text: optionalDefs[qid].text,
    answer: Object.hasOwn(answers, qid) ? answers[qid] : null,
  }));
  if (Object.hasOwn(questions, node)) {
    return {
      complete: false,
      next_question: presentQuestion(questions[node]),
      outcome: null,
      path,
      optional_questions: optionalQuestions,
      tips: [],
      donts,
    };
  }
  const outcome = guideline.outcomes[node];
  const tips = (outcome.tips || []).filter((tid) => tipFits(guideline.tips[tid], category)).map((tid) => {
    const t = guideline.tips[tid];
    return { id: tid, title: t.title, text: t.text };
  });
  return {
    complete: true,
    next_question: null,
    outcome: presentOutcome(guideline, node, answers),
    path,
    optional_questions: optionalQuestions,
    tips,
    // An outcome for harmless posts shows no don'ts about handling hate.
    donts: outcome.show_donts === false ? [] : donts,
  };
}

/**
 * The answers to keep when the worker goes back to question `qid`: those on the path before it,
 * plus optional answers whose condition still holds. Later answers belonged to a branch the worker
 * may not take again, so they are asked anew.
 */
export function answersBefore(guideline, answers, qid) {
  const kept = {};
  let node = guideline.start;
  while (node !== qid && Object.hasOwn(guideline.questions, node) && Object.hasOwn(answers, node)) {
    kept[node] = answers[node];
    node = answers[node] ? guideline.questions[node].yes : guideline.questions[node].no;
  }
  for (const [oid, opt] of Object.entries(guideline.optional_questions || {})) {
    if (oid !== qid && Object.hasOwn(answers, oid) && !Object.hasOwn(kept, oid) && matches(opt.after, kept)) {
      kept[oid] = answers[oid];
    }
  }
  return kept;
}

/** A guideline document has the fields the popup needs (a stored copy may be old or damaged). */
export function isGuideline(doc) {
  return Boolean(doc && typeof doc === "object" && typeof doc.start === "string"
    && doc.questions && doc.outcomes && Array.isArray(doc.donts) && doc.tips
    && Object.hasOwn(doc.questions, doc.start));
}
