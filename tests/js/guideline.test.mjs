import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";

import { AnswerError, answersBefore, isGuideline, walk } from "../../extension/lib/guideline.js";
import { ROOT, bundled } from "./helpers.mjs";

// The seven root-to-outcome paths of shared/guideline/decision-tree.md (as tests/guideline_paths.py).
const PATHS = [
  [{ content: false, misinformation: true }, "correct_or_report"],
  [{ content: false, misinformation: false }, "monitor"],
  [{ content: true, danger: true }, "refer"],
  [{ content: true, danger: false, real_person: false }, "ignore_or_report"],
  [{ content: true, danger: false, real_person: true, known: false }, "moderate_and_counter"],
  [{ content: true, danger: false, real_person: true, known: true, influence: true }, "private_conversation"],
  [{ content: true, danger: false, real_person: true, known: true, influence: false }, "moderate_and_counter"],
];

for (const lang of ["nl", "en"]) {
  const g = bundled(lang);
  for (const [answers, outcome] of PATHS) {
    test(`${lang}: ${JSON.stringify(answers)} leads to ${outcome}`, () => {
      const advice = walk(g, answers);
      assert.equal(advice.complete, true);
      assert.equal(advice.outcome.id, outcome);
      assert.deepEqual(advice.path, Object.keys(answers));
      assert.equal(advice.next_question, null);
      assert.equal(advice.outcome.title, g.outcomes[outcome].title);
    });
  }
}

test("no answers: the first question, with the classifier as its pre-fill", () => {
  const advice = walk(bundled("nl"), {});
  assert.equal(advice.complete, false);
  assert.deepEqual(advice.path, ["content"]);
  assert.equal(advice.next_question.id, "content");
  assert.equal(advice.next_question.prefill, "classifier");
  assert.equal(advice.outcome, null);
  assert.deepEqual(advice.tips, []);
  assert.ok(advice.donts.length > 0);
});

test("harmful and wrong information: the outcome gets the 'also correct' addendum", () => {
  const g = bundled("en");
  const without = walk(g, { content: true, danger: false, real_person: false });
  assert.deepEqual(without.outcome.addenda, []);
  assert.deepEqual(without.optional_questions.map((q) => [q.id, q.answer]), [["misinformation", null]]);
  const withMisinfo = walk(g, { content: true, danger: false, real_person: false, misinformation: true });
  assert.equal(withMisinfo.outcome.addenda.length, 1);
  assert.equal(withMisinfo.optional_questions[0].answer, true);
});

test("the refer outcome shows chain partners, and reporting outcomes say so", () => {
  const g = bundled("nl");
  assert.equal(walk(g, { content: true, danger: true }).outcome.show_chain_partners, true);
  assert.equal(walk(g, { content: true, danger: true }).outcome.reporting, false);
  assert.equal(walk(g, { content: true, danger: false, real_person: false }).outcome.reporting, true);
});

test("tips written for one kind of harm are left out for another; unknown category keeps them", () => {
  const g = bundled("nl");
  const answers = { content: true, danger: false, real_person: true, known: false };
  const ids = (category) => walk(g, answers, category).tips.map((t) => t.id);
  assert.ok(ids(null).includes("influencers"));
  assert.ok(ids("discriminatory").includes("influencers"));
  assert.ok(!ids("hurtful").includes("influencers"), "the racism tip on a bullying post");
  assert.ok(ids("hurtful").length > 0);
});

test("a harmless post ends in 'nothing to do now', with no tips or don'ts about hate", () => {
  const advice = walk(bundled("nl"), { content: false, misinformation: false });
  assert.equal(advice.outcome.id, "monitor");
  assert.equal(advice.outcome.title, "Nu niets doen");
  assert.deepEqual(advice.tips, []);
  assert.deepEqual(advice.donts, []);
  assert.equal(advice.outcome.follow_up, true);
});

test("the refer outcome carries the emergency route; the counter outcomes carry 2 to 4 drafts", () => {
  const g = bundled("nl");
  const refer = walk(g, { content: true, danger: true }).outcome;
  assert.equal(refer.emergency.contacts[0].phone, "112");
  assert.ok(refer.emergency.support.length > 20);
  for (const answers of [PATHS[4][0], PATHS[5][0]]) {
    const { drafts } = walk(g, answers).outcome;
    assert.ok(drafts.length >= 2 && drafts.length <= 4, JSON.stringify(drafts));
    assert.ok(drafts.every((d) => d.text && g.tips[d.tip]));
  }
  assert.deepEqual(walk(g, PATHS[0][0]).outcome.drafts, []);
  assert.equal(walk(g, PATHS[0][0]).outcome.emergency, null);
});

test("answers that do not fit the tree are refused", () => {
  const g = bundled("nl");
  assert.throws(() => walk(g, { nonsense: true }), AnswerError);
  assert.throws(() => walk(g, { content: "yes" }), /true or false/);
  assert.throws(() => walk(g, { content: true, known: true }), /not on the path/);
  assert.throws(() => walk(g, { content: false, danger: true }), /not on the path/);
});

test("going back keeps the answers before the question and drops the branch after it", () => {
  const g = bundled("nl");
  const answers = { content: true, danger: false, real_person: true, known: true, misinformation: true };
  assert.deepEqual(answersBefore(g, answers, "real_person"), { content: true, danger: false, misinformation: true });
  assert.deepEqual(answersBefore(g, answers, "content"), {});
  assert.deepEqual(answersBefore(g, { content: false, misinformation: true }, "misinformation"), { content: false });
});

test("isGuideline accepts the bundled copies and refuses damaged ones", () => {
  assert.equal(isGuideline(bundled("nl")), true);
  assert.equal(isGuideline(bundled("en")), true);
  assert.equal(isGuideline(null), false);
  assert.equal(isGuideline({ start: "content", questions: {} }), false);
});

/** Every set of answers a worker can give: each step of each path, with and without the optional question. */
function allAnswerSets(g) {
  const sets = [];
  const visit = (answers) => {
    sets.push(answers);
    const optional = g.optional_questions.misinformation;
    const optionalApplies = Object.entries(optional.after).every(([q, v]) => answers[q] === v);
    if (optionalApplies && !("misinformation" in answers)) {
      sets.push({ ...answers, misinformation: true }, { ...answers, misinformation: false });
    }
    const advice = walk(g, answers);
    if (!advice.complete) {
      const qid = advice.next_question.id;
      visit({ ...answers, [qid]: true });
      visit({ ...answers, [qid]: false });
    }
  };
  visit({});
  return sets;
}

test("offline walking gives exactly what the server's engine gives, for every answer set (nl, en)", () => {
  const cases = [];
  for (const lang of ["nl", "en"]) {
    for (const answers of allAnswerSets(bundled(lang))) {
      for (const category of [null, "discriminatory", "hurtful", "threatening"]) cases.push({ lang, answers, category });
    }
  }
  assert.ok(cases.length > 40, `only ${cases.length} answer sets`);
  const script = [
    "import json, sys",
    "from server.guideline import load_guideline",
    "g = load_guideline('server/guideline/guideline.json')",
    "cases = json.load(sys.stdin)",
    "print(json.dumps([g.walk(c['answers'], c['lang'], c['category']).as_dict() for c in cases], ensure_ascii=False))",
  ].join("\n");
  const out = execFileSync("python3", ["-c", script], { cwd: ROOT, input: JSON.stringify(cases), encoding: "utf8" });
  const server = JSON.parse(out);
  cases.forEach((c, i) => {
    assert.deepEqual(walk(bundled(c.lang), c.answers, c.category), server[i],
      `${c.lang} ${JSON.stringify(c.answers)} ${c.category}`);
  });
});
